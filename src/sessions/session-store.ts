/**
 * The `SessionStore` port: each conversation's persisted statechart snapshot (in a versioned
 * envelope), written by compare-and-set, its transcript, and the ids of messages already handled.
 * @module
 */

/** What is stored per conversation: the machine, its version, and `actor.getPersistedSnapshot()`. */
export interface Envelope {
  machine: string;
  version: number;
  snapshot: unknown;
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

export interface SessionStore {
  load(conversationId: string): Promise<StoredSession | undefined>;
  /** Compare-and-set: `expected` is the revision read (0 when there was none). False on conflict. */
  save(conversationId: string, envelope: Envelope, expected: number): Promise<boolean>;
  appendTranscript(conversationId: string, entries: TranscriptEntry[]): Promise<void>;
  transcript(conversationId: string): Promise<TranscriptEntry[]>;
  /** Records a channel message id; false when it was already recorded (a channel's retry). */
  firstDelivery(conversationId: string, messageId: string): Promise<boolean>;
  /**
   * Runs `task` holding the conversation's turn lock: one turn at a time per conversation across
   * every instance sharing the store, in arrival order. A lock whose holder died lapses by itself;
   * `fence` increases with every acquisition, so a late writer can be told from the current one.
   */
  withTurnLock<T>(conversationId: string, task: (fence: number) => Promise<T>): Promise<T>;
  /** Resolves when the store answers; rejects when it is unreachable (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
