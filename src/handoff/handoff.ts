/**
 * A conversation handed over to a person: who holds it, what the bot learned, how to reach the
 * customer later, and the messages exchanged. Plain JSON: it lives in the shared store.
 * @module
 */
import type { HandoffSummary } from '../../dialogs/handoff-summary';
import type { Lang } from '../../dialogs/model';
import type { HandoffReason } from '../../dialogs/output';

export type HandoffStatus = 'waiting' | 'active' | 'closed';
export type HandoffChannel = 'webchat' | 'whatsapp' | 'botframework' | 'other';

/**
 * What a channel needs to reach the customer after their turn: the web chat its conversation id,
 * WhatsApp the phone / user id, Bot Framework (Teams) the conversation reference.
 */
export type ConversationRef =
  | { channel: 'webchat'; conversationId: string }
  | { channel: 'whatsapp'; address: { phone?: string; userId?: string } }
  | { channel: 'botframework'; channelId: string; reference: Record<string, unknown> }
  | { channel: 'other' };

/** Who holds an active handoff: an advisor of the console, or a dealer's contact centre. */
export type Holder = { kind: 'advisor'; id: string; name: string } | { kind: 'external'; name: string };

/** How a handoff ended. */
export type Outcome = 'handedBack' | 'closed' | 'failed' | 'completed';

export interface Handoff {
  conversationId: string;
  status: HandoffStatus;
  siteId: string;
  channel: HandoffChannel;
  lang: Lang;
  reason: HandoffReason;
  /** When it was handed over (ISO): the queue's order. */
  since: string;
  updatedAt: string;
  advisor?: Holder;
  summary: HandoffSummary;
  conversationRef: ConversationRef;
  /** Outside opening hours: when an advisor is back, and the number the customer left. */
  callback?: { backAt?: string; phone?: string };
  /** The one "an advisor will reply shortly" answer was given (the rest is silence). */
  waitingNoticeSent?: boolean;
  outcome?: Outcome;
}

export interface HandoffMessage {
  at: string;
  from: 'customer' | 'bot' | 'advisor' | 'system';
  text: string;
  /** The advisor's name, on their messages. */
  name?: string;
}

/** What other instances (and the console's live streams) hear about. */
export type HandoffEvent =
  | { type: 'changed'; siteId: string; conversationId: string; status: HandoffStatus }
  | { type: 'message'; siteId: string; conversationId: string; message: HandoffMessage }
  /** A web chat delivery for whichever instance holds the customer's stream. */
  | { type: 'relay'; conversationId: string; activities: Record<string, unknown>[] };
