/**
 * What the browser posts, as one zod schema per request: the opening (`{ locale }`) and a Web
 * Chat message activity — typed text, or a postBack/messageBack whose value is a token the bot
 * understands — checked before anything reaches the engine. A wrong shape is a short reason (400).
 * @module
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';

export const MAX_TEXT = 2000;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const CLIENT_ID = /^[\w.:|-]{1,128}$/;

export interface Inbound {
  text: string;
  clientActivityID?: string;
  locale?: string;
  /** The posted activity, trimmed to what is echoed back to Web Chat. */
  activity: Partial<Activity>;
}

/** A locale we pass on, or nothing: a malformed one is ignored rather than refused. */
const locale = z.string().regex(LOCALE).optional().catch(undefined);
/** Free text we echo back, cut to `max`; anything else is dropped. */
const shortText = (max: number) => z.string().transform((s) => s.slice(0, max)).optional().catch(undefined);

/** A clicked choice carries its token in value (as on /api/messages): the string, or `{ token }`. */
const choiceToken = z.union([z.string(), z.object({ token: z.string() }).transform((v) => v.token)]);

const clientIdError = 'channelData.clientActivityID must be a short identifier';

const postedActivity = z
  .object(
    {
      type: z.literal('message', { error: 'only message activities are accepted' }),
      text: z.string().optional().catch(undefined),
      value: z.unknown().optional(),
      locale,
      from: z.object({ id: shortText(64), name: shortText(64) }).catch({}),
      channelData: z
        .object({
          clientActivityID: z.string({ error: clientIdError }).regex(CLIENT_ID, clientIdError).optional(),
          // Kept so that Web Chat shows (messageBack with displayText) or hides (postBack) the echo as it did the original.
          postBack: z.literal(true).optional().catch(undefined),
          messageBack: z.object({ displayText: shortText(200) }).optional().catch(undefined),
        }, { error: 'channelData must be an object' })
        .nullish(),
    },
    { error: 'expected a JSON activity' },
  )
  .transform((a) => ({ ...a, said: choiceToken.safeParse(a.value).data ?? a.text ?? '' }))
  .refine((a) => a.said.trim() !== '', 'the activity has no text')
  .refine((a) => a.said.length <= MAX_TEXT, `text longer than ${MAX_TEXT} characters`);

const openingBody = z.object({ locale }, { error: 'expected a JSON object' }).optional();

/** The turn's input, or a reason to refuse the activity (400). */
export function parseInbound(body: unknown): Inbound | { error: string } {
  const parsed = postedActivity.safeParse(body);
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const a = parsed.data;
  const { clientActivityID, postBack, messageBack } = a.channelData ?? {};
  const activity: Partial<Activity> = {
    type: 'message',
    ...(a.text !== undefined ? { text: a.text } : {}),
    ...(a.value !== undefined ? { value: a.value } : {}),
    ...(a.locale ? { locale: a.locale } : {}),
    from: { id: a.from.id ?? 'customer', name: a.from.name ?? '', role: 'user' },
    channelData: {
      ...(clientActivityID ? { clientActivityID } : {}),
      ...(postBack ? { postBack } : {}),
      ...(messageBack?.displayText !== undefined ? { messageBack: { displayText: messageBack.displayText } } : {}),
    },
  };
  return { text: a.said, activity, ...(clientActivityID ? { clientActivityID } : {}), ...(a.locale ? { locale: a.locale } : {}) };
}

/** The opening's body: `{ locale? }` (or none at all), or a reason to refuse it (400). */
export function parseOpening(body: unknown): { locale?: string } | { error: string } {
  const parsed = openingBody.safeParse(body);
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  return parsed.data?.locale ? { locale: parsed.data.locale } : {};
}
