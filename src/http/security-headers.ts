/**
 * Headers every answer carries: `X-Content-Type-Options: nosniff` (a JSON answer is never run as
 * a script or page), and HSTS when the request came over https — on this socket, or at the
 * outermost of TRUST_PROXY_HOPS proxies as its X-Forwarded-Proto says. Never over plain http
 * (browsers ignore it there anyway, and a client could fake the header).
 * @module
 */
import type { Next, Request, Response } from 'restify';

export const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(trustedHops: number) {
  return function securityHeaders(req: Request, res: Response, next: Next): void {
    res.setHeader('x-content-type-options', 'nosniff');
    if (servedOverHttps(req, trustedHops)) res.setHeader('strict-transport-security', HSTS);
    next();
  };
}

export function servedOverHttps(req: Request, trustedHops: number): boolean {
  if (req.isSecure()) return true;
  if (trustedHops <= 0) return false;
  const entries = String(req.header('x-forwarded-proto') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  // Like X-Forwarded-For: the entry the outermost trusted proxy wrote (the only one, when proxies set it).
  return entries[Math.max(0, entries.length - trustedHops)] === 'https';
}
