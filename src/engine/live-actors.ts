/**
 * The live actors of the conversations last active on this instance (#15): a conversation's next
 * turn here goes on with the actor its last turn left, instead of restoring the machine from the
 * stored snapshot. Each is kept with the tag of the commit that stored its snapshot, and the
 * session store reads the envelope only when that write is no longer the stored one (another
 * instance's turn, an expiry, a lost commit): the turn then restores from it, as without a live
 * actor, so a live actor never hides a turn taken elsewhere. A turn takes its conversation's actor
 * out while it runs, so that no two turns share one, and gives it back after its commit.
 * Bounded: past `max` conversations, the least recently used is stopped and dropped.
 * @module
 */
import { randomBytes } from 'node:crypto';

/** Where a kept actor's emitted outputs go: the current turn's list. */
export interface OutputSink<O> {
  outputs: O[];
}

export interface LiveActor<A extends { stop(): unknown }, O> {
  actor: A;
  sink: OutputSink<O>;
  /** The tag of the commit that stored the actor's snapshot (SessionStore's `held`). */
  tag: string;
  /** That snapshot was a conversation only opened (Envelope.unused). */
  unused: boolean;
}

export class LiveActors<A extends { stop(): unknown }, O> {
  private readonly byConversation = new Map<string, LiveActor<A, O>>();
  /** Unique to this process (and restart): tags of other instances and earlier runs never match. */
  private readonly instance = randomBytes(9).toString('base64url');
  private seq = 0;

  constructor(readonly max: number) {}

  get size(): number {
    return this.byConversation.size;
  }

  /** A tag for the next commit of a snapshot. */
  nextTag(): string {
    return `${this.instance}.${(++this.seq).toString(36)}`;
  }

  /** The conversation's live actor, taken out (the caller gives it back with `keep`, or stops it). */
  take(conversationId: string): LiveActor<A, O> | undefined {
    const live = this.byConversation.get(conversationId);
    if (live) this.byConversation.delete(conversationId);
    return live;
  }

  /** Keeps the actor as the conversation's most recent; one kept before is stopped, and the oldest beyond `max`. */
  keep(conversationId: string, live: LiveActor<A, O>): void {
    const before = this.byConversation.get(conversationId);
    if (before) {
      this.byConversation.delete(conversationId);
      if (before.actor !== live.actor) before.actor.stop();
    }
    this.byConversation.set(conversationId, live);
    // Maps iterate in insertion order: the first is the least recently kept.
    while (this.byConversation.size > this.max) {
      const [oldest, evicted] = this.byConversation.entries().next().value as [string, LiveActor<A, O>];
      this.byConversation.delete(oldest);
      evicted.actor.stop();
    }
  }

  /** Stops and drops them all (shutdown). */
  clear(): void {
    for (const live of this.byConversation.values()) live.actor.stop();
    this.byConversation.clear();
  }
}
