import type * as z from '../../../config/zod.ts';
import type { ApiDeps } from '../ApiDeps.ts';
import type { Principal, Role } from '../auth/Principal.ts';
import type { ApiResponse } from './ApiResponse.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ResponseDoc {
  description: string;
  /**
   * JSON body schema; absent for non-JSON or empty bodies. Only GET /openapi.json (and the tests) read
   * response schemas, so they are written as z.lazy(() => …): an invocation of any other route does not
   * build them at the Lambda's cold start (some 470 schemas, ~4 ms; npm run bench:bundles). A route's own
   * input schemas are lazy too, as an invocation runs one route of thirty.
   */
  schema?: z.ZodMiniType;
  /** Defaults to application/json. */
  contentType?: string;
}

/** Where a request came from: rate limits per address, and absolute links back to this API. */
export interface RequestClient {
  sourceIp: string;
  /** scheme://host of this API as the caller reached it, with its stage when that is part of its URL. */
  origin: string;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  deps: ApiDeps;
  /** The caller's Idempotency-Key on an idempotent route, when sent: a route that must act once per key (an SMS) keys its record on it. */
  idempotencyKey?: string;
  client: RequestClient;
  /** The If-None-Match header of a GET: a route that versions its answer itself (ETag header) may answer 304 without reading it. */
  ifNoneMatch?: string;
}

/**
 * One route: where it lives, who may call it, the zod schemas of its input and output (the same ones
 * the OpenAPI document is generated from) and a thin handler that calls core.
 */
export interface RouteDefinition<P extends z.ZodMiniType = z.ZodMiniType, Q extends z.ZodMiniType = z.ZodMiniType, B extends z.ZodMiniType = z.ZodMiniType> {
  method: HttpMethod;
  /** API Gateway style, e.g. /activations/{activationId}/stand-down. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** 'public' needs no token; otherwise the groups allowed. */
  access: 'public' | readonly Role[];
  params?: P;
  query?: Q;
  body?: B;
  /** How the body is sent: JSON (the default, parsed before `body` validates it), CSV text (validated as a string) or an HTML form (Open311; validated as an object of strings). */
  bodyType?: 'application/json' | 'text/csv' | 'application/x-www-form-urlencoded';
  /** Accepts an Idempotency-Key header: a repeat with the same key gets the first answer. */
  idempotent?: boolean;
  /** The answer holds no personal data, so it is not searched for phone numbers to mask (the OpenAPI document, whose examples are invented). */
  holdsNoPersonalData?: boolean;
  /** Largest body accepted, bytes (default 16 KiB). */
  maxBodyBytes?: number;
  /** Success and route-specific error answers; 400/401/403/404/413/415 are documented from the above. */
  responses: Record<number, ResponseDoc>;
  handle(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<ApiResponse>;
}

/** Declares a route with its input types inferred from its schemas. */
export function defineRoute<P extends z.ZodMiniType = z.ZodMiniType, Q extends z.ZodMiniType = z.ZodMiniType, B extends z.ZodMiniType = z.ZodMiniType>(route: RouteDefinition<P, Q, B>): RouteDefinition<P, Q, B> {
  return route;
}

// Routes of different input types live in one table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any>;
