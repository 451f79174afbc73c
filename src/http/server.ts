/**
 * The HTTP edge: one restify server, health, and the single error handler that turns any
 * failure into a plain answer (never a stack trace).
 * @module
 */
import restify, { type Server } from 'restify';
import type { Logger } from 'pino';

/**
 * `isLive`: the process has started and not begun shutting down (`/healthz`).
 * `isReady`: the stores it needs answer (`/readyz`): a load balancer sends no traffic otherwise.
 */
export function createHttpServer(logger: Logger, isLive: () => boolean, isReady: () => Promise<boolean>): Server {
  const server = restify.createServer({ name: 'mobility-concierge', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(isLive() ? 200 : 503, { status: isLive() ? 'ok' : 'starting' });
  });
  server.get('/readyz', async (_req, res) => {
    const ready = isLive() && (await isReady().catch(() => false));
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });

  server.on('restifyError', (req, res, err, next) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) logger.error({ err, url: req.url }, 'request failed');
    err.toJSON = () => ({ error: status >= 500 ? 'internal error' : err.message });
    return next();
  });
  return server;
}
