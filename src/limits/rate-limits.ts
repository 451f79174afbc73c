/**
 * Rate limits and quotas, with `rate-limiter-flexible`: shared by every instance through Redis
 * when there is one (REDIS_URL), in this process's memory otherwise. While Redis is unreachable a
 * limit falls back to memory (the library's insurance limiter) instead of failing the request.
 * @module
 */
import type { Cluster, Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateRule {
  /** How many takes the window allows. */
  points: number;
  /** The window, in seconds. */
  durationSeconds: number;
  /** Once over, the key stays refused this long (default: until the window ends). */
  blockSeconds?: number;
}

export type Verdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimit {
  /** Counts `points` against `key`: allowed, or refused with how long to wait. Never throws. */
  take(key: string, points?: number): Promise<Verdict>;
  /** What `key` has used, without counting anything (undefined: nothing yet). */
  peek(key: string): Promise<{ consumed: number; retryAfterSeconds: number } | undefined>;
  /** Refuses `key` for `seconds` from now. */
  block(key: string, seconds: number): Promise<void>;
  /** Forgets `key` (a success after failures). */
  reset(key: string): Promise<void>;
}

export interface RateLimitsOptions {
  /** The shared Redis (REDIS_URL); without it, limits live in this process. */
  redis?: Redis | Cluster;
  /** REDIS_KEY_PREFIX: limits' keys are `<prefix>rl:<name>:<key>`. */
  prefix: string;
  /** A store failure (logged once per failure by the caller's logger). */
  onError?: (err: unknown) => void;
}

/** Makes named limits, all on the same store. */
export type RateLimits = (name: string, rule: RateRule) => RateLimit;

export function createRateLimits(options: RateLimitsOptions): RateLimits {
  return (name, rule) => {
    const base = { points: rule.points, duration: rule.durationSeconds, blockDuration: rule.blockSeconds ?? 0 };
    const memory = new RateLimiterMemory({ ...base, keyPrefix: `${options.prefix}rl:${name}` });
    const limiter: RateLimiterAbstract = options.redis
      ? new RateLimiterRedis({
        ...base, storeClient: options.redis, keyPrefix: `${options.prefix}rl:${name}`,
        rejectIfRedisNotReady: true, insuranceLimiter: memory,
      })
      : memory;
    return wrap(limiter, options.onError);
  };
}

function wrap(limiter: RateLimiterAbstract, onError: ((err: unknown) => void) | undefined): RateLimit {
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    async take(key, points = 1) {
      try {
        const res = await limiter.consume(key, points);
        return { allowed: true, remaining: res.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: seconds(rejection.msBeforeNext) };
        // Neither Redis nor the insurance answered: let the request through rather than lock customers out.
        onError?.(rejection);
        return { allowed: true, remaining: 0 };
      }
    },
    async peek(key) {
      try {
        const res = await limiter.get(key);
        return res ? { consumed: res.consumedPoints, retryAfterSeconds: seconds(res.msBeforeNext) } : undefined;
      } catch (err) {
        onError?.(err);
        return undefined;
      }
    },
    async block(key, secs) {
      try {
        await limiter.block(key, secs);
      } catch (err) {
        onError?.(err);
      }
    },
    async reset(key) {
      try {
        await limiter.delete(key);
      } catch (err) {
        onError?.(err);
      }
    },
  };
}
