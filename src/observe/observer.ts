/**
 * What the operator sees of the bot (issue #14, docs/operations.md "Metrics"): Prometheus metrics
 * through prom-client on a registry of the app's own, and one log line per port failure (pino:
 * the port, the conversation id and the error; never the customer's words).
 *
 * Per turn the cost is a counter increment and one histogram observation: every label set a turn
 * can use is bound once here, so a turn allocates no label objects of its own.
 * @module
 */
import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { SOLUTIONS } from '../../dialogs/model';

/** The ports a turn depends on; a failure of any is counted and logged once. */
export const PORTS = ['planning', 'entitlements', 'places', 'handoffs', 'sessions', 'reminders'] as const;
export type PortName = (typeof PORTS)[number];

/** Where a turn came from, read off the conversation id (a fixed set: labels stay few). */
export const CHANNELS = ['webchat', 'whatsapp', 'msteams', 'botframework', 'other'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** How a turn ended: answered by the bot, passed to the advisor holding it, a retried delivery, or the apology. */
export const OUTCOMES = ['answered', 'held', 'duplicate', 'failed'] as const;
export type TurnOutcome = (typeof OUTCOMES)[number];

const REASONS = ['requested', 'misunderstood', 'urgent', 'system'] as const;

/** Where a turn's statechart came from (#15): kept live on this instance, restored from the stored snapshot, or new. */
export const MACHINE_SOURCES = ['live', 'snapshot', 'new'] as const;
export type MachineSource = (typeof MACHINE_SOURCES)[number];

export interface Observer {
  /** One turn done, `seconds` after it began. */
  turn(conversationId: string, outcome: TurnOutcome, seconds: number): void;
  /** A port failed during a conversation's turn: counted and logged, once per failure. */
  portFailed(port: PortName, err: unknown, conversationId: string | undefined): void;
  /** A handoff opened; `retried` when its first opening had failed and a later turn opened it. */
  handoffOpened(conversationId: string, reason: string, retried: boolean): void;
  booked(conversationId: string, solution: string): void;
  /** A turn ran its statechart from `source` (the live actors' hit rate). */
  machine(source: MachineSource): void;
}

export interface Metrics {
  registry: Registry;
  observer: Observer;
}

export function channelOf(conversationId: string): ChannelName {
  if (conversationId.startsWith('webchat:')) return 'webchat';
  if (conversationId.startsWith('whatsapp:')) return 'whatsapp';
  if (conversationId.startsWith('bf:msteams:')) return 'msteams';
  if (conversationId.startsWith('bf:')) return 'botframework';
  return 'other';
}

/** Label children bound once per combination: `bound[a][b].inc()` with no allocation of ours. */
function bind2<A extends string, B extends string, T>(as: readonly A[], bs: readonly B[], child: (a: A, b: B) => T): Record<A, Record<B, T>> {
  const out = {} as Record<A, Record<B, T>>;
  for (const a of as) {
    out[a] = {} as Record<B, T>;
    for (const b of bs) out[a][b] = child(a, b);
  }
  return out;
}

export function createMetrics(logger: Logger, options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'mc_' });

  const turns = new Counter({ name: 'mc_turns_total', help: 'Turns by channel and outcome (answered, held by an advisor, duplicate delivery, failed: the apology).', labelNames: ['channel', 'outcome'], registers });
  const latency = new Histogram({
    name: 'mc_turn_duration_seconds', help: 'Time to take, run and store a turn, recognition and ports included.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers,
  });
  const portFailures = new Counter({ name: 'mc_port_failures_total', help: 'Failed calls to a port (planning, entitlements, places, handoffs, sessions, reminders).', labelNames: ['port'], registers });
  const sessionErrors = new Counter({ name: 'mc_session_store_errors_total', help: 'Turns the session store could not take, read or store (store down or slow, turn lock not obtained).', registers });
  const handoffs = new Counter({ name: 'mc_handoffs_opened_total', help: 'Handoffs opened to advisors, by reason; retried="true" when a later turn opened one whose first opening failed.', labelNames: ['reason', 'retried'], registers });
  const bookings = new Counter({ name: 'mc_bookings_total', help: 'Bookings made, by mobility solution and channel.', labelNames: ['solution', 'channel'], registers });
  const machines = new Counter({
    name: 'mc_turn_machines_total', help: 'Turns by where their statechart came from: live (kept on this instance, LIVE_CONVERSATIONS), snapshot (restored from the session store) or new.',
    labelNames: ['source'], registers,
  });

  const turnsBy = bind2(CHANNELS, OUTCOMES, (c, o) => turns.labels(c, o));
  const portsBy = Object.fromEntries(PORTS.map((p) => [p, portFailures.labels(p)])) as Record<PortName, { inc(value?: number): void }>;
  const handoffsBy = bind2(REASONS, ['false', 'true'] as const, (r, t) => handoffs.labels(r, t));
  const bookingsBy = bind2(SOLUTIONS, CHANNELS, (s, c) => bookings.labels(s, c));
  const machinesBy = Object.fromEntries(MACHINE_SOURCES.map((m) => [m, machines.labels(m)])) as Record<MachineSource, { inc(): void }>;
  // Initialised at 0, so that a rate() sees the first failure.
  for (const p of PORTS) portsBy[p].inc(0);
  sessionErrors.inc(0);

  const log = logger.child({ component: 'ports' });
  const observer: Observer = {
    turn(conversationId, outcome, seconds) {
      turnsBy[channelOf(conversationId)][outcome].inc();
      latency.observe(seconds);
    },
    portFailed(port, err, conversationId) {
      portsBy[port].inc();
      if (port === 'sessions') sessionErrors.inc();
      log.error({ port, conversation: conversationId, err: errorOf(err) }, `port failed: ${port}`);
    },
    handoffOpened(conversationId, reason, retried) {
      (handoffsBy[reason as (typeof REASONS)[number]] ?? handoffsBy.requested)[retried ? 'true' : 'false'].inc();
      if (retried) logger.info({ conversation: conversationId, reason }, 'handoff opened on a later turn (its first opening had failed)');
    },
    booked(conversationId, solution) {
      const by = bookingsBy[solution as (typeof SOLUTIONS)[number]];
      if (by) by[channelOf(conversationId)].inc();
    },
    machine(source) {
      machinesBy[source].inc();
    },
  };
  return { registry, observer };
}

/** The error's kind, message and code, never the request or data around it. */
function errorOf(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 200) };
  const code = (err as { code?: unknown }).code;
  return { type: err.name, message: err.message.slice(0, 300), ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}) };
}

/** An observer that does nothing (the console, tests that don't look). */
export const quietObserver: Observer = { turn() {}, portFailed() {}, handoffOpened() {}, booked() {}, machine() {} };
