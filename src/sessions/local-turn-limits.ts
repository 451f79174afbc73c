/**
 * Turn limits (`TurnOptions.limit`) counted in this process, for the stores that live in one
 * process (memory, SQLite): `rate-limiter-flexible`'s memory limiter, as the channels used before
 * the count moved into the stores (#15: the Redis store counts inside its BEGIN instead).
 * @module
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TurnLimitedError, type TurnLimit } from './session-store';

/** Counts a conversation's turn against `limit`; rejects with `TurnLimitedError` past it. */
export type TurnLimiter = (conversationId: string, limit: TurnLimit | undefined) => Promise<void>;

export function localTurnLimits(): TurnLimiter {
  const limiters = new Map<string, RateLimiterMemory>();
  return async (conversationId, limit) => {
    if (!limit) return;
    const rule = `${limit.points}/${limit.windowSeconds}`;
    let limiter = limiters.get(rule);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds, keyPrefix: `turns:${rule}` });
      limiters.set(rule, limiter);
    }
    try {
      await limiter.consume(conversationId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new TurnLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  };
}
