import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiLambdaHandler } from '../../functions/handlers/api/createApiHandler.ts';
import type { SiteHandler } from '../console/consoleSite.ts';
import { apiGatewayEvent, type PlainRequest } from './apiGatewayEvent.ts';
import type { LocalApi } from './buildLocalApi.ts';
import { lambdaContext } from './lambdaContext.ts';
import { restApiEvent } from './restApiEvent.ts';

/** The citizens' routes, served as their REST API calls the handler (payload 1.0). */
export type PublicApiRoutes = Pick<LocalApi, 'publicHandler' | 'publicResource'>;

export interface ApiServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Matches API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) { reject(new Error('body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => { server.off('listening', onListening); reject(error); };
    const onListening = () => { server.off('error', onError); resolve(); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves the API handler over HTTP the way API Gateway would call it: each request becomes a
 * payload 2.0 event (with `publicApi`, a request to a public route becomes the payload 1.0 event of the
 * citizens' REST API), the handler's answer becomes the response. With `fallbackToFreePort`, a busy
 * port is replaced by one the OS picks. With `site`, the web console is served beside the API on the same port.
 */
export async function startApiServer(handler: ApiLambdaHandler, options: { port: number; host?: string; fallbackToFreePort?: boolean; site?: SiteHandler; publicApi?: PublicApiRoutes }): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const { publicApi } = options;
  const answer = async (request: PlainRequest): Promise<{ statusCode?: number; headers?: Record<string, unknown>; body?: string; isBase64Encoded?: boolean }> => {
    const resource = publicApi?.publicResource(request.method, new URL(request.url, 'http://localhost').pathname);
    if (publicApi && resource) {
      const event = restApiEvent({ ...request, resource });
      return publicApi.publicHandler(event, lambdaContext(event.requestContext.requestId));
    }
    const event = apiGatewayEvent(request);
    return handler(event, lambdaContext(event.requestContext.requestId));
  };
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      if (options.site && (await options.site(req, res, body))) return;
      const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress, host: req.headers.host };
      const result = await answer(request);
      const payload = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
      res.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string> | undefined), 'Content-Length': String(payload.length) });
      res.end(payload);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'urn:snowops:problem:internal', title: 'Internal error', status: 500, detail: `the local server failed: ${error instanceof Error ? error.message : String(error)}` }));
    }
  });
  try {
    await listen(server, options.port, host);
  } catch (error) {
    if (!options.fallbackToFreePort || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(server, 0, host);
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
