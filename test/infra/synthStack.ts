import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { DeployConfig } from '../../lib/config/deployConfigSchema.ts';
import { loadDeployConfig } from '../../lib/config/loadDeployConfig.ts';
import type { Stage } from '../../lib/config/Stage.ts';
import { applySecurityChecks } from '../../lib/security/applySecurityChecks.ts';
import { SnowopsStack } from '../../lib/SnowopsStack.ts';

/** The feature flags `cdk synth` applies, so the tests see the template the CLI produces. */
const CDK_CONTEXT = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;

export interface Synthesised {
  stack: SnowopsStack;
  template: Template;
  outdir: string;
  logicalId(construct: IConstruct): string;
  dispose(): void;
}

export interface SynthOptions {
  /** Runs cdk-nag's AwsSolutions pack, as bin/snowops.ts does. */
  nag?: boolean;
  /** Bundles the handlers with the real esbuild; otherwise CDK skips bundling (as `cdk synth --exclusively` does for other stacks). */
  bundle?: boolean;
  /** Replaces parts of config/<stage>.json. */
  config?: (config: DeployConfig) => DeployConfig;
}

/** Context that makes CDK skip asset bundling: the template is the same, the code asset a placeholder. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/**
 * Synthesises one stage from its config file into a temporary cloud assembly. Bundling is opt-in: the
 * template does not depend on it, and skipping it keeps the infra suite fast.
 */
export function synthStack(stage: Stage, options: SynthOptions = {}): Synthesised {
  // A stage as its config file says is synthesised once a worker (the infra files share their modules); a test
  // that changes the config gets its own. Nothing a test does changes a synthesised stack.
  if (options.config) return synthesise(stage, options);
  const key = `${stage} nag=${options.nag === true} bundle=${options.bundle === true}`;
  let shared = SHARED.get(key);
  if (!shared) {
    const synthesised = synthesise(stage, options);
    process.once('exit', synthesised.dispose);
    shared = { ...synthesised, dispose: () => {} };
    SHARED.set(key, shared);
  }
  return shared;
}

const SHARED = new Map<string, Synthesised>();

function synthesise(stage: Stage, options: SynthOptions): Synthesised {
  const outdir = mkdtempSync(join(tmpdir(), 'snowops-infra-'));
  const app = new App({ outdir, context: { ...CDK_CONTEXT, ...(options.bundle ? {} : NO_BUNDLING) } });
  const base = loadDeployConfig(stage);
  const stack = new SnowopsStack(app, `snowops-${stage}`, { config: options.config ? options.config(base) : base });
  if (options.nag) applySecurityChecks(app);
  const template = Template.fromStack(stack);
  return {
    stack,
    template,
    outdir,
    logicalId: (construct) => stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement),
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

/** Every statement of every identity policy in the template. */
export function identityStatements(template: Template): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy') as Record<string, { Properties: { PolicyDocument: { Statement: Statement[] } } }>;
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
}

export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** True when a statement's Resource refers to the resource with this logical id (Ref, GetAtt or inside a Join). */
export function refersTo(statement: Statement, logicalId: string): boolean {
  return JSON.stringify(statement.Resource).includes(`"${logicalId}"`);
}
