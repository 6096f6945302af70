import * as z from '../../../config/zod.ts';
import { CITIZEN_CATEGORIES } from '../../../core/citizen/CitizenCategory.ts';
import { LANGUAGES } from '../../../core/registry/Language.ts';

/** The page's language (our extension: Open311 has none); service names and notes follow it. */
export const langSchema = z._default(z.enum(LANGUAGES, { error: 'lang is zh-CN or en' }), 'en');

export const open311LangQuery = z.lazy(() => z.object({ lang: langSchema, jurisdiction_id: z.optional(z.string().check(z.maxLength(100))) }));

/** A path parameter "<id>.<format>". */
export const fileParam = (what: string, id: RegExp) => z.lazy(() => z.object({
  file: z.string().check(z.regex(new RegExp(`^${id.source}\\.(json|xml)$`), `${what} followed by .json or .xml`)),
}));

const commaList = (item: RegExp, what: string, max: number) => z.pipe(
  z.string().check(z.maxLength(2000)),
  z.transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
).check(z.refine((xs) => xs.length <= max && xs.every((x) => item.test(x)), `a comma-separated list of at most ${max} ${what}`));

const instant = z.pipe(z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be a W3C date-time, e.g. 2026-12-14T08:00:00+08:00')), z.transform((s) => new Date(s).toISOString()));
const positive = (max: number, fallback: number) => z._default(z.coerce.number({ error: `a whole number from 1 to ${max}` }).check(z.int(`a whole number from 1 to ${max}`), z.gte(1, `a whole number from 1 to ${max}`), z.lte(max, `a whole number from 1 to ${max}`)), fallback);

/** GET /requests: Open311's filters and the page / page_size extension. */
export const requestsQuery = z.lazy(() => z.object({
  service_request_id: z.optional(commaList(/^r[0-9a-z]{1,40}$/, 'request ids', 100)),
  service_code: z.optional(commaList(new RegExp(`^(${CITIZEN_CATEGORIES.join('|')})$`), `service codes (${CITIZEN_CATEGORIES.join(', ')})`, CITIZEN_CATEGORIES.length)),
  start_date: z.optional(instant),
  end_date: z.optional(instant),
  status: z.optional(commaList(/^(open|closed)$/, 'statuses (open, closed)', 2)),
  page: positive(10_000, 1),
  page_size: positive(1000, 100),
  lang: langSchema,
  jurisdiction_id: z.optional(z.string().check(z.maxLength(100))),
}));

/** POST /requests: Open311's form fields (the ones we take), and our lang extension. */
export const postRequestForm = z.lazy(() => z.object({
  api_key: z.optional(z.string().check(z.maxLength(200))),
  jurisdiction_id: z.optional(z.string().check(z.maxLength(100))),
  service_code: z.enum(CITIZEN_CATEGORIES, { error: `service_code is one of ${CITIZEN_CATEGORIES.join(', ')} (GET /open311/v2/services.json)` }),
  // Open311 also allows address_string alone; we cannot place an address on the map, so the pin is required.
  lat: z.coerce.number({ error: 'give the latitude (WGS 84 degrees) of the pin or the phone\'s GPS' }).check(z.gte(-90, 'lat is from -90 to 90'), z.lte(90, 'lat is from -90 to 90')),
  long: z.coerce.number({ error: 'give the longitude (WGS 84 degrees) of the pin or the phone\'s GPS' }).check(z.gte(-180, 'long is from -180 to 180'), z.lte(180, 'long is from -180 to 180')),
  address_string: z.optional(z.string().check(z.maxLength(200, 'address_string: at most 200 characters'))),
  description: z._default(z.string().check(z.maxLength(4000, 'description: at most 4,000 characters')), ''),
  lang: langSchema,
  // Our extension: the keys POST /citizen/photos answered, for up to two photos (Open311's media_url is a link).
  media_keys: z.optional(commaList(/^p-[0-9a-f]{12}-[0-9a-z]{10,40}$/, 'photo keys from POST /citizen/photos', 2)),
}));
