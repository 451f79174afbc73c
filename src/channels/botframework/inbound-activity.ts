/**
 * What /api/messages accepts, as one zod schema checked before botbuilder or the engine sees the
 * activity: the fields the bot reads must have the right type (a number as locale, an object as
 * conversation id, a missing type or channelId are refused with a short reason). Everything else
 * a channel sends (Teams' channelData, entities, attachments…) passes through untouched.
 *
 * And the namespace of Bot Framework conversations in the engine: `bf:<channelId>:<id>`, so that
 * no caller can name a WhatsApp (`whatsapp:…`) or site web chat (`webchat:…`) conversation —
 * Azure's own Web Chat channel is also called "webchat".
 * @module
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * Past this the text is garbage, not a message: refused. Between the dialogue's limit
 * (MAX_MESSAGE_LENGTH, 2000) and this, the customer gets the bot's polite "too long".
 */
export const MAX_TEXT_CHARS = 16 * 1024;

/** A channel id is a name (msteams, directline, webchat, emulator…): no ':' to shift the namespace. */
const CHANNEL_ID = /^[A-Za-z0-9._-]{1,64}$/;

// Optional fields may come as null from some clients; the bot treats null as absent.
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();
const account = z.looseObject({ id: optional(z.string().max(512)), name: optional(z.string().max(512)) });

const schema = z.looseObject({
  type: z.string().min(1).max(64),
  id: optional(z.string().max(512)),
  channelId: z.string().regex(CHANNEL_ID),
  conversation: z.looseObject({ id: z.string().min(1).max(1024), conversationType: optional(z.string().max(64)) }),
  serviceUrl: optional(z.string().max(2048)),
  deliveryMode: optional(z.string().max(32)),
  locale: optional(z.string().max(64)),
  text: optional(z.string().max(MAX_TEXT_CHARS)),
  name: optional(z.string().max(256)),
  value: z.unknown().optional(),
  from: optional(account),
  recipient: optional(account),
  membersAdded: optional(z.array(account).max(256)),
  channelData: optional(z.looseObject({ clientActivityID: optional(z.string().max(512)) })),
}, { error: 'expected a JSON activity' });

export type InboundActivity = z.infer<typeof schema> & Partial<Activity>;

/** The activity, or a short reason to refuse it (400) and the details for the log. */
export function parseActivity(body: unknown): { activity: InboundActivity } | { error: string; issues: z.core.$ZodIssue[] } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { activity: parsed.data as InboundActivity };
  const first = parsed.error.issues[0];
  const error = first.path.length ? `invalid activity: ${first.path.join('.').slice(0, 40)}` : first.message;
  return { error, issues: parsed.error.issues };
}

/** The engine's conversation id of a Bot Framework conversation. */
export function conversationIdOf(activity: Pick<Activity, 'channelId' | 'conversation'>): string {
  return `bf:${activity.channelId}:${activity.conversation.id}`;
}
