/**
 * Where a turn's statechart comes from: the live actor the conversation's last turn left on this
 * instance (live-actors.ts), while the store still holds that very write; else the stored
 * snapshot, restored; else a new conversation. Its emitted outputs go to the turn's list.
 * @module
 */
import { createActor, type Actor } from 'xstate';
import { MACHINE_ID, MACHINE_VERSION } from '../../dialogs/booking-machine';
import type { Lang, ServiceCategory } from '../../dialogs/model';
import type { Output } from '../../dialogs/output';
import type { MachineSource } from '../observe/observer';
import type { Envelope, OpenTurn } from '../sessions/session-store';
import type { ProvidedBookingMachine } from './actors';
import type { LiveActor, OutputSink } from './live-actors';
import type { SnapshotCodec } from './snapshot-codec';

export type BookingActor = Actor<ProvidedBookingMachine>;
export type LiveBookingActor = LiveActor<BookingActor, Output>;

export interface TurnActor {
  actor: BookingActor;
  sink: OutputSink<Output>;
  source: MachineSource;
  /** Started and settled already (a live actor): only the turn's event is left to send. */
  running: boolean;
  /** The stored snapshot no longer fits the machine: started over, with an apology. */
  reset: boolean;
  /** The snapshot it comes from was a conversation only opened (Envelope.unused). */
  unused: boolean;
}

export interface ActorSource {
  machine: ProvidedBookingMachine;
  catalogue: ServiceCategory[];
  /** What the stored snapshots leave to the dealer file (snapshot-codec.ts); none: stored whole. */
  snapshots?: SnapshotCodec;
}

export function turnActor(from: ActorSource, conversationId: string, turn: OpenTurn, live: LiveBookingActor | undefined, now: string, lang: Lang): TurnActor {
  if (turn.unchanged && live) return { actor: live.actor, sink: live.sink, source: 'live', running: true, reset: false, unused: live.unused };
  const envelope = turn.stored?.envelope;
  return { ...restore(from, conversationId, envelope, now, lang), source: envelope ? 'snapshot' : 'new', running: false, unused: envelope?.unused === true };
}

/** A stored snapshot of this machine and version, or a fresh conversation. */
function restore(from: ActorSource, conversationId: string, envelope: Envelope | undefined, now: string, lang: Lang) {
  const input = { conversationId, lang, now, catalogue: from.catalogue };
  const sink: OutputSink<Output> = { outputs: [] };
  const fresh = () => createActor(from.machine, { input });
  const collect = (actor: BookingActor, reset: boolean) => {
    actor.on('*', (e) => sink.outputs.push(e as Output));
    return { actor, sink, reset };
  };
  if (!envelope) return collect(fresh(), false);
  const snapshot = from.snapshots ? from.snapshots.fill(envelope.snapshot, conversationId) : envelope.snapshot;
  const fits = envelope.machine === MACHINE_ID && envelope.version === MACHINE_VERSION && snapshot !== undefined;
  if (fits) {
    const actor = createActor(from.machine, { snapshot: snapshot as never, input });
    const status = actor.getSnapshot().status;
    // A finished conversation (cancelled) starts over; a broken snapshot is reset, not fatal.
    if (status === 'active') return collect(actor, false);
    if (status === 'done') return collect(fresh(), false);
  }
  return collect(fresh(), true);
}
