/**
 * The first registry import of a deployed stage:
 *   npm run registry:import -- --stage prod --table <RegistryTableName output> --file city.json
 * Uses the caller's AWS credentials and region (AWS_PROFILE / AWS_REGION), like `cdk deploy`.
 */
import { parseArgs } from 'node:util';
import { documentClient } from '../../functions/adapters/dynamo/documentClient.ts';
import { loadDeployConfig } from '../../lib/config/loadDeployConfig.ts';
import { parseStage } from '../../lib/config/Stage.ts';
import { importRegistry } from './importRegistry.ts';

const { values } = parseArgs({ options: { stage: { type: 'string' }, table: { type: 'string' }, file: { type: 'string' }, config: { type: 'string' } } });
if (!values.table || !values.file) {
  console.error('usage: npm run registry:import -- --stage dev|prod --table <RegistryTableName> --file <city.json> [--config config/<stage>.json]');
  process.exit(2);
}
const stage = parseStage(values.stage);
try {
  const counts = await importRegistry({ file: values.file, config: loadDeployConfig(stage, values.config), db: documentClient(), tableName: values.table });
  console.log(`imported into ${values.table}: ${counts.zones} zones, ${counts.roads} roads, ${counts.crews} crews, ${counts.vehicles} vehicles`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
