import * as z from '../../../config/zod.ts';
import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import { WARNING_COLOURS, type OfficialWarning, type WarningColour } from '../../../core/forecast/OfficialWarning.ts';

// Built on first use (z.lazy), as are the other providers' schemas: a city's zones name one or two of the
// providers, and the poller's cold start need not build the schemas of the others (npm run bench:bundles).

const SOURCE = 'qweather';

/** /v7/warning/now (deprecated 2026-10-01): `code` is a string; empty strings, not nulls, for unknowns. */
const v7Schema = z.lazy(() => z.object({
  code: z.string(),
  warning: z._default(z.array(z.object({
    id: z.string(),
    title: z.optional(z.string()),
    startTime: z.optional(z.string()),
    endTime: z.optional(z.string()),
    status: z.optional(z.string()),
    severity: z.optional(z.string()),
    severityColor: z.optional(z.string()),
    type: z.string(),
    typeName: z.optional(z.string()),
    urgency: z.optional(z.string()),
    certainty: z.optional(z.string()),
  })), []),
}));

/** /weatheralert/v1/current/{lat}/{lon}: lowercase severity and colour code, null for unknowns. */
const v1Schema = z.lazy(() => z.object({
  metadata: z.looseObject({ zeroResult: z.optional(z.boolean()) }),
  alerts: z._default(z.array(z.object({
    id: z.string(),
    headline: z.optional(z.nullable(z.string())),
    messageType: z.optional(z.nullable(z.looseObject({ code: z.string() }))),
    eventType: z.object({ name: z.string(), code: z.string() }),
    severity: z.optional(z.nullable(z.string())),
    urgency: z.optional(z.nullable(z.string())),
    certainty: z.optional(z.nullable(z.string())),
    color: z.optional(z.nullable(z.looseObject({ code: z.string() }))),
    onsetTime: z.optional(z.nullable(z.string())),
    effectiveTime: z.optional(z.nullable(z.string())),
    expiredTime: z.optional(z.nullable(z.string())),
  })), []),
}));

// QWeather times are "2023-04-03T10:30+08:00" (no seconds); "" or null when unknown.
function utc(text: string | null | undefined, where: string): string | null {
  if (!text) return null;
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) throw new ForecastValidationError(SOURCE, where, `"${text}" is not a date-time with an offset`);
  return new Date(Date.parse(text)).toISOString();
}

function colour(text: string | null | undefined): WarningColour | undefined {
  const c = text?.toLowerCase();
  return (WARNING_COLOURS as readonly string[]).includes(c ?? '') ? (c as WarningColour) : undefined;
}

/** QWeather warnings (either API version) as OfficialWarning; the colour carries the signal level. */
export function normaliseQWeatherWarnings(body: unknown): OfficialWarning[] {
  if (body && typeof body === 'object' && 'alerts' in body) {
    const parsed = v1Schema.safeParse(body);
    if (!parsed.success) throw new ForecastValidationError(SOURCE, parsed.error.issues[0]!.path.join('.'), parsed.error.issues[0]!.message);
    return parsed.data.alerts.map((a, i) => ({
      source: SOURCE, id: a.id, event: a.eventType.name, code: a.eventType.code, colour: colour(a.color?.code),
      severity: a.severity ?? undefined, urgency: a.urgency ?? undefined, certainty: a.certainty ?? undefined,
      messageType: a.messageType?.code,
      onset: utc(a.onsetTime ?? a.effectiveTime, `alerts[${i}].onsetTime`),
      ends: utc(a.expiredTime, `alerts[${i}].expiredTime`),
      ...(a.headline ? { headline: a.headline } : {}),
    }));
  }
  const parsed = v7Schema.safeParse(body);
  if (!parsed.success) throw new ForecastValidationError(SOURCE, parsed.error.issues[0]!.path.join('.') || 'body', parsed.error.issues[0]!.message);
  if (parsed.data.code !== '200') throw new ForecastValidationError(SOURCE, 'code', `QWeather answered code "${parsed.data.code}"`);
  return parsed.data.warning.map((w, i) => ({
    source: SOURCE, id: w.id, event: w.typeName || w.type, code: w.type, colour: colour(w.severityColor),
    severity: w.severity || undefined, urgency: w.urgency || undefined, certainty: w.certainty || undefined,
    messageType: w.status === 'cancel' ? 'Cancel' : w.status === 'update' ? 'Update' : 'Alert',
    onset: utc(w.startTime, `warning[${i}].startTime`),
    ends: utc(w.endTime, `warning[${i}].endTime`),
    ...(w.title ? { headline: w.title } : {}),
  }));
}
