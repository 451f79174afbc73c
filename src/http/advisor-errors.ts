/**
 * The one place where an advisor console route's failure becomes an answer: logged once with its
 * detail, answered with a short generic body — 503 when a store did not answer (Redis down),
 * 500 for a bug of ours. Nothing of the error leaves the process.
 * @module
 */
import type { Logger } from 'pino';
import type { Request, Response } from 'restify';
import { busy } from './refuse';

type Route = (req: Request, res: Response) => Promise<void>;

const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

export function guardRoutes(logger: Logger): (route: Route) => Route {
  return (route) => async (req, res) => {
    try {
      await route(req, res);
    } catch (err) {
      logger.error({ err, method: req.method, url: req.path() }, 'advisor console request failed');
      // An event stream already answered 200: all that is left is to end it.
      if (res.headersSent) res.end();
      else if (PROGRAMMING_ERRORS.some((E) => err instanceof E)) {
        res.sendRaw(500, JSON.stringify({ error: 'internal error' }), { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      } else busy(res, 5);
    }
  };
}
