import { inject } from 'vitest';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import { apiGatewayEvent } from '../../local/api/apiGatewayEvent.ts';
import { buildLocalApi, type LocalApi, type LocalApiOptions, type LocalApiStorage, type LocalApiStores } from '../../local/api/buildLocalApi.ts';
import type { SmsPace } from '../../functions/core/dispatch/SmsPace.ts';
import { MemoryIdempotencyStore } from '../../functions/adapters/idempotency/MemoryIdempotencyStore.ts';
import { MemoryBannedPhones } from '../../functions/adapters/memory/MemoryBannedPhones.ts';
import { MemoryCitizenCases } from '../../functions/adapters/memory/MemoryCitizenCases.ts';
import { MemoryPhoneVerifications } from '../../functions/adapters/memory/MemoryPhoneVerifications.ts';
import { MemoryRateQuotas } from '../../functions/adapters/memory/MemoryRateQuotas.ts';
import type { MemoryRegistry } from '../../functions/adapters/memory/MemoryRegistry.ts';
import { MemoryRegistryAdmin } from '../../functions/adapters/memory/MemoryRegistryAdmin.ts';
import { MemoryRegistryImports } from '../../functions/adapters/memory/MemoryRegistryImports.ts';
import { lambdaContext } from '../../local/api/lambdaContext.ts';
import { restApiEvent } from '../../local/api/restApiEvent.ts';
import { demoCityInMemory, seededDemoCity } from './demoCity.ts';

export type Who = 'officer' | 'manager' | 'admin' | 'nobody' | 'none';

export interface CallOptions {
  as?: Who;
  /** A raw Authorization header value, overriding `as`. */
  authorization?: string;
  body?: unknown;
  /** A raw body, sent as is (bytes for a body in another charset). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait for the waves this call handed to the planner to settle before answering (default true). */
  settle?: boolean;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON when the answer is JSON or problem+json. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The API handler over the demo city (or a given one) on DynamoDB Local, called with API Gateway events
 * exactly as the local HTTP server builds them (v2, and v1 for the citizens' REST API's routes). `nobody` is a valid token in no snowops group.
 */
export async function apiHarness(options: HarnessOptions = {}) {
  const seeded = await seededDemoCity(options.start, options.city);
  return { ...seeded, ...(await harnessOver(seeded.deps, { dynamoEndpoint: inject('dynamoEndpoint'), tableNames: seeded.tables.names }, options)) };
}

/**
 * The same API over the in-memory twins (held to the DynamoDB adapters by the contract suites): for
 * tests of what a route decides, in milliseconds. Storage behaviour stays with apiHarness.
 */
export async function memoryApiHarness(options: HarnessOptions = {}) {
  const seeded = await demoCityInMemory(options.start, options.city);
  const stores = memoryApiStores(seeded.registryData);
  return { ...seeded, stores, ...(await harnessOver(seeded.deps, { stores }, options)) };
}

/** The API's own stores as in-memory twins, over the registry the world's twins read. */
export function memoryApiStores(registryData: MemoryRegistry): LocalApiStores {
  return {
    registryAdmin: new MemoryRegistryAdmin(registryData),
    registryImport: new MemoryRegistryImports(registryData),
    cases: new MemoryCitizenCases(),
    bans: new MemoryBannedPhones(),
    verifications: new MemoryPhoneVerifications(),
    quotas: new MemoryRateQuotas(),
    idempotency: new MemoryIdempotencyStore(),
  };
}

/** An event with a Lambda context of its own request id. */
function withContext<E extends { requestContext: { requestId: string } }>(event: E): [E, ReturnType<typeof lambdaContext>] {
  return [event, lambdaContext(event.requestContext.requestId)];
}

interface HarnessOptions {
  start?: Date;
  city?: CityFile;
  photoDir?: string;
  /** The stage's SMS pace the API is given (previews and progress say how long a wave's SMS take); none by default. */
  smsPace?: SmsPace;
}

/** Another API over the same ports and tables: a second container (its own memory, the same stores). */
export async function harnessOver(deps: LocalApiOptions['deps'], storage: LocalApiStorage, options: HarnessOptions) {
  const errors: unknown[] = [];
  const api: LocalApi = await buildLocalApi({
    ...storage, deps: options.smsPace ? { ...deps, smsPace: options.smsPace } : deps, ...(options.photoDir ? { photoDir: options.photoDir } : {}),
    logger: { error: (message, extra) => errors.push({ message, extra }) },
  });
  const nobody = await api.authenticator.issue('visitor', []);
  const tokens: Record<Exclude<Who, 'none'>, string> = { ...api.tokens, nobody };

  async function call(method: string, url: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    const who = options.as ?? 'officer';
    if (options.authorization !== undefined) headers.Authorization = options.authorization;
    else if (who !== 'none') headers.Authorization = `Bearer ${tokens[who]}`;
    let body: string | Buffer | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    // A public route is called as the citizens' REST API calls it (payload 1.0); the others as the HTTP API does.
    const resource = api.publicResource(method, new URL(url, 'http://localhost').pathname);
    const result = resource
      ? await api.publicHandler(...withContext(restApiEvent({ method, url, headers, body, resource })))
      : await api.handler(...withContext(apiGatewayEvent({ method, url, headers, body })));
    // The answer is taken before the planning ran; waiting here keeps each test's arrange step to one line.
    // Tests of the off-request behaviour itself pass settle: false.
    if (options.settle !== false) await api.planning.idle();
    const outHeaders = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const text = result.body ?? '';
    const isJson = (outHeaders['content-type'] ?? '').includes('json');
    return { status: result.statusCode ?? 200, headers: outHeaders, text, json: isJson && text ? JSON.parse(text) : undefined };
  }

  return { api, tokens, call, errors, settled: () => api.planning.idle() };
}

export type ApiHarness = Awaited<ReturnType<typeof apiHarness>>;
export type MemoryApiHarness = Awaited<ReturnType<typeof memoryApiHarness>>;
