/**
 * The staff planning API (`/api/planning/...`) and, with it, the planning board (`/planning`):
 * both exist only when `PLANNING_API_TOKEN` is configured. Every API route needs that token as a
 * bearer, and failed guesses are limited per client address (planning-api/bearer-check.ts);
 * every failure is problem+json, never a stack trace. See docs/planning-api.md.
 * @module
 */
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Dealer } from '../dealer/schema';
import type { PlanningSystem } from '../planning/planning';
import type { Config } from '../config';
import type { RateLimits } from '../limits/rate-limits';
import { createBearerCheck } from './planning-api/bearer-check';
import { createHandlers, type Handler } from './planning-api/handlers';
import { clip, internal, sendProblem, unavailable, type Problem } from './planning-api/problem';
import { mountPlanningBoard } from './planning-board';

export interface PlanningApiDeps {
  planning: PlanningSystem;
  dealer: Dealer;
  /** The staff token; empty: the API and the board are off (not mounted: 404). */
  token: string;
  /** "Now" for availability searches and the board's today (tests pin it). */
  clock?: () => Date;
  logger: Logger;
  /** Failed bearer checks per client address (planning-api/bearer-check.ts). */
  rateLimits: RateLimits;
  limits: Pick<Config, 'TRUST_PROXY_HOPS' | 'ADVISOR_LOGIN_FAILURES_PER_ADDRESS'>;
}

const PREFIX = '/api/planning';

/** restify's error event names (error name without `Error`; the router's 404 is `NotFound`). */
const REFUSALS = ['NotFound', 'MethodNotAllowed', 'InvalidContent', 'BadRequest', 'PayloadTooLarge', 'RequestEntityTooLarge', 'UnsupportedMediaType', 'BadDigest'];

// Bugs in our own code are 500s; anything else the port throws means the store did not answer.
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

export function mountPlanningApi(server: Server, deps: PlanningApiDeps): void {
  if (!deps.token) return;
  const logger = deps.logger.child({ component: 'planning-api' });
  const h = createHandlers({ planning: deps.planning, dealer: deps.dealer, clock: deps.clock ?? (() => new Date()), logger });

  const bearer = createBearerCheck({
    token: deps.token, rateLimits: deps.rateLimits,
    failuresPerAddress: deps.limits.ADVISOR_LOGIN_FAILURES_PER_ADDRESS, trustProxyHops: deps.limits.TRUST_PROXY_HOPS,
  });

  const guarded = (handler: Handler) => async (req: Request, res: Response) => {
    const verdict = await bearer(req);
    if (!verdict.ok) {
      sendProblem(res, verdict.problem, verdict.headers);
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      const bug = PROGRAMMING_ERRORS.some((E) => err instanceof E);
      logger.error({ err, url: req.url }, bug ? 'planning API failed' : 'planning unreachable');
      if (!res.headersSent) sendProblem(res, bug ? internal() : unavailable(), bug ? {} : { 'retry-after': '5' });
    }
  };

  server.get(`${PREFIX}/resources`, guarded(h.resources));
  server.get(`${PREFIX}/reservations`, guarded(h.list));
  server.get(`${PREFIX}/reservations/:reference`, guarded(h.get));
  server.post(`${PREFIX}/reservations`, guarded(h.create));
  server.post(`${PREFIX}/reservations/:reference/move`, guarded(h.move));
  server.post(`${PREFIX}/reservations/:reference/cancel`, guarded(h.cancel));
  server.post(`${PREFIX}/availability`, guarded(h.availability));

  // restify's own refusals under the prefix (malformed JSON, unknown route, wrong method) in the
  // same problem+json shape as ours. Per error name, not on 'restifyError': restify hands every
  // listener of one event the same callback, so a second 'restifyError' listener (server.ts has
  // one) would call it twice.
  for (const event of REFUSALS) {
    server.on(event, (req: Request, res: Response, err: { statusCode?: number; message?: string }, next: () => void) => {
      if (req.path().startsWith(PREFIX) && !res.headersSent) sendProblem(res, problemOf(err));
      return next();
    });
  }

  mountPlanningBoard(server, { logger });
}

function problemOf(err: { statusCode?: number; message?: string }): Problem {
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 500) return internal();
  if (status === 404) return { status, code: 'not-found', title: 'No such resource' };
  if (status === 405) return { status, code: 'method-not-allowed', title: 'Method not allowed' };
  if (status === 413) return { status, code: 'too-large', title: 'The body is too large' };
  return { status, code: 'invalid-request', title: 'The request is not valid', ...(err.message ? { detail: clip(err.message, 160) } : {}) };
}
