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

/**
 * The error code of an error body: Azure AI Language `{ error: { code, message, innererror? } }`
 * (runtime spec `ErrorResponse`), Azure OpenAI `{ error: { code, message, param?, type?, inner_error? } }`
 * (https://learn.microsoft.com/azure/ai-services/openai/reference, `errorResponse`), OpenAI
 * `{ error: { message, type, param, code } }` with `param` and `code` nullable (openai-openapi
 * `ErrorResponse`/`Error`): `code`, else OpenAI's `type`.
 */
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
    // The Azure SDKs' throttling policy reads `retry-after-ms` and `x-ms-retry-after-ms` (milliseconds)
    // before `Retry-After` (seconds or an HTTP date), https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/core/core-rest-pipeline/src/retryStrategies/throttlingRetryStrategy.ts;
    // the OpenAI SDKs read `retry-after-ms` then `retry-after` (openai-node `retryRequest`).
    // No Microsoft page lists which service sends which: Azure OpenAI's 429 is reported with Retry-After
    // (retry-after-ms too, by both SDKs' handling and third-party write-ups); we read all three.
    const ms = Number(response.headers.get('retry-after-ms') ?? response.headers.get('x-ms-retry-after-ms'));
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
