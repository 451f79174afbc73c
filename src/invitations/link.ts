/**
 * The link to a booking's calendar file (#13): a capability, since the browser that opens it
 * carries no token. It names the booking, a digest of the conversation that made it (never the
 * conversation id itself) and when it expires, signed with HMAC-SHA256 under a server secret —
 * so nobody can forge one for another booking or enumerate references; the download endpoint
 * also checks that the booking was made by that conversation (src/http/calendar-download.ts).
 * @module
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Lang } from '../../dialogs/model';

export const CALENDAR_PATH = '/api/calendar';

/** The link outlives the appointment by a week, then dies. */
const AFTER_APPOINTMENT_MS = 7 * 24 * 3600_000;

/**
 * `<reference>.<conversation digest>.<lang>.<expiry, base 36 seconds>.<HMAC, 128 bits>`: short
 * enough for one path segment (the router takes at most 100 characters), every part checked.
 */
export const tokenSchema = z.string().max(100).regex(/^[A-Za-z0-9-]{1,40}\.[\w-]{16}\.(it|en)\.[0-9a-z]{1,9}\.[\w-]{22}$/);

export interface SignedBooking {
  reference: string;
  /** Digest of the conversation that made the booking. */
  conversation: string;
  lang: Lang;
}

/** A short digest (96 bits) of a conversation id: what the link carries instead of it. */
export const conversationDigest = (conversationId: string) => createHash('sha256').update(conversationId).digest('base64url').slice(0, 16);

/** The conversation of a booking, from its idempotency key (`<conversation id>:<attempt>`, dialogs/states/dates.ts). */
export const conversationOfKey = (idempotencyKey: string) => idempotencyKey.slice(0, Math.max(0, idempotencyKey.lastIndexOf(':')));

export function createCalendarLinks(secret: string, now: () => number = Date.now) {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
  return {
    /** The path of the calendar file of `reference`, for the conversation that made it. */
    path(reference: string, conversationId: string, lang: Lang, appointmentAt: string): string {
      const e = Math.ceil((Date.parse(appointmentAt) + AFTER_APPOINTMENT_MS) / 1000).toString(36);
      const body = [reference, conversationDigest(conversationId), lang, e].join('.');
      return `${CALENDAR_PATH}/${body}.${mac(body)}`;
    },
    /** The booking a token names, when its signature holds and it has not expired. */
    verify(token: string): SignedBooking | undefined {
      if (!tokenSchema.safeParse(token).success) return undefined;
      const cut = token.lastIndexOf('.');
      const body = token.slice(0, cut);
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(token.slice(cut + 1));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const [reference, conversation, lang, e] = body.split('.');
      if (parseInt(e, 36) * 1000 <= now()) return undefined;
      return { reference, conversation, lang: lang as Lang };
    },
  };
}

export type CalendarLinks = ReturnType<typeof createCalendarLinks>;
