import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One answer: status, headers, body; `delayMs` answers late, `hang` never answers (a provider that stalls),
 * `drip` sends the headers at once and then the body a few bytes at a time (a provider that trickles).
 */
export interface ReplayAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
  delayMs?: number;
  hang?: boolean;
  drip?: { bytes: number; everyMs: number };
}

/** Writes the body `bytes` at a time, `everyMs` apart, until it is done or the client gives up. */
function drip(res: ServerResponse, body: string, { bytes, everyMs }: { bytes: number; everyMs: number }): void {
  const data = Buffer.from(body, 'utf8');
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) { clearInterval(timer); return; }
    res.write(data.subarray(sent, sent + bytes));
    sent += bytes;
    if (sent >= data.length) { clearInterval(timer); res.end(); }
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** A route of the replay server: an answer for the requests it knows, undefined for the others. */
export type ReplayRoute = (req: IncomingMessage, url: URL) => ReplayAnswer | undefined;

export interface WeatherServer {
  baseUrl: string;
  /** Requests received, for tests and the demo's report. */
  requests: string[];
  close(): Promise<void>;
}

/** A localhost HTTP server that replays recorded provider responses, so the real axios clients run against it. */
export async function startWeatherServer(routes: ReplayRoute[]): Promise<WeatherServer> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    for (const route of routes) {
      const answer = route(req, url);
      if (answer) {
        if (answer.hang) return;
        const send = () => {
          res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
          if (answer.drip) drip(res, answer.body, answer.drip);
          else res.end(answer.body);
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: true, reason: `no recording for ${url.pathname}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Serves one Open-Meteo /v1/forecast body for every request. */
export function openMeteoRoute(body: string): ReplayRoute {
  return (_req, url) => (url.pathname === '/v1/forecast' ? { status: 200, body } : undefined);
}
