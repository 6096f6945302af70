import { CliError } from '../CliError.ts';

/** "--zone jiefang=II --zone macun=IV" as a zoneLevels object; undefined when none given. */
export function parseZoneLevels(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(pair);
    if (!match) throw new CliError(`--zone takes zone=level, e.g. --zone jiefang=II (got "${pair}")`, 2);
    out[match[1]!] = match[2]!;
  }
  return out;
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];
