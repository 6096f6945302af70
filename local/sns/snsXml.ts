import { randomUUID } from 'node:crypto';

/** SNS's XML namespace for API version 2010-03-31 (the AWS query protocol). */
export const SNS_XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata>…` as SNS answers a query action. */
export function resultXml(action: string, inner: string): string {
  return `<?xml version="1.0"?>\n<${action}Response xmlns="${SNS_XMLNS}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
}

/** SNS's error document: Type Sender|Receiver, the query error code and a message. */
export function errorXml(code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender'): string {
  return `<?xml version="1.0"?>\n<ErrorResponse xmlns="${SNS_XMLNS}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}
