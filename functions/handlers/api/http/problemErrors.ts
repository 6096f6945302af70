import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { isOpen311Path, open311ErrorResult } from '../open311/open311Errors.ts';
import { ProblemError } from './ProblemError.ts';
import { problemResult } from './problemResult.ts';
import { toProblem } from './toProblem.ts';

export interface ErrorLogger {
  error(message: string, extra: Record<string, unknown>): void;
}

/** Middy onError: every failure leaves as application/problem+json (Open311's own error list under /open311/); unexpected ones are logged and answered 500 without internals. */
export function problemErrors(logger: ErrorLogger): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context> {
  return {
    onError: async (request) => {
      const requestId = request.context?.awsRequestId ?? request.event.requestContext?.requestId ?? 'unknown';
      let problem = toProblem(request.error);
      if (!problem) {
        logger.error('unexpected error in the API', { requestId, error: request.error instanceof Error ? { name: request.error.name, message: request.error.message, stack: request.error.stack } : String(request.error) });
        problem = new ProblemError(500, 'internal', 'Internal error', `something went wrong on our side; nothing was lost from the log. Retry, and if it persists give the request id ${requestId} to the on-call engineer`, { requestId });
      }
      const path = request.event.rawPath ?? '';
      request.response = isOpen311Path(path) ? open311ErrorResult(problem, path) : problemResult(problem, path);
    },
  };
}
