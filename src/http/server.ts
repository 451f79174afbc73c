/**
 * The HTTP edge: one restify server, health, and the single error handler that turns any
 * failure into a plain answer (never a stack trace).
 * @module
 */
import restify, { type Server } from 'restify';
import type { Logger } from 'pino';

export function createHttpServer(logger: Logger, isReady: () => boolean): Server {
  const server = restify.createServer({ name: 'mobility-concierge', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(isReady() ? 200 : 503, { status: isReady() ? 'ok' : 'starting' });
  });

  server.on('restifyError', (req, res, err, next) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) logger.error({ err, url: req.url }, 'request failed');
    err.toJSON = () => ({ error: status >= 500 ? 'internal error' : err.message });
    return next();
  });
  return server;
}
