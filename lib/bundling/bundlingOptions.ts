import { fileURLToPath } from 'node:url';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** Resolved from this file, not from the working directory, so synth works from any cwd (tests, CLI, bench). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const HANDLERS_DIR = fileURLToPath(new URL('../../functions/handlers/', import.meta.url));
export const LOCK_FILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
// Graviton: cheaper per GB-second, and nothing in the bundle is native.
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;

/** The file under functions/handlers/ a Lambda runs, e.g. `forecastPoller.ts`. */
export function handlerEntry(handlerFile: string): string {
  return `${HANDLERS_DIR}${handlerFile}`;
}

/**
 * An ES module has no `require`, but CommonJS dependencies bundled into it still call it for Node
 * built-ins: without this banner the poller bundle dies at import with 'Dynamic require of "util" is
 * not supported' (test/infra/bundles.test.ts loads each bundle the way Lambda does, to catch that).
 */
export const CREATE_REQUIRE_BANNER = "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);";

const NULL_FORM_DATA = fileURLToPath(new URL('./nullFormData.mjs', import.meta.url));
const LAMBDA_ENV_CREDENTIALS = fileURLToPath(new URL('./lambdaEnvCredentials.mjs', import.meta.url));

/**
 * How every Lambda is bundled, exported so bench/bundles.ts builds exactly what the stack deploys.
 * Measured with `npm run bench:bundles` (numbers in the README's Deploy section).
 */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  // Prefer packages' ESM builds so tree-shaking works and fewer CommonJS shims are needed.
  mainFields: ['module', 'main'],
  banner: CREATE_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  // Source text stays out of the map: smaller zip, and line numbers are all a stack trace needs.
  sourcesContent: false,
  // Bundle the AWS SDK too. Measured (README, Deploy): marking @aws-sdk/* external to use the runtime's
  // SDK makes the bundle 360 KB smaller but its import about 1.5x slower, as the SDK's hundred packages
  // are then resolved and loaded from node_modules; and bundled, the code runs the SDK version the tests
  // ran against, not whatever the Lambda runtime ships this month.
  externalModules: [],
  esbuildArgs: {
    // Each alias drops code that cannot run in these Lambdas; the files say why.
    '--alias:form-data': NULL_FORM_DATA,
    '--alias:@aws-sdk/credential-provider-node': LAMBDA_ENV_CREDENTIALS,
  },
  // Never fall back to Docker: synth must work offline on a machine with only the installed esbuild.
  forceDockerBundling: false,
};
