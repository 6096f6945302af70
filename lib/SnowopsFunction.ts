import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { stageSettings, type Stage } from './config/Stage.ts';
import { KEY_ACTIONS, TABLE_ACTIONS, type TableAccess } from './functions/tableAccess.ts';

/** Resolved from this file, not from the working directory, so synth works from any cwd (tests, CLI). */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const HANDLERS_DIR = fileURLToPath(new URL('../functions/handlers/', import.meta.url));
const LOCK_FILE = fileURLToPath(new URL('../package-lock.json', import.meta.url));

/**
 * An ES module has no `require`, but CommonJS dependencies bundled into it still call it for Node
 * built-ins: without this banner the poller bundle dies at import with 'Dynamic require of "util" is
 * not supported' (test/infra/bundles.test.ts loads each bundle the way Lambda does, to catch that).
 */
const CREATE_REQUIRE_BANNER = "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);";

export interface SnowopsFunctionProps {
  /** File name under functions/handlers/, e.g. `forecastPoller.ts`. Its export must be `handler`. */
  handlerFile: string;
  description: string;
  stage: Stage;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
}

/**
 * The one way this project makes a Lambda: Node.js 22 on arm64, bundled locally by esbuild as ESM,
 * minified with source maps, traced, logging to a log group with a retention (the implicit one keeps
 * logs forever, and they hold masked but still operational data).
 */
export class SnowopsFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: SnowopsFunctionProps) {
    const settings = stageSettings(props.stage);
    // Created in the parent scope because NodejsFunction needs it before `this` exists.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: settings.logRetention, removalPolicy: settings.removalPolicy });
    super(scope, id, {
      entry: `${HANDLERS_DIR}${props.handlerFile}`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: LOCK_FILE,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      // Graviton: cheaper per GB-second, and nothing in the bundle is native.
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        // Stack traces point at functions/**/*.ts lines instead of minified columns.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        // Prefer packages' ESM builds so tree-shaking works and fewer CommonJS shims are needed.
        mainFields: ['module', 'main'],
        banner: CREATE_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        // Source text stays out of the map: smaller zip, and line numbers are all a stack trace needs.
        sourcesContent: false,
        // Bundle the AWS SDK too: the code then runs the SDK version the tests ran against, not whatever
        // version the Lambda runtime happens to ship this month.
        externalModules: [],
        // Never fall back to Docker: synth must work offline on a machine with only the installed esbuild.
        forceDockerBundling: false,
      },
    });
  }

  /** Grants `access` to `table` (and its KMS key) and tells the handler the table's name in `envVar`. */
  grantTable(table: ITable, envVar: string, access: TableAccess): void {
    table.grant(this, ...TABLE_ACTIONS[access]);
    // table.grant() covers only DynamoDB actions; a table under a customer-managed key also needs the key.
    table.encryptionKey?.grant(this, ...KEY_ACTIONS[access]);
    this.addEnvironment(envVar, table.tableName);
  }
}
