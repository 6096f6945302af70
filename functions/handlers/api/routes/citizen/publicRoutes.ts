import { addVoice } from '../../../../core/citizen/addVoice.ts';
import { followTasks } from '../../../../core/citizen/followTask.ts';
import { nearbyOpenCases } from '../../../../core/citizen/nearbyCases.ts';
import { rateCase, readOwnCase } from '../../../../core/citizen/readCaseStatus.ts';
import { verifiedPhone } from '../../../../core/citizen/submitReport.ts';
import { confirmCode, requestCode } from '../../../../core/citizen/verifyPhone.ts';
import * as z from '../../../../config/zod.ts';
import { MAX_PHOTO_BYTES } from '../../../../core/citizen/photos/preparePhoto.ts';
import { uploadPhoto } from '../../../../core/citizen/photos/uploadPhoto.ts';
import { json } from '../../http/ApiResponse.ts';
import { ProblemError } from '../../http/ProblemError.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { cityMapSchema, readCityMap } from '../getMap.ts';
import { citizenDeps } from '../open311/postRequest.ts';
import { caseIdParams, codeConfirmBody, codeRequestBody, nearbyQuery, passResult, ratingBody, statusBody, voiceBody } from './citizenSchemas.ts';
import { reporterView } from './officerView.ts';

/** Open reports near the pin are shown from the last two days (a storm's worth). */
const NEARBY_HOURS = 48;

export const requestCodeRoute = defineRoute({
  method: 'POST', path: '/citizen/verifications', operationId: 'citizenRequestCode', tag: 'citizen', access: 'public',
  summary: 'Text a reporter a verification code',
  description: 'Sends a 6-digit code by SMS, valid 10 minutes; at most 3 codes per phone an hour (429 beyond).',
  body: codeRequestBody,
  responses: { 202: { description: 'the code is on its way' }, 429: { description: 'too many codes for this phone' } },
  handle: async ({ deps, body }) => json(202, await requestCode(citizenDeps(deps), { phone: body.phone, language: body.lang })),
});

export const confirmCodeRoute = defineRoute({
  method: 'POST', path: '/citizen/verifications/confirm', operationId: 'citizenConfirmCode', tag: 'citizen', access: 'public',
  summary: 'Confirm a verification code',
  description: 'A right code earns a pass (valid 24 h) that stands for the verified phone: the api_key of Open311 POST requests. A code takes 5 guesses, then a new one must be asked for.',
  body: codeConfirmBody,
  responses: { 200: { description: 'the pass', schema: passResult }, 422: { description: 'no live code, or the code is wrong' }, 429: { description: 'the code was guessed wrong too often' } },
  handle: async ({ deps, body }) => json(200, await confirmCode(citizenDeps(deps), body)),
});

export const nearbyRoute = defineRoute({
  method: 'GET', path: '/citizen/nearby', operationId: 'citizenNearby', tag: 'citizen', access: 'public',
  summary: 'List open reports near a point',
  description: 'Open reports within radius metres (default 200) of the point from the last 48 h, nearest first: what the page shows before submitting ("already reported"). No phones, no descriptions.',
  query: nearbyQuery,
  responses: { 200: { description: 'the reports near the point' } },
  handle: async ({ deps, query }) => json(200, { reports: await nearbyOpenCases(citizenDeps(deps), { lat: query.lat, lon: query.lon, radiusM: query.radius, withinHours: NEARBY_HOURS, ...(query.category ? { category: query.category } : {}) }) }),
});

export const addVoiceRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/voices', operationId: 'citizenAddVoice', tag: 'citizen', access: 'public',
  summary: 'Add your voice to an open report',
  body: voiceBody,
  params: caseIdParams,
  responses: { 200: { description: 'the voices now, and whether this phone was new to the report' }, 403: { description: 'no live pass' }, 409: { description: 'the report is closed' } },
  handle: async ({ deps, params, body }) => {
    const d = citizenDeps(deps);
    const phone = await verifiedPhone(d, body.pass);
    const { case: c, added } = await addVoice(d, { caseId: params.caseId, phone });
    return json(200, { id: c.id, voices: c.voices, added });
  },
});

export const ownStatusRoute = defineRoute({
  method: 'POST', path: '/citizen/status/{caseId}', operationId: 'citizenReadStatus', tag: 'citizen', access: 'public',
  summary: 'Read your own report\'s status',
  description: 'The key from the status link is sent in the body (POST), so it stays out of URLs and access logs. A wrong key is answered 404, as an unknown case.',
  params: caseIdParams,
  body: statusBody,
  responses: { 200: { description: 'the case as its reporter sees it' } },
  handle: async ({ deps, params, body }) => {
    const d = citizenDeps(deps);
    const [c] = await followTasks({ ...d, tasks: deps.tasks }, [await readOwnCase(d, { caseId: params.caseId, statusKey: body.key })]);
    return json(200, reporterView(c!));
  },
});

export const rateRoute = defineRoute({
  method: 'POST', path: '/citizen/status/{caseId}/rating', operationId: 'citizenRate', tag: 'citizen', access: 'public',
  summary: 'Rate the handling of your closed report (1 to 5)',
  params: caseIdParams,
  body: ratingBody,
  responses: { 200: { description: 'the case with its rating' }, 409: { description: 'not closed yet, or already rated' } },
  handle: async ({ deps, params, body }) => json(200, reporterView(await rateCase(citizenDeps(deps), { caseId: params.caseId, statusKey: body.key, rating: body.rating }))),
});

export const publicMapRoute = defineRoute({
  method: 'GET', path: '/citizen/map', operationId: 'citizenMap', tag: 'citizen', access: 'public',
  summary: 'Read the city map the report page places its pin on',
  description: 'The same geometry as GET /map (road centre lines, zone outlines; no state, no people), without a token, cacheable by anyone.',
  responses: { 200: { description: 'the geometry', schema: cityMapSchema } },
  handle: async ({ deps }) => json(200, await readCityMap(deps.registry), { 'Cache-Control': 'public, max-age=300' }),
});

export const uploadPhotoRoute = defineRoute({
  method: 'POST', path: '/citizen/photos', operationId: 'citizenUploadPhoto', tag: 'citizen', access: 'public',
  summary: 'Upload a photo for a report (before filing it)',
  description: 'The body is the photo\'s bytes (JPEG, PNG or HEIC, told by its content; at most 5 MB), the header X-Reporter-Pass the pass from the phone check. Location and device data (Exif, XMP, text chunks) are removed before it is stored. The answer\'s key goes in the report\'s media_keys. 10 photos per phone an hour.',
  bodyType: 'image',
  maxBodyBytes: MAX_PHOTO_BYTES,
  body: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'the body is the photo'),
  responses: { 201: { description: 'stored: its key, type and size after stripping' }, 403: { description: 'no live pass' }, 422: { description: 'not a JPEG, PNG or HEIC photo, or a broken one' }, 501: { description: 'no photo store here' } },
  handle: async ({ deps, body, client }) => {
    if (!deps.citizen.photos) throw new ProblemError(501, 'not-implemented', 'Not implemented', 'photo uploads are not configured on this deployment');
    return json(201, await uploadPhoto({ ...citizenDeps(deps), photos: deps.citizen.photos }, { pass: client.reporterPass, bytes: body }));
  },
});
