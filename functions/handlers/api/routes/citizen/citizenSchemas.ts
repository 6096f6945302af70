import * as z from '../../../../config/zod.ts';
import { CASE_STATES } from '../../../../core/citizen/CaseState.ts';
import { CITIZEN_CATEGORIES } from '../../../../core/citizen/CitizenCategory.ts';
import { LANGUAGES } from '../../../../core/registry/Language.ts';
import { MAX_PHOTO_BYTES } from '../../../../core/citizen/photos/preparePhoto.ts';
import { UPLOAD_TYPES } from '../../../../core/citizen/photos/uploadPhoto.ts';
import { E164 } from '../../../../core/registry/PhoneNumber.ts';

export const phoneField = () => z.string({ error: 'phone must be text' }).check(z.regex(E164, 'phone must be an E.164 number such as +8613812345678'));
export const caseIdParams = z.lazy(() => z.object({ caseId: z.string().check(z.regex(/^r[0-9a-z]{1,40}$/, 'a case id looks like r01jf…')) }));
const secret = (name: string) => z.string({ error: `${name} must be text` }).check(z.minLength(20, `${name} is the secret you were given`), z.maxLength(100, `${name} is the secret you were given`));
export const passField = () => secret('pass');
export const keyField = () => secret('key');

export const codeRequestBody = z.lazy(() => z.strictObject({ phone: phoneField(), lang: z._default(z.enum(LANGUAGES, { error: 'lang is zh-CN or en' }), 'zh-CN') }).register(z.globalRegistry, { id: 'CodeRequest' }));
export const codeConfirmBody = z.lazy(() => z.strictObject({ phone: phoneField(), code: z.string().check(z.regex(/^\d{6}$/, 'the code is the 6 digits in the SMS')) }).register(z.globalRegistry, { id: 'CodeConfirm' }));
export const passResult = z.lazy(() => z.object({ pass: z.string(), expiresAt: z.string() }).register(z.globalRegistry, { id: 'ReporterPass' }));

export const nearbyQuery = z.lazy(() => z.object({
  lat: z.coerce.number({ error: 'lat is a latitude in degrees' }).check(z.gte(-90), z.lte(90)),
  lon: z.coerce.number({ error: 'lon is a longitude in degrees' }).check(z.gte(-180), z.lte(180)),
  category: z.optional(z.enum(CITIZEN_CATEGORIES)),
  radius: z._default(z.coerce.number().check(z.int(), z.gte(10, 'radius is 10 to 1000 m'), z.lte(1000, 'radius is 10 to 1000 m')), 200),
}));
export const nearbyCaseSchema = z.lazy(() => z.object({ id: z.string(), category: z.enum(CITIZEN_CATEGORIES), distanceM: z.number(), voices: z.number(), submittedAt: z.string(), lastVoiceAt: z.string() }).register(z.globalRegistry, { id: 'NearbyReport' }));

export const uploadKeyParams = z.lazy(() => z.object({ uploadKey: z.string().check(z.regex(/^u-[0-9a-f]{12}-[0-9a-z]{1,40}$/, 'the upload key is the one POST /citizen/photos answered')) }));
export const photoUploadBody = z.lazy(() => z.strictObject({
  pass: passField(),
  contentType: z.enum(UPLOAD_TYPES, { error: `contentType is one of ${UPLOAD_TYPES.join(', ')}` }),
  bytes: z.number({ error: 'bytes is the photo\'s size' }).check(z.int('bytes is a whole number'), z.gte(1, 'bytes: at least 1'), z.lte(MAX_PHOTO_BYTES, `bytes: at most 5 MB (${MAX_PHOTO_BYTES})`)),
}).register(z.globalRegistry, { id: 'PhotoUploadRequest' }));
export const voiceBody = z.lazy(() => z.strictObject({ pass: passField() }));
export const statusBody = z.lazy(() => z.strictObject({ key: keyField() }));
export const ratingBody = z.lazy(() => z.strictObject({ key: keyField(), rating: z.number({ error: 'rating is a whole number from 1 to 5' }).check(z.int('rating is a whole number from 1 to 5'), z.gte(1, 'rating is 1 to 5'), z.lte(5, 'rating is 1 to 5')) }));

const officerText = (name: string, min: number) => z.string({ error: `${name} must be text` }).check(z.trim(), z.minLength(min, `${name}: at least ${min} characters`), z.maxLength(500, `${name}: at most 500 characters`));
export const reasonBody = z.lazy(() => z.strictObject({ reason: officerText('reason', 3) }));
export const noteBody = z.lazy(() => z.optional(z.strictObject({ note: z.optional(officerText('note', 1)) })));
export const mergeBody = z.lazy(() => z.strictObject({ intoId: z.string().check(z.regex(/^r[0-9a-z]{1,40}$/, 'intoId is the id of the case that carries on')) }));
export const queueQuery = z.lazy(() => z.object({
  state: z.optional(z.enum(CASE_STATES)),
  days: z._default(z.coerce.number().check(z.int(), z.gte(1, 'days is 1 to 90'), z.lte(90, 'days is 1 to 90')), 7),
}));
