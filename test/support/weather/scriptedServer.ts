import type { IncomingMessage } from 'node:http';
import { startWeatherServer, type ReplayRoute, type WeatherServer } from '../../../local/weather/startWeatherServer.ts';
import type { Answer } from './badBodies.ts';

/** What the server saw of one request. */
export interface SeenRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

export interface ScriptedServer extends WeatherServer {
  seen: SeenRequest[];
  /** Answers for the next requests to a path prefix, in order; the last one repeats. `hang` never answers. */
  script(prefix: string, answers: (Answer | 'hang')[]): void;
}

/** A localhost server (the replay server) whose answers a test scripts per path prefix. */
export async function startScriptedServer(): Promise<ScriptedServer> {
  const scripts = new Map<string, (Answer | 'hang')[]>();
  const seen: SeenRequest[] = [];
  const route: ReplayRoute = (req, url) => {
    seen.push({ path: `${url.pathname}${url.search}`, at: Date.now(), headers: req.headers });
    const prefix = [...scripts.keys()].filter((p) => url.pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) return undefined;
    const queue = scripts.get(prefix)!;
    const next = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (next === 'hang') return { status: 0, body: '', hang: true };
    return next;
  };
  const server = await startWeatherServer([route]);
  return { ...server, seen, script: (prefix, answers) => scripts.set(prefix, [...answers]) };
}
