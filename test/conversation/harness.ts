/**
 * A customer talking to the real engine (real recognizer, real statechart, embedded SQLite
 * planning, in-memory sessions (SESSION_STORE=memory) with JSON persistence after every turn), on a fixed clock.
 * With LIVE_CONVERSATIONS=0 in the environment every turn also restores the statechart from that
 * JSON (by default a conversation goes on with its live actor, as in production).
 * Reads like a transcript: `await c.says('...')`, then what the bot asked or said.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import type { Dealer } from '../../src/dealer/schema';
import { createEngine } from '../../src/compose';
import type { PlanningSystem } from '../../src/planning/planning';
import type { SessionStore } from '../../src/sessions/session-store';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import type { TurnEngine, TurnOutput } from '../../src/engine/turn-engine';
import type { Awaiting, Lang } from '../../dialogs/model';

export const DEALER_FILE = path.resolve(__dirname, '../../config/dealers/modena.json');
/** Monday 30 November 2026, 09:00 in Modena. */
export const MONDAY_9AM = new Date('2026-11-30T08:00:00Z');

export interface World {
  dealer: Dealer;
  engine: TurnEngine;
  planning: PlanningSystem;
  sessions: SessionStore;
  close(): Promise<void>;
}

export async function world(options: { dealer?: (d: Dealer) => Dealer; now?: Date; planning?: PlanningSystem } = {}): Promise<World> {
  // LIVE_CONVERSATIONS=0 in the environment: every turn restores the statechart from its stored snapshot.
  const live = process.env.LIVE_CONVERSATIONS;
  const config = loadConfig({ LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, SESSION_STORE: 'memory', ...(live !== undefined ? { LIVE_CONVERSATIONS: live } : {}) });
  const base = loadDealer(config.DEALER_CONFIG);
  const dealer = options.dealer ? options.dealer(structuredClone(base)) : base;
  const now = options.now ?? MONDAY_9AM;
  const planning = options.planning ?? createSqlitePlanning(dealer, { file: ':memory:', clock: () => now });
  const { engine, sessions } = await createEngine(config, dealer, { planning, clock: () => now, logger: pino({ level: 'silent' }) });
  return { dealer, engine, planning, sessions, close: () => planning.close() };
}

let counter = 0;

export class Conversation {
  readonly id = `test:${++counter}`;
  last!: TurnOutput;
  readonly transcript: string[] = [];

  constructor(readonly engine: TurnEngine, readonly locale: Lang) {}

  async open(): Promise<this> {
    return this.turn({ kind: 'start' });
  }

  async says(text: string): Promise<this> {
    this.transcript.push(`> ${text}`);
    return this.turn({ kind: 'message', text });
  }

  /** Clicks the choice whose title matches (a postback, as Web Chat sends it). */
  async clicks(title: string | RegExp): Promise<this> {
    const choices = this.last.messages.flatMap((m) => m.choices ?? []);
    const choice = choices.find((c) => (typeof title === 'string' ? c.title === title : title.test(c.title)));
    assert.ok(choice, `no choice ${title} among: ${choices.map((c) => c.title).join(' | ')}`);
    this.transcript.push(`> [${choice.title}]`);
    return this.turn({ kind: 'message', text: choice.value });
  }

  private async turn(input: { kind: 'start' | 'message'; text?: string }): Promise<this> {
    this.last = await this.engine.handle({ conversationId: this.id, locale: this.locale, ...input });
    for (const m of this.last.messages) this.transcript.push(m.text);
    return this;
  }

  get text(): string {
    return this.last.messages.map((m) => m.text).join('\n');
  }

  get awaiting(): Awaiting | undefined {
    return this.last.messages.findLast((m) => m.awaiting)?.awaiting;
  }

  get booking() {
    return this.last.messages.find((m) => m.booking)?.booking;
  }

  /** The bot's last question expects this. */
  asks(awaiting: Awaiting): this {
    assert.equal(this.awaiting, awaiting, `expected the bot to ask for ${awaiting}; it said:\n${this.text}`);
    return this;
  }

  said(pattern: RegExp): this {
    assert.match(this.text, pattern, `the bot said:\n${this.text}`);
    return this;
  }

  didNotSay(pattern: RegExp): this {
    assert.doesNotMatch(this.text, pattern, `the bot said:\n${this.text}`);
    return this;
  }

  choices(): string[] {
    return this.last.messages.flatMap((m) => m.choices ?? []).map((c) => c.title);
  }
}
