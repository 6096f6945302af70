import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ProblemError } from './ProblemError.ts';

/** The application/problem+json answer for a problem (RFC 9457). */
export function problemResult(problem: ProblemError, instance?: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...problem.headers },
    body: JSON.stringify({ type: `urn:snowops:problem:${problem.slug}`, title: problem.title, status: problem.status, detail: problem.detail, ...(instance ? { instance } : {}), ...problem.extensions }),
  };
}
