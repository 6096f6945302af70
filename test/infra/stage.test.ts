import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { parseStage, stageSettings } from '../../lib/config/Stage.ts';

describe('stage', () => {
  it('defaults to dev when no -c stage is given', () => {
    const stage = parseStage(undefined);

    expect(stage).toBe('dev');
  });

  it('accepts prod', () => {
    const stage = parseStage('prod');

    expect(stage).toBe('prod');
  });

  it('refuses an unknown stage instead of deploying a third one', () => {
    const parse = () => parseStage('production');

    expect(parse).toThrow(/unknown stage "production"/);
  });

  it('prod retains stateful resources and dev destroys them', () => {
    const [dev, prod] = [stageSettings('dev'), stageSettings('prod')];

    expect([dev.removalPolicy, prod.removalPolicy]).toEqual([RemovalPolicy.DESTROY, RemovalPolicy.RETAIN]);
  });
});
