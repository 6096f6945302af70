import { defineRoute } from '../../http/RouteDefinition.ts';
import { XML_TYPE } from '../../open311/Open311Format.ts';
import { xmlObject } from '../../open311/xml.ts';

/** When this interface last changed (Open311 discovery's changeset). */
const CHANGESET = '2026-12-07T00:00:00Z';

function discovery(origin: string) {
  return {
    changeset: CHANGESET,
    contact: 'Snow and ice duty office of the urban management bureau (值班室)',
    key_service: `Reporters verify their phone by SMS code (POST ${origin}/citizen/verifications, then /citizen/verifications/confirm); the pass they get is the api_key of POST requests.`,
    endpoints: [{
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${origin}/open311/v2`,
      changeset: CHANGESET,
      type: 'production',
      formats: ['application/json', 'text/xml'],
    }],
  };
}

/** GET /open311/discovery.{json,xml}: where the GeoReport v2 endpoint is and what it speaks. */
export function discoveryRoute(format: 'json' | 'xml') {
  return defineRoute({
    method: 'GET', path: `/open311/discovery.${format}`, operationId: `open311Discovery_${format}`, tag: 'open311', access: 'public',
    summary: `Open311 discovery (${format.toUpperCase()})`,
    responses: { 200: { description: 'the discovery document', contentType: format === 'json' ? 'application/json' : XML_TYPE } },
    handle: async ({ client }) => format === 'json'
      ? { status: 200, body: discovery(client.origin) }
      : { status: 200, body: xmlObject('discovery', discovery(client.origin), (list) => (list === 'formats' ? 'format' : 'endpoint')), contentType: XML_TYPE },
  });
}
