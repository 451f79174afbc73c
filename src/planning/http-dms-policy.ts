/**
 * The resilience around each DMS request (cockatiel): retry → circuit breaker → timeout.
 * The timeout bounds one attempt; the breaker counts attempts, so while the DMS is down the
 * bot stops waiting on it after a few failures and a later call probes it again (half-open).
 * @module
 */
import {
  circuitBreaker,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
  type IRetryBackoffContext,
} from 'cockatiel';
import { DmsHttpError, isOutage, isRetryable } from './http-dms-errors';

export interface DmsPolicyOptions {
  timeoutMs: number;
  /** Further attempts after the first. */
  retries: number;
  breaker: { threshold: number; halfOpenAfterMs: number };
  backoff: { initialDelayMs: number; maxDelayMs: number };
  /** A longer Retry-After is not waited for: the call fails and the customer is offered a human. */
  maxRetryAfterMs: number;
}

export interface DmsPolicies {
  /** For every port call: all of them are idempotent on the wire (keys or by design). */
  withRetries: { execute<T>(fn: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> };
  /** For the readiness probe: one attempt, still through the breaker. */
  once: { execute<T>(fn: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> };
  breaker: CircuitBreakerPolicy;
}

/** Exponential with jitter, or what the DMS asked for in Retry-After. */
function backoffDelay(options: DmsPolicyOptions, context: IRetryBackoffContext<unknown>): number {
  const error = 'error' in context.result ? context.result.error : undefined;
  if (error instanceof DmsHttpError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const { initialDelayMs, maxDelayMs } = options.backoff;
  const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** (context.attempt - 1));
  // Full jitter over the upper half: several bot instances don't retry in lockstep.
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export function createDmsPolicies(options: DmsPolicyOptions): DmsPolicies {
  // Cooperative: fetch honours the signal, so a timed-out request is really aborted.
  const perAttempt = timeout(options.timeoutMs, TimeoutStrategy.Cooperative);
  const breaker = circuitBreaker(handleWhen(isOutage), {
    halfOpenAfter: options.breaker.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breaker.threshold),
  });
  // BrokenCircuitError is not retryable: an open circuit fails the call at once.
  const retries = retry(
    handleWhen((error) => isRetryable(error, options.maxRetryAfterMs)),
    { maxAttempts: options.retries, backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) => backoffDelay(options, context)) },
  );
  return { withRetries: wrap(retries, breaker, perAttempt), once: wrap(breaker, perAttempt), breaker };
}
