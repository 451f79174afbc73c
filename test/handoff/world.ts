/**
 * The real engine with its handoff store (memory, or Redis with `redisUrl`) and the advisor
 * service, on a fixed clock; relays are recorded unless the test brings its own.
 */
import pino from 'pino';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import type { Dealer } from '../../src/dealer/schema';
import type { TurnEngine, TurnOutput } from '../../src/engine/turn-engine';
import type { Handoff } from '../../src/handoff/handoff';
import type { HandoffStore } from '../../src/handoff/handoff-store';
import { HandoffService, type Advisor } from '../../src/handoff/handoff-service';
import type { Delivery, Relays } from '../../src/handoff/relay';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import type { SessionStore } from '../../src/sessions/session-store';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

export const GIULIA: Advisor = { id: 'giulia', name: 'Giulia Bianchi', siteId: 'modena' };
export const PIETRO: Advisor = { id: 'pietro', name: 'Pietro Verdi', siteId: 'modena' };
export const OTHER_SITE: Advisor = { id: 'anna', name: 'Anna Neri', siteId: 'bologna' };

export interface HandoffWorld {
  dealer: Dealer;
  engine: TurnEngine;
  sessions: SessionStore;
  handoffs: HandoffStore;
  service: HandoffService;
  delivered: { handoff: Handoff; delivery: Delivery }[];
  now: { value: Date };
  say(id: string, text: string, locale?: string): Promise<TurnOutput>;
  close(): Promise<void>;
}

export async function handoffWorld(options: { now?: Date; redisUrl?: string; prefix?: string; relays?: Relays; planningDown?: boolean } = {}): Promise<HandoffWorld> {
  const env: Record<string, string> = { LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE };
  if (options.redisUrl) Object.assign(env, { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.prefix ?? 'test:handoff:' });
  else env.SESSION_STORE = 'memory';
  const config = loadConfig(env);
  const dealer = loadDealer(config.DEALER_CONFIG);
  const now = { value: options.now ?? MONDAY_9AM };
  const clock = () => now.value;
  const planning = createSqlitePlanning(dealer, { file: ':memory:', clock });
  // A planning that cannot be reached: the "system down" trigger.
  if (options.planningDown) planning.findSlots = () => Promise.reject(new Error('planning unreachable'));
  const logger = pino({ level: 'silent' });
  const { engine, sessions, handoffs, renderer } = await createEngine(config, dealer, { planning, clock, logger });
  if (options.redisUrl) await waitReady(sessions);
  const delivered: HandoffWorld['delivered'] = [];
  const recorder = { deliver: async (handoff: Handoff, delivery: Delivery) => (delivered.push({ handoff, delivery }), 'sent' as const) };
  const relays: Relays = options.relays ?? { webchat: recorder, whatsapp: recorder, botframework: recorder, other: recorder };
  const service = new HandoffService({ store: handoffs, sessions, engine, renderer, relays, logger, clock });
  return {
    dealer, engine, sessions, handoffs, service, delivered, now,
    say: (id, text, locale = 'it-IT') => engine.handle({ conversationId: id, kind: 'message', text, locale }),
    close: async () => {
      await handoffs.close();
      await sessions.close();
      await planning.close();
    },
  };
}

async function waitReady(sessions: SessionStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await sessions.ping().then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves with the first event the store publishes that `match` accepts. */
export function nextEvent<T>(handoffs: HandoffStore, match: (e: Parameters<Parameters<HandoffStore['subscribe']>[0]>[0]) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const stop = handoffs.subscribe((e) => {
      const found = match(e);
      if (found !== undefined) {
        stop();
        resolve(found);
      }
    });
  });
}
