import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on CI's 2 cores, while most
    // files wait on DynamoDB Local, a browser or a child process. Two keep both cores busy.
    maxWorkers: 2,
    // Lambda runs Node 22; these machines run Node 20, which the SDK warns about on every client.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        // The stack's files read synthesised templates and nothing else: they share a worker's modules, so
        // aws-cdk-lib loads once a worker and each stage is synthesised once (test/infra/synthStack.ts).
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], isolate: false },
      },
      {
        // Behaviour files keep a worker's modules to themselves. Shared (isolate off), a fresh clone's vitest took 318 s,
        // but in a full run in vitest's size order the OpenAPI document then met two schemas under the id 'Task' (zod
        // refuses that) and its tests failed; where the second copy comes from is not yet found (issue 13's note).
        extends: true,
        test: {
          name: 'behaviour',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/infra/**'],
          globalSetup: ['test/support/globalSetup.ts'],
        },
      },
    ],
  },
});
