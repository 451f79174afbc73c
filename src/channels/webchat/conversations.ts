/**
 * The web chat's conversations: an unguessable id and a secret token per conversation, kept in
 * this process's memory (sticky sessions behind a load balancer, see docs/webchat.md). Only a
 * hash of the token is stored; it is compared in constant time.
 *
 * The table is bounded without evicting anyone: when it is full a newcomer is refused, after the
 * expired conversations have been dropped — idle past `idleMs`, or opened and never used (no
 * message posted) past `unusedMs`, so that a script opening conversations cannot push out the
 * customers who are chatting.
 * @module
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface WebChatConversation {
  id: string;
  /** The engine's conversation id (`webchat:<id>`); Bot Framework ones are `bf:<channelId>:<id>`, so no caller can name it there. */
  engineId: string;
  locale?: string;
  openedAt: number;
  lastSeen: number;
  /** Whether the customer has posted a message; until then the conversation expires after `unusedMs`. */
  used: boolean;
  /** Numbers the activities of the conversation, and keeps their timestamps strictly increasing (Web Chat orders by them). */
  seq: number;
  lastTimestamp: number;
  /** Answers of recent posts by clientActivityID: a re-post gets the same answer, not a second turn. */
  answers: Map<string, Promise<unknown>>;
}

export interface ConversationLimits {
  /** A conversation unused this long is forgotten, ms. */
  idleMs: number;
  /** A conversation opened but never used (only the welcome) is forgotten after this long, ms. */
  unusedMs: number;
  /** At most this many live conversations; when full, newcomers are refused. */
  max: number;
  /** Answers remembered per conversation for de-duplication. */
  answers: number;
}

export const DEFAULT_LIMITS: ConversationLimits = { idleMs: 24 * 3600_000, unusedMs: 900_000, max: 10_000, answers: 50 };

/** A new conversation, or — the table is full — how long until a place may free up. */
export type Opening = { conversation: WebChatConversation; token: string } | { retryAfterSeconds: number };

const hash = (token: string) => createHash('sha256').update(token).digest();

export class WebChatConversations {
  private readonly byId = new Map<string, { conversation: WebChatConversation; tokenHash: Buffer }>();
  /** No conversation expires before this (expiry only moves later): a full table is not scanned again until then. */
  private nextExpiry = Infinity;
  private readonly listeners: ((id: string) => void)[] = [];

  constructor(private readonly limits: ConversationLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  create(locale?: string): Opening {
    if (this.byId.size >= this.limits.max) this.sweep();
    if (this.byId.size >= this.limits.max) {
      const wait = Math.min(this.nextExpiry - this.now(), this.limits.unusedMs);
      return { retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    }
    const id = randomBytes(18).toString('base64url');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const conversation: WebChatConversation = {
      id, engineId: `webchat:${id}`, openedAt: now, lastSeen: now, used: false, seq: 0, lastTimestamp: 0, answers: new Map(),
      ...(locale ? { locale } : {}),
    };
    this.byId.set(id, { conversation, tokenHash: hash(token) });
    this.nextExpiry = Math.min(this.nextExpiry, this.expiresAt(conversation));
    return { conversation, token };
  }

  /** The conversation when `authorization` is `Bearer <its token>`; otherwise undefined. */
  authorize(id: string, authorization: string | undefined): WebChatConversation | undefined {
    const entry = this.byId.get(id);
    const presented = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!entry || !presented || this.expired(entry.conversation)) return undefined;
    if (!timingSafeEqual(hash(presented), entry.tokenHash)) return undefined;
    entry.conversation.lastSeen = this.now();
    return entry.conversation;
  }

  /** The customer posted a message: from now on only the idle window applies. */
  markUsed(conversation: WebChatConversation): void {
    conversation.used = true;
  }

  /** A live conversation, by its id or its engine id (`webchat:<id>`), without a token: for the bot's own pushes. */
  get(id: string): WebChatConversation | undefined {
    const conversation = this.byId.get(id.startsWith('webchat:') ? id.slice('webchat:'.length) : id)?.conversation;
    return conversation && !this.expired(conversation) ? conversation : undefined;
  }

  /** Calls `listener(id)` for each conversation forgotten from now on (its streams end). */
  onForget(listener: (id: string) => void): void {
    this.listeners.push(listener);
  }

  /** Remembers the answer to a post, forgetting the oldest beyond the limit. */
  remember(conversation: WebChatConversation, clientActivityId: string, answer: Promise<unknown>): void {
    conversation.answers.set(clientActivityId, answer);
    while (conversation.answers.size > this.limits.answers) conversation.answers.delete(conversation.answers.keys().next().value!);
  }

  /** Forgets the expired conversations; cheap until the earliest expiry is due. */
  sweep(): void {
    const now = this.now();
    if (now <= this.nextExpiry) return;
    let next = Infinity;
    for (const [id, { conversation }] of this.byId) {
      const at = this.expiresAt(conversation);
      if (now > at) this.forget(id);
      else next = Math.min(next, at);
    }
    this.nextExpiry = next;
  }

  get size(): number {
    return this.byId.size;
  }

  private expiresAt(c: WebChatConversation): number {
    const idle = c.lastSeen + this.limits.idleMs;
    return c.used ? idle : Math.min(idle, c.openedAt + this.limits.unusedMs);
  }

  /** Expired conversations are forgotten when met, not only by `sweep()`. */
  private expired(c: WebChatConversation): boolean {
    if (this.now() <= this.expiresAt(c)) return false;
    this.forget(c.id);
    return true;
  }

  private forget(id: string): void {
    if (!this.byId.delete(id)) return;
    for (const listener of this.listeners) listener(id);
  }
}
