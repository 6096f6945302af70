import type { ApiHarness, MemoryApiHarness } from './apiHarness.ts';

let n = 0;

/** A fresh phone number for each reporter in a test file. */
export function newReporterPhone(): string {
  return `+86137${String(process.pid % 1000).padStart(3, '0')}${String(n++).padStart(5, '0')}`;
}

/** Verifies a phone through the public routes (the code read from the SMS sent) and returns its pass. */
export async function reporterPass(api: ApiHarness | MemoryApiHarness, phone = newReporterPhone()): Promise<string> {
  const asked = await api.call('POST', '/citizen/verifications', { as: 'none', body: { phone, lang: 'en' } });
  if (asked.status !== 202) throw new Error(`code request: ${asked.status} ${asked.text}`);
  const sms = api.deps.sms.sent.filter((s) => s.to === phone).at(-1)!;
  const code = /(\d{6})/.exec(sms.body)![1]!;
  const confirmed = await api.call('POST', '/citizen/verifications/confirm', { as: 'none', body: { phone, code } });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
  return confirmed.json.pass as string;
}

/** An Open311 form POST. */
export function form(fields: Record<string, string | number>): { rawBody: string; headers: Record<string, string> } {
  return { rawBody: new URLSearchParams(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
}
