/**
 * One JSON exchange with the DMS: headers, timeout signal, status classification and JSON
 * parsing. Statuses that carry a meaning for the port (404, 409) are answers; anything else
 * outside 2xx is an error for the policies to judge.
 * @module
 */
import type { DmsPolicies } from './http-dms-policy';
import { DmsHttpError, DmsInvalidResponseError, DmsNetworkError, DmsTimeoutError } from './http-dms-errors';

export interface DmsCall {
  method: 'GET' | 'POST';
  /** Path and query, relative to the base URL. */
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  /** Non-2xx statuses the caller maps to a port result (e.g. 404 → not found). */
  answers?: number[];
  /** The readiness probe: no retries. */
  once?: boolean;
}

export interface DmsAnswer {
  status: number;
  /** Parsed JSON; `undefined` for an empty body. */
  body: unknown;
}

export interface DmsTransportOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch: typeof fetch;
  clock: () => Date;
  policies: DmsPolicies;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

export function createDmsTransport(options: DmsTransportOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function attempt(call: DmsCall, signal: AbortSignal): Promise<DmsAnswer> {
    const label = `${call.method} ${call.path.split('?')[0]}`;
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(base + call.path, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
      });
      // Read the body inside the timeout: a DMS that sends headers and then stalls is down too.
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw new DmsTimeoutError(label, options.timeoutMs);
      throw new DmsNetworkError(label, error);
    }
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && !call.answers?.includes(response.status)) {
      throw new DmsHttpError(response.status, label, parseRetryAfter(response.headers.get('retry-after'), options.clock()));
    }
    if (text === '') return { status: response.status, body: undefined };
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      throw new DmsInvalidResponseError(label, `status ${response.status}, body is not JSON`);
    }
  }

  return {
    send(call: DmsCall): Promise<DmsAnswer> {
      const policy = call.once ? options.policies.once : options.policies.withRetries;
      return policy.execute(({ signal }) => attempt(call, signal));
    },
  };
}
