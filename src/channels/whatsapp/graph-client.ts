/**
 * `POST {graph}/{phone-number-id}/messages` with the Bearer token. Each attempt has a timeout;
 * network errors, timeouts, 429 and 5xx are retried with jittered exponential backoff (or what
 * a 429's Retry-After asks, up to a cap). Other 4xx are not retried: the request itself is wrong.
 * A timed-out attempt may still have been delivered: a rare duplicate beats a lost message.
 * @module
 */
import { DelegateBackoff, handleWhen, retry, timeout, TimeoutStrategy, wrap, type IRetryBackoffContext } from 'cockatiel';
import { GraphApiError } from './errors';

export interface GraphOptions {
  graphUrl: string;
  phoneNumberId: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Further attempts after the first. */
  retries?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface GraphClient {
  /** Sends one message body (`to`/`recipient` included); resolves to its wamid. */
  send(body: Record<string, unknown>): Promise<string | undefined>;
  /**
   * #13: uploads a file (`POST {graph}/{phone-number-id}/media`, multipart: `messaging_product`,
   * `type`, `file`); resolves to the media id a document message names.
   */
  upload(file: { content: string | Uint8Array; filename: string; type: string }): Promise<string>;
}

const retryable = (err: unknown) => !(err instanceof GraphApiError) || err.retryable;

export function createGraphClient(options: GraphOptions): GraphClient {
  const { timeoutMs = 10_000, retries = 3, initialDelayMs = 200, maxDelayMs = 5_000 } = options;
  const doFetch = options.fetch ?? fetch;
  const url = `${options.graphUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  const delay = (context: IRetryBackoffContext<unknown>) => {
    const error = 'error' in context.result ? context.result.error : undefined;
    if (error instanceof GraphApiError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, maxDelayMs);
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** (context.attempt - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  };
  const policy = wrap(
    retry(handleWhen(retryable), { maxAttempts: retries, backoff: new DelegateBackoff(delay) }),
    // Cooperative: fetch honours the signal, so a timed-out attempt is really aborted.
    timeout(timeoutMs, TimeoutStrategy.Cooperative),
  );

  const mediaUrl = `${options.graphUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.phoneNumberId)}/media`;
  /** One attempt's answer, or the error a caller (and the retry policy) can tell apart. */
  const answerOf = async (res: Response) => {
    const answer = (await res.json().catch(() => ({}))) as { id?: string; messages?: { id?: string }[]; error?: { code?: number; message?: string } };
    if (!res.ok) {
      const seconds = Number(res.headers.get('retry-after'));
      throw new GraphApiError(res.status, answer.error?.code, answer.error?.message ?? res.statusText,
        Number.isFinite(seconds) && seconds >= 0 && res.headers.has('retry-after') ? seconds * 1000 : undefined);
    }
    return answer;
  };

  return {
    upload: (file) =>
      policy.execute(async ({ signal }) => {
        const form = new FormData();
        form.append('messaging_product', 'whatsapp');
        form.append('type', file.type);
        form.append('file', new Blob([file.content], { type: file.type }), file.filename);
        const res = await doFetch(mediaUrl, { method: 'POST', headers: { authorization: `Bearer ${options.token}` }, body: form, signal });
        const answer = await answerOf(res);
        if (!answer.id) throw new GraphApiError(res.status, undefined, 'no media id in the answer');
        return answer.id;
      }),
    send: (body) =>
      policy.execute(async ({ signal }) => {
        const res = await doFetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
          signal,
        });
        const answer = (await res.json().catch(() => ({}))) as { messages?: { id?: string }[]; error?: { code?: number; message?: string } };
        if (!res.ok) {
          const seconds = Number(res.headers.get('retry-after'));
          throw new GraphApiError(res.status, answer.error?.code, answer.error?.message ?? res.statusText,
            Number.isFinite(seconds) && seconds >= 0 && res.headers.has('retry-after') ? seconds * 1000 : undefined);
        }
        return answer.messages?.[0]?.id;
      }),
  };
}
