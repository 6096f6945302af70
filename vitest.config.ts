import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on CI's 2 cores, while most
    // files wait on DynamoDB Local, a browser or a child process. Two keep both cores busy.
    maxWorkers: 2,
    // Lambda runs Node 22; these machines run Node 20, which the SDK warns about on every client.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
