/**
 * The `SessionStore` port: each conversation's persisted statechart snapshot (in a versioned
 * envelope), written by compare-and-set at the end of a turn, its transcript, and the ids of
 * messages already handled; and the turn lock that makes a conversation's turns run one at a time.
 * @module
 */

/** What is stored per conversation: the machine, its version, and `actor.getPersistedSnapshot()`. */
export interface Envelope {
  machine: string;
  version: number;
  snapshot: unknown;
  /** Only opened (the welcome), never a customer message: kept minutes, not the session TTL. */
  unused?: true;
}

export interface StoredSession {
  envelope: Envelope;
  /** Increases with every write; `save` succeeds only against the revision it read. */
  revision: number;
}

export interface TranscriptEntry {
  at: string;
  from: 'customer' | 'bot' | 'advisor';
  text: string;
}

/** A conversation's turn in progress, holding its turn lock (`SessionStore.turn`). */
export interface OpenTurn {
  /** Increases with every acquisition of the conversation: a late writer can be told from the current one. */
  fence: number;
  /** The message was already handled (a channel's retry): the turn must do nothing. */
  duplicate: boolean;
  /**
   * The conversation as it was when the turn began; undefined for a new one (and not read for a
   * duplicate), and when it is still the write the caller holds (`unchanged`).
   */
  stored?: StoredSession;
  /**
   * The stored snapshot is still the write `turn`'s `held` tag names (the caller keeps it live):
   * its revision, the envelope not read. Another instance's write, a restart of the store's data
   * or an expiry all change the tag, and the envelope is read as usual.
   */
  unchanged?: { revision: number };
  /**
   * With `duplicate`: the reply the first delivery committed (`commit`'s `reply`), while it is
   * kept (the store's reply TTL, minutes): a client that retried after a timeout gets it again.
   */
  reply?: string;
  /**
   * Ends the turn in one step: the snapshot by compare-and-set against `stored` (without one,
   * the stored snapshot is kept), the message marked handled, the transcript entries appended;
   * and, with `release`, the next turn let in. False when the conversation was taken over or
   * changed meanwhile: then nothing is written and the message counts as not handled. A duplicate
   * turn has nothing to commit (it throws). `ttlSeconds` replaces the store's TTL for this write
   * (a conversation only opened is kept minutes). `reply` (the turn's answer, as text) is kept
   * with the message id for the store's reply TTL, for a duplicate delivery of the same message.
   * `tag` (with `envelope`) names this write, for a later turn's `held`: unique to the write
   * (an instance id and a counter); a snapshot written without one has none.
   */
  commit(end: { envelope?: Envelope; tag?: string; transcript: TranscriptEntry[]; release?: boolean; ttlSeconds?: number; reply?: string }): Promise<boolean>;
}

/** A limit on a conversation's turns: at most `points` in a window of `windowSeconds` (a fixed window from the first). */
export interface TurnLimit {
  points: number;
  windowSeconds: number;
}

/** The turn was over its conversation's `TurnLimit`: it did not run (no lock taken, nothing read). */
export class TurnLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`over the conversation's turn limit; retry after ${retryAfterSeconds} s`);
    this.name = 'TurnLimitedError';
  }
}

export interface TurnOptions {
  /**
   * #15: counts this turn against the conversation's limit before anything else (in the same round
   * trip as the lock, for a remote store); over it, `turn` rejects with `TurnLimitedError`.
   */
  limit?: TurnLimit;
  /**
   * The tag of the write whose snapshot the caller still holds, live (src/engine/live-actors.ts):
   * while it is the stored one, the turn gets `unchanged` instead of reading the envelope again.
   */
  held?: string;
}

export interface SessionStore {
  /**
   * Runs one turn holding the conversation's turn lock: one turn at a time per conversation across
   * every instance sharing the store, in arrival order. A lock whose holder died lapses by itself,
   * and a stuck turn loses it after the store's longest turn. The task gets the stored session and
   * whether the message (`messageId`, the channel's id) was handled before, read together with
   * taking the lock, and ends the turn with `commit`. Until committed, the message counts as not
   * handled, so a channel's retry of a turn that failed or died is handled. The lock is released
   * when the task ends, if `commit` has not released it already.
   */
  turn<T>(conversationId: string, messageId: string | undefined, task: (turn: OpenTurn) => Promise<T>, options?: TurnOptions): Promise<T>;
  /** The conversation as stored (a read outside any turn: tools, tests, operations). */
  load(conversationId: string): Promise<StoredSession | undefined>;
  appendTranscript(conversationId: string, entries: TranscriptEntry[]): Promise<void>;
  transcript(conversationId: string): Promise<TranscriptEntry[]>;
  /** Resolves when the store answers; rejects when it is unreachable (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
