import type { AnyRoute } from '../../http/RouteDefinition.ts';
import { OPEN311_FORMATS } from '../../open311/Open311Format.ts';
import { discoveryRoute } from './discovery.ts';
import { postRequestRoute } from './postRequest.ts';
import { getRequestRoute, getTokenRoute, listRequestsRoute } from './requests.ts';
import { listServicesRoute, serviceDefinitionRoute } from './services.ts';

/** Open311 GeoReport v2 at /open311/v2, in JSON and XML, and its discovery document. */
export function open311Routes(): AnyRoute[] {
  return [
    ...OPEN311_FORMATS.flatMap((f) => [discoveryRoute(f), listServicesRoute(f), listRequestsRoute(f), postRequestRoute(f)]),
    serviceDefinitionRoute, getRequestRoute, getTokenRoute,
  ];
}
