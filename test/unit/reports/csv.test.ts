import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../functions/core/reports/csv.ts';

/** A strict RFC 4180 reader, to check what the writer produces reads back to the same cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('leaves plain text alone', () => expect(csvCell('焦作市 人民路')).toBe('焦作市 人民路'));
  it('quotes a comma', () => expect(csvCell('a,b')).toBe('"a,b"'));
  it('doubles quotes inside quotes', () => expect(csvCell('say "1"')).toBe('"say ""1"""'));
  it('quotes a line break', () => expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"'));
  it('quotes leading and trailing spaces so they survive', () => expect(csvCell(' 1 ')).toBe('" 1 "'));
  it('writes null and undefined as empty cells', () => expect([csvCell(null), csvCell(undefined)]).toEqual(['', '']));
  it('writes numbers as they are', () => expect(csvCell(-4.5)).toBe('-4.5'));
  it.each(['=HYPERLINK("x")', '+86 138****5678', '-2+3', '@SUM(A1)'])('defuses %s so a spreadsheet does not run it', (text) => {
    expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
  });
});

describe('toCsv', () => {
  it('ends every row with CRLF', () => expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n'));
  it('starts with a byte order mark when asked', () => expect(toCsv([['a']], { bom: true })).toBe('\uFEFFa\r\n'));

  it('reads back to the same cells for any text without formula starts', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '路', ',', '"', '\n', '\r', ' ', '1', "'") }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
      expect(readCsv(toCsv(rows))).toEqual(rows);
    }));
  });
});
