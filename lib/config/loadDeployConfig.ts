import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DeployConfigError } from './DeployConfigError.ts';
import { deployConfigSchema, type DeployConfig } from './deployConfigSchema.ts';
import type { Stage } from './Stage.ts';

/** config/<stage>.json, resolved from this file so synth works from any working directory. */
export function defaultConfigFile(stage: Stage): string {
  return fileURLToPath(new URL(`../../config/${stage}.json`, import.meta.url));
}

/** Reads and validates a stage's deploy configuration; throws DeployConfigError naming the file and the fields. */
export function loadDeployConfig(stage: Stage, file: string = defaultConfigFile(stage)): DeployConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DeployConfigError(file, [`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DeployConfigError(file, [`not JSON: ${(error as Error).message}`]);
  }
  const parsed = deployConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new DeployConfigError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));
  }
  if (parsed.data.stage !== stage) {
    throw new DeployConfigError(file, [`stage: the file is for "${parsed.data.stage}" but -c stage=${stage} was asked for`]);
  }
  return parsed.data;
}
