import middy from '@middy/core';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouterHandler from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ApiDeps } from './ApiDeps.ts';
import type { Authenticator } from './auth/Authenticator.ts';
import { authenticate, type ApiContext } from './http/authenticate.ts';
import { ProblemError } from './http/ProblemError.ts';
import { problemErrors, type ErrorLogger } from './http/problemErrors.ts';
import { routeHandler } from './http/routeHandler.ts';
import { routeMatcher } from './http/routeMatcher.ts';
import type { AnyRoute } from './http/RouteDefinition.ts';
import type { IdempotencyGuard } from './idempotency/IdempotencyGuard.ts';
import { allRoutes } from './routeTable.ts';

export interface ApiHandlerOptions {
  deps: ApiDeps;
  authenticator: Authenticator;
  idempotency: IdempotencyGuard;
  logger: ErrorLogger;
  routes?: AnyRoute[];
  /** Middlewares that run first, e.g. Powertools' injectLambdaContext in the Lambda. */
  middlewares?: middy.MiddlewareObj[];
}

/** The API as Lambda (and the local server) calls it. */
export type ApiLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The HTTP API as one handler, built from its dependencies so the Lambda (deps from the environment)
 * and the local server (deps from the local runtime) run the same code.
 */
export function createApiHandler(options: ApiHandlerOptions): ApiLambdaHandler {
  const routes = options.routes ?? allRoutes();
  const matchers = routes.map((r) => ({ route: r, re: routeMatcher(r.path) }));
  const isPublic = (method: string, path: string) => matchers.some(({ route, re }) => route.access === 'public' && route.method === method && re.test(path));
  const router = httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>({
    routes: routes.map((route) => ({ method: route.method, path: route.path, handler: routeHandler(route, options.deps, options.idempotency) as never })),
    notFoundResponse: ({ method, path }) => {
      const allowed = [...new Set(matchers.filter(({ re }) => re.test(path)).map(({ route }) => route.method))];
      if (allowed.length > 0) throw new ProblemError(405, 'method-not-allowed', 'Method not allowed', `${path} answers ${allowed.join(', ')}, not ${method}`, { allowed }, { Allow: allowed.join(', ') });
      throw new ProblemError(404, 'no-such-route', 'No such route', `there is no route ${method} ${path}; the routes are listed in /openapi.json`);
    },
  });
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>();
  for (const m of options.middlewares ?? []) handler.use(m as middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>);
  return handler
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(problemErrors(options.logger))
    .use(authenticate(options.authenticator, isPublic))
    .handler(router as never) as unknown as ApiLambdaHandler;
}
