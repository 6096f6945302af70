import Table from 'cli-table3';

/** A table for people, sized to its content. */
export function table(head: string[], rows: (string | number | null | undefined)[][]): string {
  const t = new Table({ head, style: { head: [], border: [] }, wordWrap: true });
  for (const row of rows) t.push(row.map((c) => (c === null || c === undefined ? '' : String(c))));
  return t.toString();
}

/** JSON for scripts, one document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** "2026-12-14 08:05" in the city's time zone; "—" for none. */
export function when(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}
