/**
 * The staff bearer token, compared in constant time: both sides are hashed first so that
 * `timingSafeEqual` always sees equal-length buffers and the comparison leaks neither the
 * content nor the length of the configured token.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (expected.length === 0) return false;
  const same = timingSafeEqual(digest(given ?? ''), digest(expected));
  return same && given !== undefined;
}

/** RFC 6750: say which scheme is expected, and whether a token was given but refused. */
export function challenge(given: string | undefined): string {
  return given === undefined ? 'Bearer realm="planning"' : 'Bearer realm="planning", error="invalid_token"';
}
