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
        // aws-cdk-lib loads once a worker and each stage is synthesised once (test/infra/synthStack.ts). Vitest runs
        // projects' files in the order of the projects' names: 'aws-stack' sorts before 'behaviour', so the stack's long
        // synthesis and bundling start first instead of making the run's tail (no cache, in size order: 156.9 -> 151.0 s).
        extends: true,
        test: { name: 'aws-stack', include: ['test/infra/**/*.test.ts'], isolate: false },
      },
      {
        // Behaviour files share a worker's modules too (isolate off): each file's imports (the SDK, zod's schemas, the
        // planner) load once a worker instead of once a file. Files must leave no state behind them: mocked clients are
        // restored, variables put back, and every memo is kept per API or per table, never per process.
        extends: true,
        test: {
          name: 'behaviour',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/infra/**'],
          globalSetup: ['test/support/globalSetup.ts'],
          isolate: false,
        },
      },
    ],
  },
});
