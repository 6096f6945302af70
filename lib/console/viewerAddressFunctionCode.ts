import { VIEWER_ADDRESS_HEADER } from '../api/PublicApiFirewall.ts';

/**
 * A CloudFront Function (viewer request, JavaScript 2.0) that sets VIEWER_ADDRESS_HEADER to the viewer's
 * address, replacing any value the viewer sent, so the citizens' API's web ACL counts each citizen and
 * not the CloudFront edge that connects to it.
 */
export function viewerAddressFunctionCode(): string {
  return `function handler(event) { var r = event.request; r.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip }; return r; }`;
}
