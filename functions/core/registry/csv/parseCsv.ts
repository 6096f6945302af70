/** One CSV record with the file line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV as spreadsheets write it (RFC 4180): comma-separated, fields in double quotes may hold
 * commas, quotes ("") and line breaks; CRLF or LF; a UTF-8 byte-order mark is ignored. Blank lines
 * are skipped. Throws CsvSyntaxError with the line of an unterminated or misplaced quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let startLine = 1;
  let fieldStarted = false;
  let afterQuote = false;
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
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (fieldStarted || afterQuote) throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote: "")');
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else {
      if (afterQuote) throw new CsvSyntaxError(line, 'text after a closing quote');
      cell += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError(startLine, 'a quoted field is never closed');
  if (cell.length > 0 || cells.length > 0 || fieldStarted) endRecord();
  return records;
}
