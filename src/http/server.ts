/**
 * The HTTP edge: one restify server, health, the headers every answer carries, HEAD wherever GET
 * is served, what a body may be, and the single error handler that turns any failure into a
 * short generic answer (never a stack trace, never restify's own words) with the detail logged.
 * @module
 */
import { STATUS_CODES } from 'node:http';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from 'pino';
import { bodyRules } from './body-rules';
import { headAsGet } from './head-as-get';
import { pacedLog } from './paced-log';
import { securityHeaders } from './security-headers';

const MAX_BODY_BYTES = 256 * 1024;
/**
 * How long an idle kept-alive connection stays open. Node closes them after 5 s; a client or a load
 * balancer that keeps its own idle connections longer (60 s is common) may send its next request
 * on a socket the server is closing, and that request is reset (ECONNRESET). The server must be the
 * one that waits longer. Headers must be allowed a moment more than that.
 */
export const KEEP_ALIVE_MS = 65_000;

export interface EdgeOptions {
  /** TRUST_PROXY_HOPS: whose X-Forwarded-Proto says the request came over https (HSTS). */
  trustProxyHops: number;
}

/**
 * `isLive`: the process has started and not begun shutting down (`/healthz`).
 * `isReady`: the stores it needs answer (`/readyz`): a load balancer sends no traffic otherwise.
 */
export function createHttpServer(logger: Logger, isLive: () => boolean, isReady: () => Promise<boolean>, edge: EdgeOptions): Server {
  const server = restify.createServer({ name: 'mobility-concierge', handleUncaughtExceptions: false });
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  // Before routing, so that refusals (404, 405) carry the headers too.
  server.pre(securityHeaders(edge.trustProxyHops), headAsGet);
  server.use(bodyRules(MAX_BODY_BYTES));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(isLive() ? 200 : 503, { status: isLive() ? 'ok' : 'starting' });
  });
  server.get('/readyz', async (_req, res) => {
    const ready = isLive() && (await isReady().catch(() => false));
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });

  const refused = pacedLog(logger);
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: unknown }, next: () => void) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    const where = { status, method: req.method, path: req.path() };
    if (status >= 500) logger.error({ ...where, err }, 'request failed');
    // Unknown routes and methods are mostly scanners: not worth an info line each.
    else if (status === 404 || status === 405) logger.debug({ ...where, error: err.name, detail: err.message }, 'request refused');
    // Anyone can send bad bodies in a loop: an info line a minute per status, the rest at debug.
    else refused(`status-${status}`, 'info', { ...where, error: err.name, detail: err.message }, 'request refused');
    // A route may have answered already (the planning API's problem+json, a stream under way).
    if (!res.headersSent) {
      const error = status >= 500 ? 'internal error' : (STATUS_CODES[status] ?? 'request refused').toLowerCase();
      res.sendRaw(status, JSON.stringify({ error }), { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    }
    return next();
  });
  return server;
}
