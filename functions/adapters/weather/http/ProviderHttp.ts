import axios, { isAxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import axiosRetry from 'axios-retry';
import { ForecastUnavailableError } from '../../../core/errors/ForecastUnavailableError.ts';
import { ForecastValidationError } from '../../../core/errors/ForecastValidationError.ts';
import { describeErrorBody, snippet } from './describeErrorBody.ts';
import { retryDelay, shouldRetry, type RetryOptions } from './retryPolicy.ts';

export interface ProviderHttpOptions extends Partial<RetryOptions> {
  provider: string;
  baseUrl: string;
  /** Identifies the application (NWS and MET Norway refuse requests without one). */
  userAgent?: string;
  accept?: string;
  /** Further headers on every request (e.g. Authorization). */
  headers?: Record<string, string>;
  /** Per attempt, from the request to the last byte (default 10 s). */
  timeoutMs?: number;
  /** The HTTP cache's clock (Expires); defaults to the system clock. */
  nowMs?: () => number;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
  /** Served from this instance's cache: unexpired (no request) or revalidated (304). */
  cached: 'fresh' | 'revalidated' | false;
}

interface CacheEntry {
  text: string;
  status: number;
  lastModified?: string;
  expiresAtMs?: number;
}

/**
 * One provider's HTTP client: axios with a timeout per attempt, axios-retry (backoff with jitter on
 * 429 / 5xx, honouring Retry-After; no retry on other 4xx), and a per-instance cache that skips the
 * request before `Expires` and revalidates with `If-Modified-Since` after it. Bodies are read as text
 * so that a non-JSON answer is reported as what it is.
 */
export class ProviderHttp {
  private readonly http: AxiosInstance;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly timeoutMs: number;
  private readonly nowMs: () => number;

  constructor(private readonly options: ProviderHttpOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.nowMs = options.nowMs ?? Date.now;
    const retry: RetryOptions = { retries: options.retries ?? 2, retryBaseMs: options.retryBaseMs ?? 500, maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000 };
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: this.timeoutMs,
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      validateStatus: (s) => (s >= 200 && s < 300) || s === 304,
      headers: { ...options.headers, ...(options.userAgent ? { 'User-Agent': options.userAgent } : {}), Accept: options.accept ?? 'application/json' },
    });
    // A fresh deadline per attempt covers a server that accepts the connection and then trickles or hangs.
    this.http.interceptors.request.use((config) => ({ ...config, signal: AbortSignal.timeout(this.timeoutMs) }));
    axiosRetry(this.http, {
      retries: retry.retries,
      shouldResetTimeout: true,
      retryCondition: (error) => shouldRetry(error, retry),
      retryDelay: (attempt, error) => retryDelay(attempt, error, retry),
      // The spent attempt's deadline must not cut the backoff short; the retry gets a fresh one above.
      onRetry: (_attempt, _error, config) => { config.signal = undefined; },
    });
  }

  /** GETs a JSON document; throws ForecastUnavailableError (transport, HTTP status) or ForecastValidationError (not JSON). */
  async getJson(path: string, params: Record<string, string | number> = {}): Promise<JsonAnswer> {
    const key = `${path}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    const entry = this.cache.get(key);
    if (entry?.expiresAtMs !== undefined && this.nowMs() < entry.expiresAtMs) {
      return { status: entry.status, body: this.parse(entry.text, entry.status, path), cached: 'fresh' };
    }
    const response = await this.send(path, params, entry?.lastModified);
    if (response.status === 304) {
      if (!entry) throw new ForecastValidationError(this.options.provider, path, 'HTTP 304 Not Modified, but nothing is cached to reuse');
      this.remember(key, entry.text, entry.status, response);
      return { status: entry.status, body: this.parse(entry.text, entry.status, path), cached: 'revalidated' };
    }
    const text = typeof response.data === 'string' ? response.data : '';
    const body = this.parse(text, response.status, path);
    this.remember(key, text, response.status, response);
    return { status: response.status, body, cached: false };
  }

  private async send(path: string, params: Record<string, string | number>, lastModified: string | undefined): Promise<AxiosResponse<string>> {
    try {
      return await this.http.get<string>(path, { params, headers: lastModified ? { 'If-Modified-Since': lastModified } : {} });
    } catch (error) {
      throw this.unavailable(error, path);
    }
  }

  private unavailable(error: unknown, path: string): ForecastUnavailableError {
    const provider = this.options.provider;
    if (!isAxiosError(error)) return new ForecastUnavailableError(provider, `${path}: ${error instanceof Error ? error.message : String(error)}`);
    if (error.response) {
      const status = error.response.status;
      const retryAfter = error.response.headers?.['retry-after'] as string | undefined;
      const text = typeof error.response.data === 'string' ? error.response.data : '';
      return new ForecastUnavailableError(provider, `HTTP ${status} from ${path}: ${describeErrorBody(text)}${retryAfter ? ` (Retry-After ${retryAfter})` : ''}`, status);
    }
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT' || error.code === 'ERR_CANCELED') {
      return new ForecastUnavailableError(provider, `${path}: no answer within ${this.timeoutMs} ms (timeout)`);
    }
    return new ForecastUnavailableError(provider, `${path}: ${error.code ?? 'network error'}: ${error.message}`);
  }

  private parse(text: string, status: number, path: string): unknown {
    if (text.trim().length === 0) throw new ForecastValidationError(this.options.provider, path, `HTTP ${status} with an empty body`);
    try {
      return JSON.parse(text);
    } catch (error) {
      const looksHtml = /^\s*</.test(text);
      const why = looksHtml ? `an HTML page, not JSON (${describeErrorBody(text)})` : `not valid JSON (${error instanceof Error ? error.message : String(error)}; ${text.length} bytes, ends "${snippet(text.slice(-40), 40)}")`;
      throw new ForecastValidationError(this.options.provider, path, `HTTP ${status} with ${why}`);
    }
  }

  private remember(key: string, text: string, status: number, response: AxiosResponse): void {
    const lastModified = response.headers['last-modified'] as string | undefined;
    const expires = response.headers['expires'] as string | undefined;
    const expiresAtMs = expires ? Date.parse(expires) : NaN;
    if (!lastModified && Number.isNaN(expiresAtMs)) {
      this.cache.delete(key);
      return;
    }
    this.cache.set(key, { text, status, lastModified, expiresAtMs: Number.isNaN(expiresAtMs) ? undefined : expiresAtMs });
  }
}
