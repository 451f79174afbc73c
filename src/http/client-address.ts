/**
 * Who is calling, as far as the network tells: the socket's address, or — behind
 * TRUST_PROXY_HOPS proxies that each append to X-Forwarded-For — the address the outermost
 * trusted proxy saw. Entries a client wrote itself (to the left) are never believed.
 * @module
 */
import { isIP } from 'node:net';
import type { Request } from 'restify';

export function clientAddress(req: Request, trustedHops: number): string {
  const socket = normalise(req.socket?.remoteAddress ?? '');
  if (trustedHops <= 0) return socket;
  const forwarded = String(req.header('x-forwarded-for') ?? '').split(',').map((s) => normalise(s.trim())).filter(Boolean);
  // The last `trustedHops` entries were written by our proxies; the one they received from is the client.
  const candidate = forwarded[forwarded.length - trustedHops];
  return candidate && isIP(candidate) ? candidate : socket;
}

/** Is the socket's peer this machine? Forwarded headers never count: a proxy in front is not loopback. */
export function fromLoopback(req: Request): boolean {
  const address = normalise(req.socket?.remoteAddress ?? '');
  return address === '::1' || /^127\./.test(address);
}

function normalise(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
