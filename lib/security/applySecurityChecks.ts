import { Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag's AwsSolutions pack over everything under `scope`. An unacknowledged finding is an error
 * annotation, so `cdk synth` fails on it; each acknowledgement is a NagSuppressions call next to the
 * resource, with its reason. cdk-nag is pinned to 2.x: 3.x fails at synth with this aws-cdk-lib.
 */
export function applySecurityChecks(scope: IConstruct): void {
  Aspects.of(scope).add(new AwsSolutionsChecks({ verbose: true }));
}
