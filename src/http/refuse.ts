/**
 * The short answers of a limit: 429 with Retry-After (this caller, slow down) and 503 with
 * Retry-After (the bot is full for now). Bodies are generic; what tripped goes to the log.
 * @module
 */
import type { Response } from 'restify';

export function tooMany(res: Response, retryAfterSeconds: number): void {
  res.sendRaw(429, JSON.stringify({ error: 'too many requests' }), headers(retryAfterSeconds));
}

export function busy(res: Response, retryAfterSeconds = 5): void {
  res.sendRaw(503, JSON.stringify({ error: 'busy, try again shortly' }), headers(retryAfterSeconds));
}

function headers(retryAfterSeconds: number): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  };
}
