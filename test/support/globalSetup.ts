import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../local/dynamo/startDynamoLocal.ts';

let dynamo: Promise<DynamoLocal> | undefined;

/** One DynamoDB Local for the whole run (the 'behaviour' project's), on a free port; every test file makes its own tables. */
export async function setup(project: TestProject): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // A JVM start: on a machine shared by many test runs it can take well over the default 30 s.
  dynamo ??= startDynamoLocal(120_000);
  project.provide('dynamoEndpoint', (await dynamo).endpoint);
}

export async function teardown(): Promise<void> {
  await (await dynamo)?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
