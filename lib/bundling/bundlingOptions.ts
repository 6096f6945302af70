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

/**
 * NODE_OPTIONS of every Lambda (lib/SnowopsFunction.ts): stack traces point at the TypeScript lines under
 * functions/ instead of minified columns. Not free: Node then reads and parses each bundle's source map at import,
 * about 7 ms of a cold start, which bench/bundles.ts counts by running every bundle with these options.
 */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

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
const SEMVER_GTE = fileURLToPath(new URL('./semverGte.mjs', import.meta.url));
const NO_EVENT_STREAMS = fileURLToPath(new URL('./noEventStreams.mjs', import.meta.url));
const AXIOS_WITHOUT_FETCH_PROBE = fileURLToPath(new URL('./axiosWithoutFetchProbe.mjs', import.meta.url));
const NO_DEBUG = fileURLToPath(new URL('./noDebug.cjs', import.meta.url));
const OWN_SOURCE_MAP = fileURLToPath(new URL('./ownSourceMap.mjs', import.meta.url));

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
  // Bundle the AWS SDK too. Measured (README, Deploy) with a node_modules holding the SDK in reach, as the
  // runtime's copy would be: marking @aws-sdk/* and @smithy/* external takes the escalator from 485 KB to
  // 262 KB (the one way under 300 KB) but makes its import 2.4x slower (100 ms instead of 42), as the SDK's
  // packages are then resolved and loaded file by file; and bundled, the code runs the SDK version the tests
  // ran against, not whatever the Lambda runtime ships this month.
  externalModules: [],
  // The SMS provider is fixed per bundle (smsBundling below), so the provider a stage does not use is dropped as
  // dead code: an SNS stage's bundles hold no Alibaba Cloud SDK (functions/handlers/context/smsProvider.ts).
  define: { 'process.env.SNOWOPS_SMS_PROVIDER': JSON.stringify('sns') },
  esbuildArgs: {
    // Each alias drops code that cannot run in these Lambdas, or work whose result they never use; the files say
    // why (form-data and mime-db under axios; the SDK's credential chain beyond the environment; semver under the
    // X-Ray SDK; the SDK's event-stream codec; axios's probe of the fetch API, which loads Node's undici; the
    // `debug` logger of axios's redirect and proxy helpers, silent unless DEBUG is set).
    '--alias:form-data': NULL_FORM_DATA,
    '--alias:@aws-sdk/credential-provider-node': LAMBDA_ENV_CREDENTIALS,
    '--alias:semver': SEMVER_GTE,
    '--alias:@smithy/core/event-streams': NO_EVENT_STREAMS,
    '--alias:axios': AXIOS_WITHOUT_FETCH_PROBE,
    '--alias:debug': NO_DEBUG,
  },
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    // The source map keeps our own code's mappings only: Node parses the whole map at every cold start
    // (LAMBDA_NODE_OPTIONS), and the packages' mappings were nine tenths of it (the file says more).
    afterBundling: (_inputDir: string, outputDir: string) => [`node "${OWN_SOURCE_MAP}" "${outputDir}/index.mjs.map"`],
  },
  // Never fall back to Docker: synth must work offline on a machine with only the installed esbuild.
  forceDockerBundling: false,
};

/** BUNDLING for a stage whose SMS go through `provider` (config sms.provider). */
export function smsBundling(provider: 'sns' | 'aliyun'): BundlingOptions {
  return { ...BUNDLING, define: { ...BUNDLING.define, 'process.env.SNOWOPS_SMS_PROVIDER': JSON.stringify(provider) } };
}
