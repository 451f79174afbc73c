/**
 * `GET /metrics`: the Prometheus text format (prom-client) on the bot's own port. Protected: a
 * caller on this machine (the socket is loopback and no proxy forwarded the request), or anyone
 * with METRICS_TOKEN as a Bearer token. Everyone else gets 401 (a token is configured) or 403.
 * @module
 */
import type { Request, Response, Server } from 'restify';
import type { Registry } from 'prom-client';
import { fromLoopback } from './client-address';
import { bearerOf, tokenMatches } from './planning-api/auth';

export const METRICS_PATH = '/metrics';

export function mountMetrics(server: Server, registry: Registry, token: string): void {
  server.get(METRICS_PATH, async (req: Request, res: Response) => {
    const local = fromLoopback(req) && req.header('x-forwarded-for') === undefined && req.header('forwarded') === undefined;
    const given = bearerOf(req.header('authorization'));
    if (!local && !tokenMatches(given, token)) {
      const status = token ? 401 : 403;
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      if (token) headers['www-authenticate'] = given === undefined ? 'Bearer realm="metrics"' : 'Bearer realm="metrics", error="invalid_token"';
      res.sendRaw(status, JSON.stringify({ error: status === 401 ? 'unauthorized' : 'forbidden' }), headers);
      return;
    }
    const body = await registry.metrics();
    res.sendRaw(200, body, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  });
}
