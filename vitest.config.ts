import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that load a Lambda's entry module under an environment they stub, and reset the module registry to do it:
 * in a shared worker that would load the API's schemas twice (zod's registry refuses a second 'Activation').
 */
const FRESH_MODULES = ['test/integration/api/lambdaEntry.test.ts', 'test/integration/api/publicLambdaEntry.test.ts'];

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
        // Behaviour files share their worker's modules too: each file still builds its own world (tables, twins,
        // servers), and importing the SDK, Powertools and the core once a worker instead of once a file saves about
        // a third of the suite. A file that needs modules loaded afresh (a Lambda entry read under its own
        // environment) is listed in FRESH_MODULES and runs in the 'fresh-modules' project.
        extends: true,
        test: {
          name: 'behaviour',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/infra/**', ...FRESH_MODULES],
          globalSetup: ['test/support/globalSetup.ts'],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'fresh-modules',
          include: FRESH_MODULES,
          globalSetup: ['test/support/globalSetup.ts'],
        },
      },
    ],
  },
});
