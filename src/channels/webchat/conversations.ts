/**
 * The web chat's conversations: an unguessable id and a secret token per conversation, kept in
 * this process's memory — the single-instance default; with REDIS_URL the same rules hold in
 * Redis for every instance (state-redis.ts). Only a hash of the token is stored; it is compared
 * in constant time.
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
}

/** An activity's id and timestamp: numbered per conversation, timestamps strictly increasing (Web Chat orders by them). */
export interface Stamp {
  seq: number;
  /** ms */
  timestamp: number;
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

export const hashToken = (token: string) => createHash('sha256').update(token).digest();
const hash = hashToken;

/** A new conversation's id and token: unguessable, URL-safe. */
export function newIdentity(): { id: string; token: string } {
  return { id: randomBytes(18).toString('base64url'), token: randomBytes(32).toString('base64url') };
}

/** When a conversation is forgotten: idle past `idleMs`, or never used past `unusedMs`. */
export function expiresAt(c: Pick<WebChatConversation, 'lastSeen' | 'used' | 'openedAt'>, limits: ConversationLimits): number {
  const idle = c.lastSeen + limits.idleMs;
  return c.used ? idle : Math.min(idle, c.openedAt + limits.unusedMs);
}

/** The token presented as `Bearer <token>`, if any. */
export const presentedToken = (authorization: string | undefined) => /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];

/** `count` stamps after the last ones (`seq`, `timestamp`): consecutive numbers, each timestamp past the one before and not before `now`. */
export function nextStamps(last: Stamp, count: number, now: number): Stamp[] {
  const first = Math.max(now, last.timestamp + 1);
  return Array.from({ length: count }, (_, i) => ({ seq: last.seq + 1 + i, timestamp: first + i }));
}

export class WebChatConversations {
  private readonly byId = new Map<string, { conversation: WebChatConversation; tokenHash: Buffer; last: Stamp }>();
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
    const { id, token } = newIdentity();
    const now = this.now();
    const conversation: WebChatConversation = {
      id, engineId: `webchat:${id}`, openedAt: now, lastSeen: now, used: false,
      ...(locale ? { locale } : {}),
    };
    this.byId.set(id, { conversation, tokenHash: hash(token), last: { seq: 0, timestamp: 0 } });
    this.nextExpiry = Math.min(this.nextExpiry, this.expiresAt(conversation));
    return { conversation, token };
  }

  /** The conversation when `authorization` is `Bearer <its token>`; otherwise undefined. */
  authorize(id: string, authorization: string | undefined): WebChatConversation | undefined {
    const entry = this.byId.get(id);
    const presented = presentedToken(authorization);
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

  /** The next `count` stamps of a conversation (`wallClock`: the activities' timestamps are real time). */
  stamps(id: string, count: number, wallClock: number): Stamp[] {
    const entry = this.byId.get(id);
    const stamps = nextStamps(entry?.last ?? { seq: 0, timestamp: 0 }, count, wallClock);
    if (entry && stamps.length) entry.last = stamps.at(-1)!;
    return stamps;
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
    return expiresAt(c, this.limits);
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
