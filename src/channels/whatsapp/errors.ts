/**
 * The ways a send can fail, as types a caller can tell apart (a reminder falls back to a
 * template on OutsideWindowError; a 4xx is a bug to look at, not something to retry).
 * @module
 */
export class OutsideWindowError extends Error {
  override readonly name = 'OutsideWindowError';
  constructor(readonly conversationId: string) {
    super(`WhatsApp: ${conversationId} last wrote more than 24 hours ago; only a template may be sent`);
  }
}

export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  constructor(
    readonly status: number,
    /** Meta's `error.code`, e.g. 131047 (re-engagement needed), 131062 (no BSUID sends). */
    readonly code: number | undefined,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(`WhatsApp Graph API ${status}${code ? ` (${code})` : ''}: ${message}`);
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/** Meta's answer when the 24-hour window has closed on its side. */
export const REENGAGEMENT_CODE = 131047;
