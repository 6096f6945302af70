import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ProblemError } from '../http/ProblemError.ts';
import { formatOf, XML_TYPE } from './Open311Format.ts';
import { xmlDocument } from './xml.ts';

/** Open311 paths answer errors as the spec says (a list of { code, description }), not as problem+json. */
export function isOpen311Path(path: string): boolean {
  return path.startsWith('/open311/');
}

/** An Open311 error answer: code is the HTTP status; every field problem is its own error. */
export function open311ErrorResult(problem: ProblemError, path: string): APIGatewayProxyStructuredResultV2 {
  const fieldProblems = problem.extensions.errors ?? [];
  const errors = fieldProblems.length > 0
    ? fieldProblems.map((p) => ({ code: problem.status, description: `${p.field}: ${p.detail}` }))
    : [{ code: problem.status, description: problem.detail }];
  const xml = formatOf(path) === 'xml';
  return {
    statusCode: problem.status,
    headers: { 'Content-Type': xml ? XML_TYPE : 'application/json', 'Cache-Control': 'no-store', ...problem.headers },
    body: xml ? xmlDocument('errors', 'error', errors) : JSON.stringify(errors),
  };
}
