import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DynamoResponseLog } from '../../../functions/adapters/dynamo/DynamoResponseLog.ts';
import type { IdGenerator } from '../../../functions/core/ports/IdGenerator.ts';
import { localTables } from '../../support/localTables.ts';

class FixedIds implements IdGenerator {
  next(): string {
    return '01FIXED';
  }
}

describe('the response log is append-only in code', () => {
  it('offers appending and reading only: no method that could change or remove an entry', () => {
    const methods = Object.getOwnPropertyNames(DynamoResponseLog.prototype).filter((m) => m !== 'constructor').sort();
    expect(methods).toEqual(['append', 'latest', 'list', 'page']);
  });

  it('sends DynamoDB nothing but conditional puts (through writeIf) and queries', async () => {
    const source = await readFile(new URL('../../../functions/adapters/dynamo/DynamoResponseLog.ts', import.meta.url), 'utf8');
    const commands = [...source.matchAll(/\b(\w+Command)\b/g)].map((m) => m[1]);
    const conditionalWrites = [...source.matchAll(/writeIf\(this\.db, \{ (\w+):/g)].map((m) => m[1]);
    expect({ commands: new Set(commands), conditionalWrites }).toEqual({ commands: new Set(['QueryCommand']), conditionalWrites: ['Put'] });
    expect(source).toContain("ConditionExpression: 'attribute_not_exists(entryId)'");
  });

  it('refuses to overwrite an entry that has the same key, leaving the first as it was', async () => {
    const { db, names } = await localTables();
    const log = new DynamoResponseLog(db, names.LOG_TABLE, new FixedIds());
    const at = '2026-12-14T02:00:00.000Z';
    await log.append({ activationId: 'act-1', at, actor: 'officer-li', action: 'activation.opened', details: { level: 'II' }, reason: 'warning' });
    await expect(log.append({ activationId: 'act-1', at, actor: 'intruder', action: 'activation.opened', details: { level: 'IV' }, reason: 'rewritten' })).rejects.toThrow(/conditional/i);
    expect(await log.list('act-1')).toEqual([{ activationId: 'act-1', at, actor: 'officer-li', action: 'activation.opened', details: { level: 'II' }, reason: 'warning' }]);
  });
});
