/**
 * Who is calling the advisor console: a session cookie (HttpOnly, SameSite=Strict, expiring,
 * kept in the shared store) and, on every state-changing request, the session's CSRF token in a
 * header — a cross-site page can neither send the cookie nor read the token.
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { AdvisorSession, AdvisorSessionStore } from '../handoff/advisor-sessions';
import type { AdvisorDirectory } from '../handoff/advisors';
import type { Advisor } from '../handoff/handoff-service';

export const COOKIE = 'mc_advisor';
export const CSRF_HEADER = 'x-csrf-token';

export interface Caller {
  advisor: Advisor;
  session: AdvisorSession;
  token: string;
}

export function cookieOf(req: Request, name = COOKIE): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || undefined;
  }
  return undefined;
}

/** Behind a TLS-terminating proxy the request is plain HTTP, hence the forwarded header too. */
export function isHttps(req: Request): boolean {
  return (req as Request & { isSecure?: () => boolean }).isSecure?.() === true || req.header('x-forwarded-proto') === 'https';
}

export function sessionCookie(req: Request, token: string, maxAgeSeconds: number): string {
  return `${COOKIE}=${token}; Path=/advisor; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${isHttps(req) ? '; Secure' : ''}`;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createAuth(sessions: AdvisorSessionStore, directory: AdvisorDirectory) {
  /** The signed-in advisor, or a 401/403 already sent. */
  return async function caller(req: Request, res: Response, options: { csrf: boolean }): Promise<Caller | undefined> {
    const token = cookieOf(req);
    const session = token ? await sessions.get(token) : undefined;
    const advisor = session && directory.find(session.advisorId);
    if (!token || !session || !advisor) {
      res.header('cache-control', 'no-store');
      res.send(401, { error: 'not signed in' });
      return undefined;
    }
    if (options.csrf && !sameSecret(String(req.header(CSRF_HEADER) ?? ''), session.csrf)) {
      res.send(403, { error: 'missing or wrong CSRF token' });
      return undefined;
    }
    return { advisor, session, token };
  };
}
