/**
 * Meta's webhook body → what the bot acts on: customer messages (text, a tapped button or list
 * row, a template quick reply, or something we cannot read), notices that are no message to
 * answer (a reaction, a system notice such as a changed number) and delivery statuses.
 * Unknown fields are ignored, unknown shapes skipped: Meta adds fields without notice.
 * @module
 */
import { z } from 'zod';
import { isDeliveryStatus, type DeliveryStatus } from './statuses';

const message = z.object({
  from: z.string().optional(),
  id: z.string().min(1),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string().optional() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  // Only its type is kept: the body names the customer and their numbers.
  system: z.object({ type: z.string().optional() }).optional(),
});

const status = z.object({
  id: z.string(),
  status: z.string(),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional() })).optional(),
});

const value = z.object({
  messaging_product: z.string().optional(),
  metadata: z.object({ phone_number_id: z.string() }),
  contacts: z.array(z.object({ wa_id: z.string().optional(), user_id: z.string().optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const body = z.object({
  object: z.string(),
  entry: z.array(z.object({ changes: z.array(z.object({ field: z.string().optional(), value: z.unknown() })) })),
});

export interface Inbound {
  kind: 'message';
  /** The wamid: the key that makes Meta's retries harmless. */
  id: string;
  /** `whatsapp:<user_id>` (business-scoped, since 2026), else `whatsapp:<phone>`. */
  conversationId: string;
  /** How to reach the customer: the phone when known (Meta's advice), else the user id. */
  address: WaAddress;
  at?: Date;
  /** The text, or the postback token of a tapped button/row/template reply. */
  text?: string;
  /** Set when the message is of a type the bot cannot read (image, audio, location…). */
  unsupported?: string;
}

export interface WaAddress {
  phone?: string;
  userId?: string;
}

/** The conversation of a customer: by business-scoped user id when known (it survives a number change). */
export function conversationIdOf(address: WaAddress): string {
  return `whatsapp:${address.userId ?? address.phone}`;
}

export interface StatusUpdate {
  kind: 'status';
  id: string;
  status: DeliveryStatus;
  at?: Date;
  recipient?: string;
  errors?: { code?: number; title?: string }[];
}

/** Neither answered nor shown to the dialogue: logged, and the conversation left as it was. */
export interface Notice {
  kind: 'notice';
  id: string;
  conversationId: string;
  /** `reaction`: an emoji put on (or taken off) one of our messages; `system`: e.g. a changed number. */
  type: 'reaction' | 'system';
  /** A system notice's own type, e.g. `user_changed_number`. */
  subtype?: string;
}

/** Message types that are no message to answer. */
const NOTICES = new Set<string>(['reaction', 'system']);

export type WebhookEvent = Inbound | StatusUpdate | Notice;

/** `undefined` when the body is not a WhatsApp Business webhook at all (→ 400). */
export function parseWebhook(json: unknown, phoneNumberId: string): WebhookEvent[] | undefined {
  const parsed = body.safeParse(json);
  if (!parsed.success || parsed.data.object !== 'whatsapp_business_account') return undefined;
  const events: WebhookEvent[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== undefined && change.field !== 'messages') continue;
      const v = value.safeParse(change.value);
      // Another number of the same app is none of this bot's business.
      if (!v.success || v.data.metadata.phone_number_id !== phoneNumberId) continue;
      for (const raw of v.data.messages ?? []) {
        const m = message.safeParse(raw);
        if (m.success) {
          const event = toInbound(m.data, v.data.contacts ?? []);
          if (event) events.push(event);
        }
      }
      for (const raw of v.data.statuses ?? []) {
        const s = status.safeParse(raw);
        if (s.success && isDeliveryStatus(s.data.status)) {
          events.push({
            kind: 'status', id: s.data.id, status: s.data.status, at: dateOf(s.data.timestamp),
            ...(s.data.recipient_id ? { recipient: s.data.recipient_id } : {}),
            ...(s.data.errors ? { errors: s.data.errors } : {}),
          });
        }
      }
    }
  }
  return events;
}

type Message = z.infer<typeof message>;

function toInbound(m: Message, contacts: { wa_id?: string; user_id?: string }[]): Inbound | Notice | undefined {
  // One contact per message in practice; with several, the one whose number sent it.
  const contact = contacts.find((c) => c.wa_id !== undefined && c.wa_id === m.from) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const phone = m.from ?? contact?.wa_id;
  const userId = contact?.user_id;
  if (!phone && !userId) return undefined;
  const base = {
    kind: 'message' as const,
    id: m.id,
    conversationId: conversationIdOf({ phone, userId }),
    address: { ...(phone ? { phone } : {}), ...(userId ? { userId } : {}) },
    at: dateOf(m.timestamp),
  };
  if (NOTICES.has(m.type)) {
    const type = m.type as Notice['type'];
    return { kind: 'notice', id: m.id, conversationId: base.conversationId, type, ...(m.system?.type ? { subtype: m.system.type } : {}) };
  }
  const text = textOf(m);
  if (text !== undefined) return { ...base, text };
  // A Flow's answer (nfm_reply) or any reply we did not ask for: said by subtype in the log.
  return { ...base, unsupported: m.type === 'interactive' ? `interactive:${m.interactive?.type ?? '?'}` : m.type };
}

function textOf(m: Message): string | undefined {
  if (m.type === 'text') return m.text?.body;
  // Our button and row ids are the postback tokens the engine understands; other subtypes are unread.
  if (m.type === 'interactive' && m.interactive?.type === 'button_reply') return m.interactive.button_reply?.id;
  if (m.type === 'interactive' && m.interactive?.type === 'list_reply') return m.interactive.list_reply?.id;
  if (m.type === 'button') return m.button?.payload ?? m.button?.text;
  return undefined;
}

function dateOf(timestamp: string | undefined): Date | undefined {
  const seconds = Number(timestamp);
  return timestamp && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
}
