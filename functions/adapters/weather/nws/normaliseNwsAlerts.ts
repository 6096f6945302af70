import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import type { OfficialWarning } from '../../../core/forecast/OfficialWarning.ts';
import { nwsAlertsSchema } from './nwsSchemas.ts';

function utc(text: string | null | undefined, where: string): string | null {
  if (text === null || text === undefined || text === '') return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/.test(text)) throw new ForecastValidationError('nws', where, `"${text}" is not a date-time with an offset`);
  return new Date(ms).toISOString();
}

/** "/O.CON.KTFX.WS.A.0020.…/" → "WS.A" (P-VTEC phenomenon.significance). */
function vtecCode(vtec: string | undefined): string | undefined {
  const parts = vtec?.replace(/^\//, '').split('.');
  return parts && parts.length >= 5 ? `${parts[3]}.${parts[4]}` : undefined;
}

/** Validates an /alerts/active answer and maps its actual (not test or exercise) CAP alerts to OfficialWarning. */
export function normaliseNwsAlerts(body: unknown): OfficialWarning[] {
  const parsed = nwsAlertsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ForecastValidationError('nws', `alerts.${issue.path.join('.')}`, issue.message);
  }
  return parsed.data.features
    .map((f, i) => ({ p: f.properties, i }))
    .filter(({ p }) => (p.status ?? 'Actual') === 'Actual')
    .map(({ p, i }) => ({
      source: 'nws',
      id: p.id,
      event: p.event,
      code: vtecCode(p.parameters?.VTEC?.[0]),
      severity: p.severity,
      urgency: p.urgency,
      certainty: p.certainty,
      messageType: p.messageType,
      onset: utc(p.onset, `alerts.features[${i}].onset`),
      // `ends` is the hazard's end; `expires` only the message's, used when no end is given.
      ends: utc(p.ends, `alerts.features[${i}].ends`) ?? utc(p.expires, `alerts.features[${i}].expires`),
      ...(p.headline ? { headline: p.headline } : {}),
      ...(p.sent ? { issuedAt: utc(p.sent, `alerts.features[${i}].sent`)! } : {}),
      ...(p.references?.length ? { references: p.references.map((r) => r.identifier) } : {}),
    }));
}
