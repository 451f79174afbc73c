/**
 * The bearer check with a brake on guessing: failed checks are counted per client address
 * (ADVISOR_LOGIN_FAILURES_PER_ADDRESS in 15 minutes, shared through Redis when there is one).
 * Past the limit the address is refused (429) for 15 minutes whatever it sends — the right
 * token too, so that a guess past the limit tells nothing. A request without a token is no
 * guess and is not counted.
 * @module
 */
import type { Request } from 'restify';
import type { RateLimits } from '../../limits/rate-limits';
import { clientAddress } from '../client-address';
import { bearerOf, challenge, tokenMatches } from './auth';
import { tooManyFailures, type Problem } from './problem';

const WINDOW_SECONDS = 15 * 60;

export type BearerVerdict = { ok: true } | { ok: false; problem: Problem; headers: Record<string, string> };

export interface BearerCheckOptions {
  token: string;
  rateLimits: RateLimits;
  failuresPerAddress: number;
  trustProxyHops: number;
}

export function createBearerCheck(options: BearerCheckOptions): (req: Request) => Promise<BearerVerdict> {
  const failures = options.rateLimits('planning-bearer-address', {
    points: options.failuresPerAddress, durationSeconds: WINDOW_SECONDS, blockSeconds: WINDOW_SECONDS,
  });
  const refused = (retryAfterSeconds: number): BearerVerdict => ({ ok: false, problem: tooManyFailures(), headers: { 'retry-after': String(retryAfterSeconds) } });

  return async (req) => {
    const given = bearerOf(req.header('authorization'));
    const address = clientAddress(req, options.trustProxyHops);
    // The comparison is a hash and costs nothing; compared first, a wrong token is counted at once
    // (atomically in Redis), so parallel guesses cannot all pass a check made before any failed.
    const right = tokenMatches(given, options.token);
    if (right || given === undefined) {
      const used = await failures.peek(address);
      if (used && used.consumed >= options.failuresPerAddress) return refused(used.retryAfterSeconds);
      if (right) return { ok: true };
    } else {
      const counted = await failures.take(address);
      if (!counted.allowed) return refused(counted.retryAfterSeconds);
    }
    return { ok: false, problem: { status: 401, code: 'unauthorized', title: 'A valid bearer token is required' }, headers: { 'www-authenticate': challenge(given) } };
  };
}
