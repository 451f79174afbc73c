/**
 * Who is calling, as far as the network tells: the socket's address, or — behind
 * TRUST_PROXY_HOPS proxies that each append to X-Forwarded-For — the address the outermost
 * trusted proxy saw. Entries a client wrote itself (to the left) are never believed.
 *
 * The answer keys the per-address limits, so an IPv6 address is reduced to its /64: one
 * subscriber's line or one host gets a whole /64 and picks a fresh address in it at will
 * (privacy addresses do it by themselves), which would otherwise be a fresh budget each time.
 * @module
 */
import { isIP } from 'node:net';
import type { Request } from 'restify';

export function clientAddress(req: Request, trustedHops: number): string {
  const socket = normalise(req.socket?.remoteAddress ?? '');
  if (trustedHops <= 0) return limitKey(socket);
  const forwarded = String(req.header('x-forwarded-for') ?? '').split(',').map((s) => normalise(withoutPort(s.trim()))).filter(Boolean);
  // The last `trustedHops` entries were written by our proxies; the one they received from is the client.
  const candidate = forwarded[forwarded.length - trustedHops];
  return limitKey(candidate && isIP(candidate) ? candidate : socket);
}

/** Is the socket's peer this machine? Forwarded headers never count: a proxy in front is not loopback. */
export function fromLoopback(req: Request): boolean {
  const address = normalise(req.socket?.remoteAddress ?? '');
  return address === '::1' || /^127\./.test(address);
}

function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** Some proxies (Azure Application Gateway, App Service) write `ip:port` or `[ipv6]:port`. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry);
  return v4 ? v4[1] : entry;
}

/** An IPv4 address as it is; an IPv6 address as its /64 (`2001:db8:a:b::/64`). */
function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expand(address.replace(/%.*$/, ''));
  return groups ? `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64` : address;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail included), or undefined. */
function expand(address: string): string[] | undefined {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (text.includes('::') ? missing < 1 : missing !== 0) return undefined;
  return [...left, ...Array(text.includes('::') ? missing : 0).fill('0'), ...right];
}
