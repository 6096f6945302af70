import { addVoice } from '../../../../core/citizen/addVoice.ts';
import { followTasks } from '../../../../core/citizen/followTask.ts';
import { nearbyOpenCases } from '../../../../core/citizen/nearbyCases.ts';
import { rateCase, readOwnCase } from '../../../../core/citizen/readCaseStatus.ts';
import { verifiedPhone } from '../../../../core/citizen/submitReport.ts';
import { confirmCode, requestCode } from '../../../../core/citizen/verifyPhone.ts';
import { completePhotoUpload, requestPhotoUpload, UPLOAD_MINUTES } from '../../../../core/citizen/photos/uploadPhoto.ts';
import type { ApiDeps } from '../../ApiDeps.ts';
import { json } from '../../http/ApiResponse.ts';
import { ProblemError } from '../../http/ProblemError.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { cityMapSchema, readCityMap } from '../getMap.ts';
import { citizenDeps } from '../open311/postRequest.ts';
import { caseIdParams, codeConfirmBody, codeRequestBody, nearbyQuery, passResult, photoUploadBody, ratingBody, statusBody, uploadKeyParams, voiceBody } from './citizenSchemas.ts';
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

/** Without a photo store (none configured) the photo routes say so. */
function photoStore(deps: ApiDeps) {
  if (!deps.citizen.photos) throw new ProblemError(501, 'not-implemented', 'Not implemented', 'photo uploads are not configured on this deployment');
  return { ...citizenDeps(deps), photos: deps.citizen.photos };
}

export const requestPhotoUploadRoute = defineRoute({
  method: 'POST', path: '/citizen/photos', operationId: 'citizenRequestPhotoUpload', tag: 'citizen', access: 'public',
  summary: 'Ask where to upload a photo for a report (before filing it)',
  description: `The body names the pass from the phone check, the photo's type and its size in bytes (at most 5 MB). The answer is an upload key and a presigned PUT, valid ${UPLOAD_MINUTES} minutes, that takes exactly that type and size; then POST /citizen/photos/{uploadKey} has the server read it. 10 photos per phone an hour.`,
  body: photoUploadBody,
  responses: { 201: { description: 'the upload key and where to PUT the photo' }, 403: { description: 'no live pass' }, 422: { description: 'not a photo type, or over 5 MB' }, 429: { description: 'too many photos from this phone' }, 501: { description: 'no photo store here' } },
  handle: async ({ deps, body }) => json(201, await requestPhotoUpload(photoStore(deps), { pass: body.pass, contentType: body.contentType, bytes: body.bytes })),
});

export const completePhotoUploadRoute = defineRoute({
  method: 'POST', path: '/citizen/photos/{uploadKey}', operationId: 'citizenCompletePhotoUpload', tag: 'citizen', access: 'public',
  summary: 'Have the server take an uploaded photo',
  description: 'The server reads the upload (then removes it: the raw upload is never served), tells JPEG, PNG or HEIC by its content, removes location and device data (Exif, XMP, text chunks) and stores the clean copy. The answer\'s key goes in the report\'s media_keys.',
  params: uploadKeyParams,
  body: voiceBody,
  responses: { 201: { description: 'stored: its key, type and size after stripping' }, 403: { description: 'no live pass' }, 422: { description: 'nothing uploaded, not a JPEG, PNG or HEIC photo, or a broken one' }, 501: { description: 'no photo store here' } },
  handle: async ({ deps, params, body }) => json(201, await completePhotoUpload(photoStore(deps), { pass: body.pass, uploadKey: params.uploadKey })),
});
