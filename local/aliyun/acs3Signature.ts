import { createHash, createHmac } from 'node:crypto';

/** RFC 3986 encoding as Alibaba Cloud's V3 signature canonicalises query values. */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface SignedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * Checks an ACS3-HMAC-SHA256 Authorization header (Alibaba Cloud's V3 request signature), recomputed here from
 * the request as it arrived: canonical request (method, path, sorted query, the signed headers, the payload
 * hash), hashed, then HMAC-SHA256 with the secret of the access key id it names. Returns why it fails, or null.
 */
export function acs3SignatureProblem(request: SignedRequest, secretOf: (accessKeyId: string) => string | undefined): string | null {
  const authorization = String(request.headers.authorization ?? '');
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match) return 'no ACS3-HMAC-SHA256 Authorization header';
  const [, accessKeyId, signedHeaderList, signature] = match as unknown as [string, string, string, string];
  const secret = secretOf(accessKeyId);
  if (secret === undefined) return `unknown AccessKeyId ${accessKeyId}`;
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  if (request.headers['x-acs-content-sha256'] !== payloadHash) return 'x-acs-content-sha256 does not match the body';
  const signedHeaders = signedHeaderList.split(';');
  for (const required of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (!signedHeaders.includes(required)) return `${required} is not signed`;
  }
  const keys = [...new Set(request.query.keys())].sort();
  const canonicalQuery = keys.map((k) => `${percentEncode(k)}=${percentEncode(request.query.get(k) ?? '')}`).join('&');
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${String(request.headers[h] ?? '').trim()}\n`).join('');
  const canonicalRequest = [request.method, request.path, canonicalQuery, canonicalHeaders, signedHeaderList, payloadHash].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const expected = createHmac('sha256', secret).update(stringToSign).digest('hex');
  return expected === signature ? null : 'the request signature does not match';
}
