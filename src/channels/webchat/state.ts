/**
 * Where the web chat keeps what must outlive one request: its conversations (token hashes, the
 * bounded table), the numbering of their activities, the backlog of pushed activities that a
 * stream (re)connecting with `Last-Event-ID` catches up from, the live events for the open streams,
 * and the answers to posts for a re-post. In this process's memory by default (one instance);
 * in Redis with REDIS_URL (state-redis.ts), so that any instance serves any conversation without
 * sticky routing and a restarted instance logs nobody out.
 * @module
 */
import type { Activity } from 'botbuilder';
import {
  DEFAULT_LIMITS, WebChatConversations, type ConversationLimits, type Opening, type Stamp, type WebChatConversation,
} from './conversations';

/** One pushed activity as its stream frame carries it: `seq` is its SSE id (the conversation's activity number). */
export interface StreamEvent {
  seq: number;
  /** The stamped activity, JSON. */
  data: string;
}

/** What the open streams of every instance hear: an activity pushed, or a conversation forgotten (its streams end). */
export type StateEvent =
  | { kind: 'activity'; conversationId: string; event: StreamEvent }
  | { kind: 'forget'; conversationId: string };

export interface WebChatStateOptions {
  conversations: ConversationLimits;
  /** Pushed activities kept per conversation for late or reconnecting streams. */
  backlog: number;
  /** The app's clock (tests move it): conversations expire by it. */
  now: () => number;
}

export interface WebChatState {
  /** Whether other instances share this state (Redis): an answer may then come from one of them. */
  readonly shared: boolean;
  /** A new conversation and its token, or — the table is full — how long until a place may free up. Evicts nobody. */
  create(locale?: string): Promise<Opening>;
  /** The conversation when `authorization` is `Bearer <its token>` (it counts as seen); otherwise undefined. */
  authorize(id: string, authorization: string | undefined): Promise<WebChatConversation | undefined>;
  /** A live conversation by its id or engine id (`webchat:<id>`), without a token: for the bot's own pushes. */
  get(id: string): Promise<WebChatConversation | undefined>;
  /** The customer posted a message: from now on only the idle window applies. */
  markUsed(conversation: WebChatConversation): Promise<void>;
  /** The next `count` stamps of the conversation's activities. */
  stamps(conversation: WebChatConversation, count: number): Promise<Stamp[]>;
  /** Stamps the activity, keeps it in the backlog and hands it to every instance's streams; undefined when the conversation is gone. */
  push(conversation: WebChatConversation, activity: Partial<Activity>): Promise<StreamEvent | undefined>;
  /** The backlog after `after` (an SSE id; -1 for all), oldest first. */
  backlog(conversationId: string, after: number): Promise<StreamEvent[]>;
  /** Hears every StateEvent of every instance (this one's included). */
  subscribe(listener: (event: StateEvent) => void): () => void;
  /** The answer kept for a post by its clientActivityID, from any instance; undefined when none. */
  answer(conversation: WebChatConversation, clientActivityId: string): Promise<unknown>;
  keepAnswer(conversation: WebChatConversation, clientActivityId: string, answer: unknown): Promise<void>;
  /** Forgets the expired conversations (their streams end). */
  sweep(): Promise<void>;
  /** Live conversations in the table. */
  size(): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_STATE_OPTIONS: WebChatStateOptions = { conversations: DEFAULT_LIMITS, backlog: 50, now: Date.now };

/** The id and timestamp an activity carries, from its stamp. */
export function stampFields(conversationId: string, stamp: Stamp): { id: string; timestamp: Date } {
  return { id: `${conversationId}|${String(stamp.seq).padStart(6, '0')}`, timestamp: new Date(stamp.timestamp) };
}

/** The stream event of an activity (JSON without its stamp) and its stamp. */
export function streamEvent(conversationId: string, stamp: Stamp, activityJson: string): StreamEvent {
  return { seq: stamp.seq, data: JSON.stringify({ ...(JSON.parse(activityJson) as object), ...stampFields(conversationId, stamp) }) };
}

/** In this process's memory: one instance. Answers to re-posts are kept by the channel itself here. */
export function createMemoryWebChatState(options: WebChatStateOptions = DEFAULT_STATE_OPTIONS): WebChatState {
  const table = new WebChatConversations(options.conversations, options.now);
  const backlogs = new Map<string, StreamEvent[]>();
  const listeners = new Set<(event: StateEvent) => void>();
  const tell = (event: StateEvent) => {
    for (const l of listeners) l(event);
  };
  table.onForget((conversationId) => {
    backlogs.delete(conversationId);
    tell({ kind: 'forget', conversationId });
  });
  return {
    shared: false,
    create: async (locale) => table.create(locale),
    authorize: async (id, authorization) => table.authorize(id, authorization),
    get: async (id) => table.get(id),
    markUsed: async (c) => table.markUsed(c),
    stamps: async (c, count) => table.stamps(c.id, count, Date.now()),
    async push(c, activity) {
      if (!table.get(c.id)) return undefined;
      const [stamp] = table.stamps(c.id, 1, Date.now());
      const event = streamEvent(c.id, stamp, JSON.stringify(activity));
      const backlog = backlogs.get(c.id) ?? [];
      backlogs.set(c.id, backlog);
      backlog.push(event);
      if (backlog.length > options.backlog) backlog.shift();
      tell({ kind: 'activity', conversationId: c.id, event });
      return event;
    },
    backlog: async (id, after) => (backlogs.get(id) ?? []).filter((e) => e.seq > after),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    answer: async () => undefined,
    keepAnswer: async () => undefined,
    sweep: async () => table.sweep(),
    size: async () => table.size,
    close: async () => listeners.clear(),
  };
}
