import { XMLParser } from 'fast-xml-parser';
import { ForecastValidationError } from '../../../../core/errors/ForecastValidationError.ts';

const SOURCE = 'cap';
/** Larger than any national feed seen (DWD's 1,135-cell update is 340 KB); a bound against abuse. */
const MAX_BYTES = 8 * 1024 * 1024;
const LISTS = new Set(['alert', 'info', 'area', 'polygon', 'circle', 'geocode', 'eventCode', 'parameter', 'entry', 'category', 'responseType']);

/** A CAP document read as plain objects, in the same shape as CAP in JSON (MeteoAlarm's API). */
export type CapObject = Record<string, unknown>;

/**
 * Parses CAP XML: one `<alert>` (CAP 1.1 or 1.2), an `<alerts>` collection, or an Atom feed whose entries
 * carry `cap:` fields (MeteoAlarm, NWS). Namespaces are dropped, every value is kept as text. A document
 * type declaration is refused before parsing: CAP has none, and refusing it rules out external entities
 * (XXE) and entity expansion; fast-xml-parser itself never fetches anything.
 */
export function readCapXml(text: string): { kind: 'alerts' | 'atom'; alerts: CapObject[] } {
  if (text.length > MAX_BYTES) throw new ForecastValidationError(SOURCE, 'body', `document of ${text.length} bytes is over the ${MAX_BYTES}-byte limit`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ForecastValidationError(SOURCE, 'body', 'a document type declaration (<!DOCTYPE / <!ENTITY) is not allowed in CAP: refused unread');
  const parser = new XMLParser({
    ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false,
    ignoreDeclaration: true, ignorePiTags: true, isArray: (name) => LISTS.has(name),
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text, true) as Record<string, unknown>;
  } catch (error) {
    throw new ForecastValidationError(SOURCE, 'body', `not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const first = <T>(v: unknown): T | undefined => (Array.isArray(v) ? (v[0] as T) : (v as T));
  if (doc.alert) return { kind: 'alerts', alerts: doc.alert as CapObject[] };
  const collection = first<CapObject>(doc.alerts);
  if (collection) return { kind: 'alerts', alerts: (collection.alert as CapObject[] | undefined) ?? [] };
  const feed = first<CapObject>(doc.feed);
  if (feed) return { kind: 'atom', alerts: atomAlerts((feed.entry as CapObject[] | undefined) ?? []) };
  throw new ForecastValidationError(SOURCE, 'body', `XML whose root is <${Object.keys(doc)[0] ?? 'nothing'}>, not a CAP <alert>, an <alerts> collection or an Atom <feed>`);
}

/**
 * An Atom index (one entry per alert and area) turned into alerts: entries with the same identifier are
 * one alert with all their areas. The index has no awareness parameters: the event names the colour.
 */
function atomAlerts(entries: CapObject[]): CapObject[] {
  const byId = new Map<string, CapObject>();
  for (const e of entries) {
    const id = String(e.identifier ?? e.id ?? '');
    const area = { areaDesc: e.areaDesc, geocode: e.geocode, polygon: e.polygon, circle: e.circle };
    const known = byId.get(id);
    if (known) {
      ((known.info as CapObject[])[0]!.area as unknown[]).push(area);
      continue;
    }
    byId.set(id, {
      identifier: id, sender: e.sender, sent: e.sent, status: e.status, msgType: e.message_type ?? e.msgType, references: e.references,
      info: [{ event: e.event, severity: e.severity, urgency: e.urgency, certainty: e.certainty, effective: e.effective, onset: e.onset, expires: e.expires, headline: e.headline ?? e.title, area: [area] }],
    });
  }
  return [...byId.values()];
}
