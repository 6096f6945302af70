import { isAxiosError, type AxiosError } from 'axios';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries: number;
  /** Base of the exponential backoff, ms (default 500): attempt n waits base·2ⁿ⁻¹, half of it jittered. */
  retryBaseMs: number;
  /** A Retry-After longer than this is not waited for: the poller moves to the next provider (default 30 s). */
  maxRetryAfterMs: number;
}

const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/** Retry-After in ms (delta-seconds or an HTTP date), or undefined when the answer has none. */
export function retryAfterMs(error: AxiosError, nowMs: number = Date.now()): number | undefined {
  const header = error.response?.headers?.['retry-after'] as string | undefined;
  if (header === undefined || header === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Retry on 429 and 5xx (unless Retry-After asks for longer than we may wait) and on transient network errors; never on other 4xx or a timeout. */
export function shouldRetry(error: unknown, options: RetryOptions): boolean {
  if (!isAxiosError(error)) return false;
  const status = error.response?.status;
  if (status === undefined) return TRANSIENT_NETWORK.has(error.code ?? '');
  if (status !== 429 && status < 500) return false;
  const wait = retryAfterMs(error);
  return wait === undefined || wait <= options.maxRetryAfterMs;
}

/** Exponential backoff with equal jitter, never shorter than the server's Retry-After. */
export function retryDelay(attempt: number, error: AxiosError, options: RetryOptions, random: () => number = Math.random): number {
  const backoff = options.retryBaseMs * 2 ** Math.max(0, attempt - 1);
  const jittered = backoff / 2 + (random() * backoff) / 2;
  return Math.max(jittered, retryAfterMs(error) ?? 0);
}
