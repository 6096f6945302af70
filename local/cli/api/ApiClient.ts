import { CliError } from '../CliError.ts';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** A body sent as is (e.g. a CSV file) with its content type, instead of JSON. */
  raw?: { text: string; contentType: string };
  query?: Record<string, string | number | undefined>;
  idempotencyKey?: string;
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: { in: string; field: string; detail: string }[];
}

/** Exit codes by HTTP status: refused (4) for auth, conflict (5), not found (6), bad input or failure (1). */
function exitCodeFor(status: number): number {
  if (status === 401 || status === 403) return 4;
  if (status === 409) return 5;
  if (status === 404) return 6;
  return 1;
}

function problemMessage(status: number, text: string): string {
  let problem: Problem = {};
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    return `the API answered ${status}: ${text.slice(0, 200)}`;
  }
  const fields = (problem.errors ?? []).map((e) => `\n  ${e.in} ${e.field}: ${e.detail}`).join('');
  const hint = status === 401 ? '\n  give a token with --token or $SNOWOPS_TOKEN (npm run serve prints one per group)' : '';
  return `${problem.title ?? `HTTP ${status}`}: ${problem.detail ?? ''}${fields}${hint}`;
}

/** The snowops HTTP API, local or deployed, with problem answers turned into CliErrors with meaningful exit codes. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiAnswer<T>> {
    const url = new URL(path.replace(/^\//, ''), this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json, text/csv, text/html' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (options.raw) headers['Content-Type'] = options.raw.contentType;
    else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: options.raw ? options.raw.text : options.body === undefined ? undefined : JSON.stringify(options.body), signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach the snowops API at ${this.baseUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}); is \`npm run serve\` running? Point elsewhere with --api URL or $SNOWOPS_API`, 3);
    }
    const text = await response.text();
    if (!response.ok) throw new CliError(problemMessage(response.status, text), exitCodeFor(response.status));
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as T, text, headers: response.headers };
  }
}
