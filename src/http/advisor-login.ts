/**
 * `POST /advisor/api/login`: an advisor's id and password for a session cookie. Everything cheap
 * comes before the password check (a 32 MB scrypt): same-origin JSON, the body's shape, the
 * failures of the account and of the client address (429), a free place among the checks
 * running at once (503). An unknown id goes through the same steps and answers the same.
 * @module
 */
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Config } from '../config';
import type { AdvisorSessionStore } from '../handoff/advisor-sessions';
import type { AdvisorDirectory } from '../handoff/advisors';
import type { Advisor } from '../handoff/handoff-service';
import type { RateLimits } from '../limits/rate-limits';
import { Slots } from '../limits/slots';
import { sessionCookie } from './advisor-auth';
import { LoginThrottle, type Attempt } from './advisor-login-throttle';
import { clientAddress } from './client-address';
import { busy, tooMany } from './refuse';

export type LoginLimits = Pick<Config, 'TRUST_PROXY_HOPS' | 'ADVISOR_LOGIN_FAILURES_PER_ACCOUNT' | 'ADVISOR_LOGIN_FAILURES_PER_ADDRESS' | 'PASSWORD_CHECKS_MAX_CONCURRENT'>;

export interface LoginDeps {
  directory: AdvisorDirectory;
  sessions: AdvisorSessionStore;
  sessionMinutes: number;
  /** The dealer's IANA zone: the console shows every time in it, wherever the advisor sits. */
  timeZone: string;
  rateLimits: RateLimits;
  limits: LoginLimits;
  logger: Logger;
  /** Wraps the route so that a failure is logged once and answered generically. */
  guard: (route: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => Promise<void>;
}

const credentials = z.object({ id: z.string().min(1).max(100), password: z.string().min(1).max(1024) }).strict();

/** A form on another site cannot send JSON without a preflight, nor an Origin that matches; an unreadable Origin is another site's. */
function sameOrigin(req: Request): boolean {
  const origin = req.header('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === req.header('host');
  } catch {
    return false;
  }
}

export function mountAdvisorLogin(server: Server, deps: LoginDeps): void {
  const { directory, sessions, limits, logger } = deps;
  const throttle = new LoginThrottle(deps.rateLimits, {
    perAccount: limits.ADVISOR_LOGIN_FAILURES_PER_ACCOUNT,
    perAddress: limits.ADVISOR_LOGIN_FAILURES_PER_ADDRESS,
    onBlock: (kind, key, seconds) => logger.warn({ [kind]: key, seconds }, 'advisor sign-ins blocked after repeated failures'),
  });
  const checks = new Slots({ perKey: limits.PASSWORD_CHECKS_MAX_CONCURRENT, total: limits.PASSWORD_CHECKS_MAX_CONCURRENT });

  server.post('/advisor/api/login', deps.guard(async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    if (!req.is('application/json') || !sameOrigin(req)) {
      res.send(403, { error: 'cross-site sign-in refused' });
      return;
    }
    const body = credentials.safeParse(req.body);
    if (!body.success) {
      res.send(400, { error: 'id and password required' });
      return;
    }
    const { id, password } = body.data;
    const address = clientAddress(req, limits.TRUST_PROXY_HOPS);
    const wait = await throttle.wait(id, address);
    if (wait > 0) return tooMany(res, wait);

    const release = checks.enter();
    if (!release) return busy(res, 1);
    let attempt: Attempt;
    let advisor: Advisor | undefined;
    try {
      attempt = await throttle.attempt(id, address);
      advisor = attempt.allowed ? await directory.authenticate(id, password) : undefined;
    } finally {
      release();
    }
    if (!attempt.allowed) return tooMany(res, attempt.retryAfterSeconds);
    await (advisor ? attempt.succeeded() : attempt.failed());
    if (!advisor) {
      res.send(401, { error: 'wrong id or password' });
      return;
    }
    const ttlMs = deps.sessionMinutes * 60_000;
    const { token, session } = await sessions.create(advisor.id, ttlMs);
    res.header('set-cookie', sessionCookie(req, token, Math.floor(ttlMs / 1000)));
    res.send(200, { advisor, csrf: session.csrf, expiresAt: new Date(session.expiresAt).toISOString(), timeZone: deps.timeZone });
  }));
}
