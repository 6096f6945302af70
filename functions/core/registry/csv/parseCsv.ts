/** One CSV record with the file line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Where a CSV file is broken: its line, the character on that line (1-based) and the field (1-based, with its header name once known). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly at: { character: number; field: number; header?: string } = { character: 1, field: 1 },
  ) {
    super(`line ${line}, column ${at.character}${at.header ? ` (${at.header})` : ` (field ${at.field})`}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV as spreadsheets write and read it (RFC 4180): comma-separated; a field that starts with a
 * double quote may hold commas, quotes ("") and line breaks; CRLF, LF or CR; a UTF-8 byte-order mark is
 * ignored; blank lines are skipped. A quote inside an unquoted field is an ordinary character, as
 * spreadsheets and the csv-spectrum suite read it (inch and second marks: 37°36'37.8"N). Throws
 * CsvSyntaxError, with line and column, for a quoted field that is never closed or has text after its
 * closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let lineStart = 0;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let startLine = 1;
  let fieldStarted = false;
  let afterQuote = false;
  let opened = { line: 1, character: 1, field: 1 };
  const header = (field: number) => records[0]?.cells[field - 1];
  const broken = (at: { line: number; character: number; field: number }, reason: string) =>
    new CsvSyntaxError(at.line, reason, { character: at.character, field: at.field, ...(records.length > 0 && header(at.field) ? { header: header(at.field) } : {}) });
  const newLine = (i: number) => { line++; lineStart = i + 1; };
  const endCell = () => { cells.push(cell); cell = ''; fieldStarted = false; afterQuote = false; };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: startLine, cells });
    cells = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { cell += '"'; i++; } else { quoted = false; afterQuote = true; }
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) newLine(i);
        cell += ch;
      }
      continue;
    }
    if (ch === ',') {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      newLine(i);
      startLine = line;
    } else if (afterQuote) {
      throw broken({ line, character: i - lineStart + 1, field: cells.length + 1 }, 'text after a closing quote (quote the whole field and double any quote inside it: "")');
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      opened = { line, character: i - lineStart + 1, field: cells.length + 1 };
    } else {
      cell += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw broken(opened, 'a quoted field is never closed');
  if (cell.length > 0 || cells.length > 0 || fieldStarted) endRecord();
  return records;
}
