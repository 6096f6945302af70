import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../functions/core/registry/csv/CsvProblem.ts';
import { parseCsv } from '../../../functions/core/registry/csv/parseCsv.ts';
import { readRows } from '../../../functions/core/registry/csv/readRows.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/registry/${name}`, import.meta.url), 'utf8');

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and numbers records by the line they start on', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('ignores a byte-order mark', () => {
    expect(parseCsv('\ufeffid,name\nR1,路')[0]!.cells).toEqual(['id', 'name']);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('id,name\nR1,"open\nR2,x\n')).toThrow('line 2, column 4 (name): a quoted field is never closed');
  });
});

describe('readRows', () => {
  it('reads a good roads file: a line road gets its middle vertex as reference point, per-level passes and targets', () => {
    const { rows, problems } = readRows('roads', parseCsv(fixture('roads.good.csv')));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]!.record).toMatchObject({ id: 'R101', latitude: 35.2358, longitude: 113.206, passes: ['spreader', 'plough'], passesByLevel: { IV: ['spreader'] }, targetHoursByLevel: { I: 6, IV: 2 } });
    expect(rows[1]!.record.name).toBe('建设路, 北段');
    expect(rows[2]!.record.agentAllowed).toBe(false);
  });

  it('lists every bad cell with its line, column and reason', () => {
    const { rows, problems } = readRows('roads', parseCsv(fixture('roads.bad.csv')));
    expect(rows.map((r) => r.record.id)).toEqual(['R201', 'R203', 'R201']);
    expect(problems).toEqual([
      { line: 3, column: 'tier', reason: 'must be one of 1, 2, 3 (got "4")' },
      { line: 3, column: 'lane_km', reason: 'must be a number (got "abc")' },
      { line: 5, column: 'passes', reason: 'unknown equipment class "shovel"; use plough, spreader, snow-melter, loader, sweeper (got "shovel")' },
      { line: 5, column: 'agent_allowed', reason: 'must be yes or no (got "maybe")' },
    ]);
  });

  it('formats one line per bad row', () => {
    const { problems } = readRows('roads', parseCsv(fixture('roads.bad.csv')));
    expect(formatProblems(problems)).toEqual([
      'line 3: tier: must be one of 1, 2, 3 (got "4"); lane_km: must be a number (got "abc")',
      'line 5: passes: unknown equipment class "shovel"; use plough, spreader, snow-melter, loader, sweeper (got "shovel"); agent_allowed: must be yes or no (got "maybe")',
    ]);
  });

  it('refuses a header with an unknown column or without a required one, before reading rows', () => {
    const { rows, problems } = readRows('vehicles', parseCsv('id,label,klass,zone,depot,status,work_rate\nV1,x,plough,jiefang,d,ready,14\n'));
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[1, 'klass'], [1, 'class']]);
  });

  it('reads crews with phones written with spaces, default language and an optional shift', () => {
    const { rows, problems } = readRows('crews', parseCsv(fixture('crews.good.csv')));
    expect(problems).toEqual([]);
    expect(rows[1]!.record).toMatchObject({ id: 'C102', leader: { phone: '+8613900391102', language: 'en' }, backup: { language: 'zh-CN' } });
    expect(rows[1]!.record.shift).toBeUndefined();
    expect(rows[0]!.record.shift).toEqual({ start: '07:00', end: '19:00' });
  });

  it('flags a row with the wrong number of fields as a whole', () => {
    const { problems } = readRows('vehicles', parseCsv('id,label,class,zone,depot,status,work_rate\nV1,x,plough,jiefang\n'));
    expect(problems).toEqual([{ line: 2, column: '-', reason: 'has 4 fields; the header has 7' }]);
  });
});
