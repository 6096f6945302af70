import type { SmsFailureKind } from '../../../core/errors/SmsSendError.ts';

/** Business codes (HTTP 200, Code ≠ OK) after which sending the same SMS again cannot succeed. */
const PERMANENT = new Set([
  'isv.SMS_TEMPLATE_ILLEGAL', // template not registered (or not approved) for this account
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.INVALID_PARAMETERS',
  'isv.INVALID_JSON_PARAM',
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.BLACK_KEY_CONTROL_LIMIT', // the number is on the blacklist (it unsubscribed or complained)
  'isv.DAY_LIMIT_CONTROL', // the account's daily sending limit is reached: nothing more goes out today
  'isv.SMS_CONTENT_ILLEGAL',
  'isv.AMOUNT_NOT_ENOUGH',
  'isv.OUT_OF_SERVICE',
  'isv.ACCOUNT_ABNORMAL',
  'isv.ACCOUNT_NOT_EXISTS',
  'isp.RAM_PERMISSION_DENY',
]);

/**
 * How an Alibaba Cloud SMS answer bears on retrying: from its Code (business errors come back with HTTP 200)
 * or from the SDK's error (HTTP 4xx/5xx, network).
 */
export function classifyAliyunError(code: string | undefined, message = '', error?: unknown): SmsFailureKind {
  if (code === 'isv.BUSINESS_LIMIT_CONTROL') {
    // Per-number frequency control: a minute or hour limit passes; a day limit ("天级流控") does not, today.
    return /天级|day/i.test(message) ? 'permanent' : 'throttled';
  }
  if (code !== undefined && code.startsWith('Throttling')) return 'throttled';
  if (code !== undefined && PERMANENT.has(code)) return 'permanent';
  if (code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId.NotFound' || code === 'IncompleteSignature') return 'transient'; // configuration: retried, then dead-lettered with an alarm
  const e = error as { code?: string; name?: string; statusCode?: number } | undefined;
  const network = e?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(network)) return 'transient';
  // A read timeout or a reset after the request was written: Alibaba Cloud may have accepted it.
  if (['ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ReadTimeout', 'RequestTimeout'].includes(network) || /timeout/i.test(e?.name ?? '') || /timeout/i.test(message)) return 'in-doubt';
  return 'transient';
}
