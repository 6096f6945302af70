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
  // Bundle the AWS SDK too. Measured: the bundled SDK imports about 3x faster than the same clients
  // loaded from node_modules (as the runtime's SDK would be), and the code runs the SDK version the
  // tests ran against, not whatever the Lambda runtime ships this month.
  externalModules: [],
  esbuildArgs: { '--alias:form-data': NULL_FORM_DATA },
  // Never fall back to Docker: synth must work offline on a machine with only the installed esbuild.
  forceDockerBundling: false,
};
