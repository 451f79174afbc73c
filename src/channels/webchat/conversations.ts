/**
 * The web chat's conversations: an unguessable id and a secret token per conversation, kept in
 * this process's memory (sticky sessions behind a load balancer, see docs/webchat.md). Only a
 * hash of the token is stored; it is compared in constant time.
 * @module
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface WebChatConversation {
  id: string;
  /** The engine's conversation id (`webchat:<id>`), like the Bot Framework channel's `<channel>:<id>`. */
  engineId: string;
  locale?: string;
  lastSeen: number;
  /** Numbers the activities of the conversation, and keeps their timestamps strictly increasing (Web Chat orders by them). */
  seq: number;
  lastTimestamp: number;
  /** Answers of recent posts by clientActivityID: a re-post gets the same answer, not a second turn. */
  answers: Map<string, Promise<unknown>>;
}

export interface ConversationLimits {
  /** A conversation unused this long is forgotten, ms. */
  idleMs: number;
  /** At most this many live conversations; the least recently used goes first. */
  max: number;
  /** Answers remembered per conversation for de-duplication. */
  answers: number;
}

export const DEFAULT_LIMITS: ConversationLimits = { idleMs: 24 * 3600_000, max: 10_000, answers: 50 };

const hash = (token: string) => createHash('sha256').update(token).digest();

export class WebChatConversations {
  private readonly byId = new Map<string, { conversation: WebChatConversation; tokenHash: Buffer }>();

  constructor(private readonly limits: ConversationLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  create(locale?: string): { conversation: WebChatConversation; token: string } {
    this.evict();
    const id = randomBytes(18).toString('base64url');
    const token = randomBytes(32).toString('base64url');
    const conversation: WebChatConversation = { id, engineId: `webchat:${id}`, lastSeen: this.now(), seq: 0, lastTimestamp: 0, answers: new Map(), ...(locale ? { locale } : {}) };
    this.byId.set(id, { conversation, tokenHash: hash(token) });
    return { conversation, token };
  }

  /** The conversation when `authorization` is `Bearer <its token>`; otherwise undefined. */
  authorize(id: string, authorization: string | undefined): WebChatConversation | undefined {
    const entry = this.byId.get(id);
    const presented = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!entry || !presented) return undefined;
    if (this.now() - entry.conversation.lastSeen > this.limits.idleMs) {
      this.byId.delete(id);
      return undefined;
    }
    if (!timingSafeEqual(hash(presented), entry.tokenHash)) return undefined;
    entry.conversation.lastSeen = this.now();
    // Map order is the eviction order: move the conversation to the end.
    this.byId.delete(id);
    this.byId.set(id, entry);
    return entry.conversation;
  }

  /** A live conversation, by its id or its engine id (`webchat:<id>`), without a token: for the bot's own pushes. */
  get(id: string): WebChatConversation | undefined {
    return this.byId.get(id.startsWith('webchat:') ? id.slice('webchat:'.length) : id)?.conversation;
  }

  /** Remembers the answer to a post, forgetting the oldest beyond the limit. */
  remember(conversation: WebChatConversation, clientActivityId: string, answer: Promise<unknown>): void {
    conversation.answers.set(clientActivityId, answer);
    while (conversation.answers.size > this.limits.answers) conversation.answers.delete(conversation.answers.keys().next().value!);
  }

  private evict(): void {
    const now = this.now();
    for (const [id, { conversation }] of this.byId) {
      if (this.byId.size < this.limits.max && now - conversation.lastSeen <= this.limits.idleMs) break;
      this.byId.delete(id);
    }
  }
}
