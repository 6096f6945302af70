import { ProblemError, UnreachableError } from './ProblemError.ts';

export interface Read<T> {
  data: T;
  /** False when the server answered 304 and the held copy was reused. */
  changed: boolean;
}

/**
 * The console's only way to the API: the OpenAPI routes with the bearer token. Reads revalidate with
 * If-None-Match (an unchanged board costs a 304 and no body); actions carry an Idempotency-Key.
 */
export class ApiClient {
  private readonly held = new Map<string, { etag: string; data: unknown }>();

  constructor(private readonly base: string, private readonly token: () => string, private readonly onUnauthorised: () => void) {}

  private async send(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { ...init, headers: { Authorization: `Bearer ${this.token()}`, ...init.headers } });
    } catch (error) {
      throw new UnreachableError(error instanceof Error ? error.message : String(error));
    }
    if (res.status === 401) this.onUnauthorised();
    if (res.status >= 400) throw await problemOf(res);
    return res;
  }

  async read<T>(path: string): Promise<Read<T>> {
    const held = this.held.get(path);
    const res = await this.send(path, { headers: held ? { 'If-None-Match': held.etag } : {}, cache: 'no-store' });
    if (res.status === 304 && held) {
      // Read the empty body, so the browser ends the request normally instead of cancelling it.
      await res.arrayBuffer();
      return { data: held.data as T, changed: false };
    }
    const data = (await res.json()) as T;
    const etag = res.headers.get('ETag');
    if (etag) this.held.set(path, { etag, data });
    return { data, changed: true };
  }

  async text(path: string): Promise<{ body: Blob; type: string }> {
    const res = await this.send(path, { cache: 'no-store' });
    return { body: await res.blob(), type: res.headers.get('Content-Type') ?? 'application/octet-stream' };
  }

  /** An action: POST/PUT/DELETE with one Idempotency-Key per intended act, so a double click acts once. */
  async act<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, key: string, contentType = 'application/json'): Promise<T> {
    const res = await this.send(path, {
      method,
      headers: { 'Content-Type': contentType, 'Idempotency-Key': key },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : String(body),
    });
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
}

async function problemOf(res: Response): Promise<ProblemError> {
  try {
    const p = (await res.json()) as { title?: string; detail?: string; errors?: ProblemError['errors']; reasonCode?: unknown };
    return new ProblemError(res.status, p.title ?? res.statusText, p.detail ?? '', Array.isArray(p.errors) ? p.errors : [], p.reasonCode);
  } catch {
    return new ProblemError(res.status, res.statusText, `the API answered ${res.status}`);
  }
}
