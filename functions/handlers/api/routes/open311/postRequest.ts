import { statusPath } from '../../../../core/citizen/statusPath.ts';
import { submitReport } from '../../../../core/citizen/submitReport.ts';
import type { ApiDeps } from '../../ApiDeps.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { open311List, XML_TYPE, type Open311Format } from '../../open311/Open311Format.ts';
import { postRequestForm } from '../../open311/open311Schemas.ts';

/** The citizen use cases' ports, from the API's. */
export function citizenDeps(deps: ApiDeps) {
  return { ...deps.citizen, log: deps.log, clock: deps.clock, ids: deps.ids };
}

/**
 * POST /open311/v2/requests.{json,xml}: a report, as an HTML form. api_key is the pass a reporter's
 * phone earned with its SMS code; a reporter's requests are limited per phone and per address.
 */
export function postRequestRoute(format: Open311Format) {
  return defineRoute({
    method: 'POST', path: `/open311/v2/requests.${format}`, operationId: `open311PostRequest_${format}`, tag: 'open311', access: 'public',
    summary: `Report a problem (Open311, ${format.toUpperCase()})`,
    description: 'Form fields: api_key (the pass from POST /citizen/verifications/confirm), service_code, lat, long, address_string, description (at most 4,000 characters; markup is removed), lang (zh-CN or en), media_keys (our extension: up to two keys from POST /citizen/photos). 403 without a live pass, 429 past the limits (5 reports per phone and 30 per network address an hour).',
    bodyType: 'application/x-www-form-urlencoded',
    body: postRequestForm,
    responses: {
      201: { description: 'the new request: its id, a token, and status_url (the reporter\'s own status page)', contentType: format === 'json' ? 'application/json' : XML_TYPE },
      403: { description: 'no live pass in api_key' },
      429: { description: 'too many reports from this phone or address' },
    },
    handle: async ({ deps, body, client }) => {
      const { case: c, statusKey } = await submitReport(citizenDeps(deps), {
        pass: body.api_key, sourceAddress: client.sourceIp,
        category: body.service_code, description: body.description, lat: body.lat, lon: body.long,
        ...(body.address_string ? { address: body.address_string } : {}),
        language: body.lang, ...(body.media_keys ? { photoKeys: body.media_keys } : {}),
      });
      return open311List(201, format, 'service_requests', 'request', [{
        service_request_id: c.id,
        token: `tk-${c.id}`,
        service_notice: body.lang === 'zh-CN' ? '已受理，立案后将短信通知您。' : 'Received; you will get an SMS when it is registered.',
        account_id: '',
        status_url: `${client.origin}${statusPath(c.id, statusKey)}`,
      }]);
    },
  });
}
