import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from './ProblemError.ts';

const UTF8 = /^utf-?8$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The charset parameter of a Content-Type header, unquoted; undefined when none is declared. */
function declaredCharset(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType);
  return m ? m[2] : undefined;
}

function notUtf8(detail: string): ProblemError {
  return new ProblemError(415, 'unsupported-charset', 'Unsupported charset', detail, { errors: [{ in: 'header', field: 'Content-Type', detail }] });
}

/**
 * The body as text, only when it is UTF-8: a body declared in another charset is refused naming it,
 * and bytes that are not UTF-8 are refused however they are declared, so nothing is stored mangled.
 * API Gateway passes text types already decoded (a bad byte becomes U+FFFD) and binary ones in base64.
 */
export function decodeBody(event: APIGatewayProxyEventV2): string {
  if (event.body === undefined || event.body === null) return '';
  const charset = declaredCharset(event.headers['content-type'] ?? '');
  if (charset !== undefined && !UTF8.test(charset)) {
    throw notUtf8(`the body is declared as charset ${charset}; send it as UTF-8 (Content-Type: …; charset=utf-8), e.g. save the spreadsheet as "CSV UTF-8"`);
  }
  let text: string;
  if (event.isBase64Encoded) {
    try {
      text = strictUtf8.decode(Buffer.from(event.body, 'base64'));
    } catch {
      throw notUtf8('the body is not valid UTF-8; send it as UTF-8, e.g. save the spreadsheet as "CSV UTF-8"');
    }
  } else {
    text = event.body;
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) throw notUtf8(`the body is not valid UTF-8 (a byte that is not UTF-8 at character ${bad + 1}); send it as UTF-8, e.g. save the spreadsheet as "CSV UTF-8"`);
  return text;
}
