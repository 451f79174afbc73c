/**
 * Failures of the DMS client. Every one is an `Error`, so the dialogue's `onError` apologises and
 * offers a human; the classes only tell the resilience policies what may be retried.
 * @module
 */

/** The DMS answered with a status the port has no meaning for (401, 500, 503...). */
export class DmsHttpError extends Error {
  override readonly name = 'DmsHttpError';
  constructor(
    readonly status: number,
    readonly path: string,
    /** From `Retry-After`, ms; only on 429 and 503. */
    readonly retryAfterMs?: number,
  ) {
    super(`DMS answered ${status} to ${path}`);
  }
}

/** No answer within the per-request timeout (the request may or may not have been applied). */
export class DmsTimeoutError extends Error {
  override readonly name = 'DmsTimeoutError';
  constructor(readonly path: string, timeoutMs: number) {
    super(`DMS did not answer ${path} within ${timeoutMs} ms`);
  }
}

/** Connection refused or reset, DNS, TLS: nothing usable came back. */
export class DmsNetworkError extends Error {
  override readonly name = 'DmsNetworkError';
  constructor(readonly path: string, cause: unknown) {
    super(`DMS unreachable for ${path}: ${cause instanceof Error ? (cause.cause as Error | undefined)?.message ?? cause.message : String(cause)}`, { cause });
  }
}

/** The DMS answered, but not per docs/dms-api.yaml (not JSON, wrong shape). Never retried. */
export class DmsInvalidResponseError extends Error {
  override readonly name = 'DmsInvalidResponseError';
  constructor(readonly path: string, detail: string) {
    super(`DMS answered ${path} outside the contract: ${detail}`);
  }
}

/** Statuses that mean "not now, try again" and are safe to repeat with the same key. */
const TRANSIENT = new Set([429, 502, 503, 504]);

/** Worth another attempt: the DMS was unreachable or said so, and our calls are idempotent. */
export function isRetryable(error: unknown, maxRetryAfterMs: number): boolean {
  if (error instanceof DmsTimeoutError || error instanceof DmsNetworkError) return true;
  if (!(error instanceof DmsHttpError) || !TRANSIENT.has(error.status)) return false;
  // A Retry-After longer than a customer would wait in a chat: give up now and offer a human.
  return error.retryAfterMs === undefined || error.retryAfterMs <= maxRetryAfterMs;
}

/** Counts towards opening the circuit: the DMS is down or overloaded (not: it refused us). */
export function isOutage(error: unknown): boolean {
  if (error instanceof DmsTimeoutError || error instanceof DmsNetworkError) return true;
  return error instanceof DmsHttpError && (error.status >= 500 || error.status === 429);
}
