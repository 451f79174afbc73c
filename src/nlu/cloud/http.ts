/**
 * One JSON POST to a cloud recognizer, its failures as data (`CloudError`): timeout, throttled
 * (429, with Retry-After), refused (401/403), HTTP error, network, or an answer that is not what
 * the API documents. Error bodies are read for their code only: nothing of the message is logged.
 * @module
 */
import { parseRetryAfter } from '../../planning/http-dms-transport';

export type CloudFailure = 'timeout' | 'throttled' | 'refused' | 'http' | 'network' | 'malformed' | 'unmapped';

export class CloudError extends Error {
  constructor(
    readonly reason: CloudFailure,
    message: string,
    readonly status?: number,
    /** The service's error code (`error.code` in Azure's and OpenAI's error bodies). */
    readonly code?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** `{ "error": { "code": "…", "message": "…" } }`: the body Azure AI services and OpenAI both answer errors with. */
function errorCode(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; type?: unknown } };
    const code = body?.error?.code ?? body?.error?.type;
    return typeof code === 'string' || typeof code === 'number' ? String(code).slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}

export interface PostJson {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** POSTs JSON and returns the parsed JSON answer of a 2xx; throws a CloudError otherwise. */
export async function postJson({ url, headers, body, signal, fetch: doFetch = fetch, now = () => new Date() }: PostJson): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
    });
    text = await response.text();
  } catch (err) {
    if (signal.aborted) throw new CloudError('timeout', 'no answer in time');
    throw new CloudError('network', `request failed: ${(err as Error).message}`);
  }
  if (response.status === 429) {
    // Azure OpenAI also sends retry-after-ms; Retry-After is seconds or an HTTP date
    const ms = Number(response.headers.get('retry-after-ms'));
    const retryAfterMs = Number.isFinite(ms) && ms > 0 ? ms : parseRetryAfter(response.headers.get('retry-after'), now());
    throw new CloudError('throttled', 'throttled (429)', 429, errorCode(text), retryAfterMs);
  }
  if (response.status === 401 || response.status === 403) throw new CloudError('refused', `refused (${response.status})`, response.status, errorCode(text));
  if (!response.ok) throw new CloudError('http', `HTTP ${response.status}`, response.status, errorCode(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CloudError('malformed', 'answer is not JSON', response.status);
  }
}
