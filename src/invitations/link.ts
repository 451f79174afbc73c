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
import { LANGUAGES, type Lang } from '../../dialogs/model';

export const CALENDAR_PATH = '/api/calendar';

/** The link outlives the appointment by a week, then dies. */
const AFTER_APPOINTMENT_MS = 7 * 24 * 3600_000;

const payloadSchema = z.object({
  r: z.string().min(1).max(64),
  c: z.string().regex(/^[\w-]{22}$/),
  l: z.enum(LANGUAGES),
  e: z.number().int().positive(),
});

/** What the link's token may look like at all: checked before any crypto or store. */
export const tokenSchema = z.string().regex(/^[\w-]{20,300}\.[\w-]{43}$/);

export interface SignedBooking {
  reference: string;
  /** Digest of the conversation that made the booking. */
  conversation: string;
  lang: Lang;
}

/** A short digest of a conversation id: what the link carries instead of it. */
export const conversationDigest = (conversationId: string) => createHash('sha256').update(conversationId).digest('base64url').slice(0, 22);

/** The conversation of a booking, from its idempotency key (`<conversation id>:<attempt>`, dialogs/states/dates.ts). */
export const conversationOfKey = (idempotencyKey: string) => idempotencyKey.slice(0, Math.max(0, idempotencyKey.lastIndexOf(':')));

export function createCalendarLinks(secret: string, now: () => number = Date.now) {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  return {
    /** The path of the calendar file of `reference`, for the conversation that made it. */
    path(reference: string, conversationId: string, lang: Lang, appointmentAt: string): string {
      const e = Math.ceil((Date.parse(appointmentAt) + AFTER_APPOINTMENT_MS) / 1000);
      const body = Buffer.from(JSON.stringify({ r: reference, c: conversationDigest(conversationId), l: lang, e })).toString('base64url');
      return `${CALENDAR_PATH}/${body}.${mac(body)}`;
    },
    /** The booking a token names, when its signature holds and it has not expired. */
    verify(token: string): SignedBooking | undefined {
      if (!tokenSchema.safeParse(token).success) return undefined;
      const [body, signature] = token.split('.');
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      let payload: z.infer<typeof payloadSchema>;
      try {
        const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
        if (!parsed.success) return undefined;
        payload = parsed.data;
      } catch {
        return undefined;
      }
      if (payload.e * 1000 <= now()) return undefined;
      return { reference: payload.r, conversation: payload.c, lang: payload.l };
    },
  };
}

export type CalendarLinks = ReturnType<typeof createCalendarLinks>;
