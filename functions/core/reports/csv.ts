import { showHidden } from '../text/hiddenCharacters.ts';

/** Cells that spreadsheet programs would run as a formula ("+86 138…" included) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces, with
 * quotes doubled. Text a spreadsheet would read as a formula gets a leading apostrophe (OWASP); hidden
 * characters (controls, bidi overrides) are shown as [U+XXXX].
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? showHidden(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: CRLF line ends (RFC 4180); with `bom`, a UTF-8 byte order mark so Excel reads Chinese. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return `${options.bom ? '\uFEFF' : ''}${body}\r\n`;
}
