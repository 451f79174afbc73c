/**
 * The reminder scheduler (#13). Every `intervalMs` one instance (the store's lock) reads the
 * confirmed bookings of the next two days from the planning — so a cancelled booking gets no
 * reminder and a moved one is reminded of its new time —, and for each one whose reminder is due
 * (schedule.ts) and whose customer said yes, claims the "sent" mark for that booking and
 * appointment (SET NX) and only then sends it on the customer's channel. A send that fails gives
 * the mark back, so the next scan tries again within the window; one whose channel cannot reach
 * the customer any more is logged and not retried. Started and stopped by the composition root.
 * @module
 */
import type { Logger } from 'pino';
import type { Dealer } from '../dealer/schema';
import type { ConversationRef } from '../handoff/handoff';
import type { PlanningSystem, Reservation } from '../planning/planning';
import type { Renderer } from '../render/render';
import { reminderContent, type ReminderContent } from './content';
import { isDue } from './schedule';
import type { ReminderRecord, ReminderStore } from './store';

/** Sends one reminder on one channel: `unreachable` when that channel cannot write to this customer now. */
export type ReminderDelivery = (record: ReminderRecord, content: ReminderContent) => Promise<'sent' | 'unreachable'>;

export interface SchedulerDeps {
  dealer: Dealer;
  planning: PlanningSystem;
  store: ReminderStore;
  renderer: Renderer;
  deliveries: Partial<Record<ConversationRef['channel'], ReminderDelivery>>;
  logger: Logger;
  clock?: () => Date;
  intervalMs?: number;
}

const HORIZON_MS = 2 * 24 * 3600_000;
/** A "sent" mark outlives any appointment it could be about. */
const SENT_TTL_SECONDS = 7 * 24 * 3600;

export class ReminderScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly intervalMs: number;

  constructor(private readonly deps: SchedulerDeps) {
    this.intervalMs = deps.intervalMs ?? 60_000;
  }

  start(): void {
    if (this.timer || !this.deps.dealer.reminders.enabled) return;
    this.timer = setInterval(() => void this.scan(), this.intervalMs);
    this.timer.unref?.();
  }

  /** No new scan; waits for the one under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Resolves when no scan is under way (tests wait for it after moving the clock). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** One scan, unless one is already under way here: how many reminders this instance sent. */
  scan(): Promise<number> {
    if (this.running) return this.running;
    const run = this.scanOnce().catch((err) => {
      this.deps.logger.error({ err }, 'reminders: scan failed');
      return 0;
    }).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async scanOnce(): Promise<number> {
    const { planning, store, dealer } = this.deps;
    const release = await store.lead(Math.max(this.intervalMs, 30_000));
    if (!release) return 0;
    try {
      const now = (this.deps.clock?.() ?? new Date()).getTime();
      const upcoming = await planning.list({ from: new Date(now).toISOString(), to: new Date(now + HORIZON_MS).toISOString(), status: ['confirmed'] });
      let sent = 0;
      for (const booking of upcoming) {
        if (Date.parse(booking.appointmentAt) <= now) continue;
        const record = await store.get(booking.reference);
        if (!record || !isDue(dealer, booking.appointmentAt, record.consentAt, now)) continue;
        if (await this.send(record, booking)) sent++;
      }
      return sent;
    } finally {
      await release();
    }
  }

  private async send(record: ReminderRecord, booking: Reservation): Promise<boolean> {
    const { store, logger } = this.deps;
    const log = { conversation: record.conversationId, reference: booking.reference, channel: record.reach.channel };
    // Read again just before sending: cancelled or moved since the list, no stale reminder.
    const now = await this.deps.planning.get(booking.reference);
    if (!now || now.status !== 'confirmed' || now.appointmentAt !== booking.appointmentAt) return false;
    if (!(await store.claim(booking.reference, booking.appointmentAt, SENT_TTL_SECONDS))) return false;
    const deliver = this.deps.deliveries[record.reach.channel];
    try {
      const outcome = deliver ? await deliver(record, reminderContent(this.deps.dealer, this.deps.renderer, now, record.lang)) : 'unreachable';
      if (outcome === 'unreachable') {
        logger.warn(log, 'reminders: the customer cannot be reached on this channel; not sent');
        return false;
      }
      logger.info(log, 'reminders: sent');
      return true;
    } catch (err) {
      await store.unclaim(booking.reference, booking.appointmentAt).catch(() => undefined);
      logger.warn({ ...log, err }, 'reminders: send failed; tried again at the next scan');
      return false;
    }
  }
}
