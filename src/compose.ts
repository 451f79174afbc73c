/**
 * The composition root of the engine: picks the implementation of every port from the
 * configuration and wires them. Nothing else constructs adapters; src/main.ts adds HTTP.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import type { Dealer } from './dealer/schema';
import { provideBookingMachine } from './engine/actors';
import { TurnEngine } from './engine/turn-engine';
import { createSnapshotCodec } from './engine/snapshot-codec';
import { createEmbeddedEntitlements } from './entitlements/embedded';
import { createI18n } from './i18n/i18n';
import { createConfiguredRecognizer } from './nlu/provider';
import type { Recognizer } from './nlu/recognizer';
import { createGazetteer } from './places/gazetteer';
import type { Places } from './places/places';
import type { Entitlements } from './entitlements/entitlements';
import { formatMs } from './planning/calendar';
import type { PlanningSystem } from './planning/planning';
import { createHttpDmsPlanning } from './planning/http-dms';
import { createPostgresPlanning } from './planning/postgres';
import { createSqlitePlanning } from './planning/sqlite';
import { createSqlitePlanningProcess } from './planning/sqlite-process';
import { Renderer } from './render/render';
import { createMemorySessionStore } from './sessions/memory';
import { connectRedis, createRedisSessionStore } from './sessions/redis';
import { createSqliteSessionStore } from './sessions/sqlite';
import type { SessionStore } from './sessions/session-store';
import { createMemoryAdvisorSessions, createRedisAdvisorSessions, type AdvisorSessionStore } from './handoff/advisor-sessions';
import { HandoffGate } from './handoff/handoff-gate';
import type { HandoffStore } from './handoff/handoff-store';
import { createMemoryHandoffStore } from './handoff/memory';
import { createRedisHandoffStore } from './handoff/redis';
import { createRateLimits, type RateLimits } from './limits/rate-limits';
import { createMetrics, type Metrics } from './observe/observer';
import { createConsentRecorder } from './reminders/consent';
import { createSqliteReminderStore } from './reminders/sqlite';
import { createMemoryReminderStore, createRedisReminderStore, type ReminderStore } from './reminders/store';
import { pacedLog } from './http/paced-log';
import { createMemoryWebChatState, type WebChatState, type WebChatStateOptions } from './channels/webchat/state';
import { createRedisWebChatState } from './channels/webchat/state-redis';
import { createMemoryWhatsAppState, createRedisWhatsAppState, type WhatsAppState } from './channels/whatsapp/shared-state';

/** Replacements for tests: a clock, a recognizer, a planning (e.g. a shared SQLite file). */
export interface Overrides {
  clock?: () => Date;
  recognizer?: Recognizer;
  planning?: PlanningSystem;
  entitlements?: Entitlements;
  places?: Places;
  logger?: Logger;
  /** The metrics registry and observer (tests share one, or look at it). */
  metrics?: Metrics;
}

/**
 * The planning PLANNING_URL names: embedded SQLite (file or memory), PostgreSQL, or a DMS over HTTP.
 * The SQLite file is served by a child process (#14: SQLite's waits and crashes never reach the
 * event loop); in memory it is this process's own, nobody else can lock it.
 */
export async function createPlanning(config: Config, dealer: Dealer, clock?: () => Date, logger?: Logger): Promise<PlanningSystem> {
  const url = config.PLANNING_URL;
  const holdMinutes = config.HOLD_MINUTES;
  if (url === 'sqlite') {
    fs.mkdirSync(config.DATA_DIR, { recursive: true });
    return createSqlitePlanningProcess(dealer, { file: path.join(config.DATA_DIR, 'planning.sqlite'), clock, holdMinutes, logger });
  }
  if (url === 'memory') return createSqlitePlanning(dealer, { file: ':memory:', clock, holdMinutes });
  if (/^postgres(ql)?:\/\//.test(url)) return createPostgresPlanning(dealer, { url, clock, holdMinutes });
  return createHttpDmsPlanning({ baseUrl: url, token: config.DMS_TOKEN, timeoutMs: config.DMS_TIMEOUT_MS, clock });
}

/** The engine alone, without HTTP: for the console and for tests. */
export async function createEngine(config: Config, dealer: Dealer, overrides: Overrides = {}) {
  const logger = overrides.logger ?? pino({ level: config.LOG_LEVEL });
  const planning = overrides.planning ?? (await createPlanning(config, dealer, overrides.clock, logger));
  const i18n = await createI18n({
    dealer: dealer.site.name,
    phone: dealer.site.phone,
    address: dealer.site.address,
    hours: dealer.calendar.hours,
    pickupRadiusKm: dealer.mobility.pickupDelivery.radiusKm,
    pickupNoticeHours: dealer.mobility.pickupDelivery.minNoticeHours,
    shuttleRadiusKm: dealer.mobility.staffShuttle.radiusKm,
    changeHours: dealer.bookingChanges.inChatUntilHours,
  });
  const renderer = new Renderer(i18n, dealer.site.timeZone);
  const { sessions, handoffs, advisorSessions, rateLimits, reminders, channels } = createStores(config, logger, overrides.clock);
  // #13: a consent is kept until the furthest appointment the bot books has passed
  const reminderTtlSeconds = (dealer.workshop.bookingHorizonDays + 7) * 24 * 3600;
  const metrics = overrides.metrics ?? createMetrics(logger);
  const { observer } = metrics;
  const machine = provideBookingMachine({
    dealer, planning, entitlements: overrides.entitlements ?? createEmbeddedEntitlements(dealer), places: overrides.places ?? createGazetteer(dealer), onFailure: observer.portFailed,
  });
  const engine = new TurnEngine({
    machine,
    sessions,
    recognizer: overrides.recognizer ?? createConfiguredRecognizer(config, logger),
    renderer,
    timeZone: dealer.site.timeZone,
    catalogue: dealer.services.map((s) => s.id),
    defaultLang: config.DEFAULT_LANGUAGE,
    turnTimeoutMs: config.TURN_TIMEOUT_MS,
    liveActors: config.LIVE_CONVERSATIONS,
    snapshots: createSnapshotCodec(dealer),
    unusedTtlSeconds: config.UNUSED_CONVERSATION_TTL_SECONDS,
    now: () => formatMs(dealer, (overrides.clock?.() ?? new Date()).getTime()),
    onError: (err, conversation) => logger.error({ err, conversation }, 'turn failed'),
    handoffs: new HandoffGate({ store: handoffs, sessions, renderer, dealer }),
    reminders: createConsentRecorder(reminders, reminderTtlSeconds),
    observer,
  });
  return { engine, planning, sessions, handoffs, advisorSessions, rateLimits, reminders, channels, renderer, logger, metrics };
}

export interface Stores {
  sessions: SessionStore;
  handoffs: HandoffStore;
  advisorSessions: AdvisorSessionStore;
  /** Rate limits and quotas at the edges (docs/security.md), on the same Redis when there is one. */
  rateLimits: RateLimits;
  /** #13: consents, "sent" marks and the scan lock of the reminders (src/reminders). */
  reminders: ReminderStore;
  /** The channels' own state (web chat conversations and streams, WhatsApp windows and seen ids), shared by the instances on Redis. */
  channels: ChannelStates;
}

export interface ChannelStates {
  webChat(options: WebChatStateOptions): WebChatState;
  whatsApp(): WhatsAppState;
}

/**
 * The shared state: on this instance (the conversations as SESSION_STORE says, the reminders beside
 * them, the rest in memory),
 * or all on one Redis connection (REDIS_URL) with one key prefix —
 * the channels' state included, so that instances need no sticky routing.
 * The session store's close() ends that connection; the handoff store's its subscriber.
 */
export function createStores(config: Config, logger: Logger, clock?: () => Date): Stores {
  if (!config.REDIS_URL) {
    return {
      sessions: createSessions(config, logger, clock),
      handoffs: createMemoryHandoffStore({ ttlSeconds: config.SESSION_TTL_SECONDS, ...(clock ? { clock: () => clock().getTime() } : {}) }),
      advisorSessions: createMemoryAdvisorSessions(),
      rateLimits: createRateLimits({ prefix: config.REDIS_KEY_PREFIX }),
      reminders: createReminders(config, clock),
      channels: { webChat: createMemoryWebChatState, whatsApp: createMemoryWhatsAppState },
    };
  }
  const onError = (err: unknown) => logger.warn({ err }, 'redis');
  const redis = redisClient(config, onError);
  const paced = pacedLog(logger);
  return {
    sessions: createRedisSessionStore({
      redis, prefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.SESSION_TTL_SECONDS, lockMs: config.TURN_LOCK_MS, onError,
    }),
    handoffs: createRedisHandoffStore({ redis, prefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.SESSION_TTL_SECONDS, onError }),
    advisorSessions: createRedisAdvisorSessions(redis, config.REDIS_KEY_PREFIX),
    rateLimits: createRateLimits({ redis, prefix: config.REDIS_KEY_PREFIX, onError: (err) => logger.warn({ err }, 'rate limit store') }),
    reminders: createRedisReminderStore(redis, config.REDIS_KEY_PREFIX),
    channels: {
      // An outage repeats the same failure for every request: a line a minute per kind.
      webChat: (options) => createRedisWebChatState({
        ...options, redis, prefix: config.REDIS_KEY_PREFIX, onError: (err) => paced('webchat-state', 'warn', { err }, 'web chat state: redis failed'),
      }),
      whatsApp: () => createRedisWhatsAppState({
        redis, prefix: config.REDIS_KEY_PREFIX, onError: (err) => paced('whatsapp-state', 'warn', { err }, 'whatsapp state: redis failed, this instance\'s memory answers'),
      }),
    },
  };
}

/** REDIS_URL's client, trusting REDIS_TLS_CA_FILE's CA when set: read now, so a bad path stops the start-up. */
function redisClient(config: Config, onError: (err: Error) => void) {
  let tlsCa: Buffer | undefined;
  if (config.REDIS_TLS_CA_FILE) {
    try {
      tlsCa = fs.readFileSync(config.REDIS_TLS_CA_FILE);
    } catch (err) {
      throw new Error(`REDIS_TLS_CA_FILE: cannot read ${config.REDIS_TLS_CA_FILE}: ${(err as Error).message}`);
    }
  }
  return connectRedis(config.REDIS_URL, { onError, tlsCa });
}

/**
 * The reminders' store without Redis: beside the conversations, so kept across a restart when they
 * are (#15): DATA_DIR/reminders.sqlite with SESSION_STORE=sqlite (its close() closes the file), else
 * this process's memory.
 */
function createReminders(config: Config, clock?: () => Date): ReminderStore {
  const now = clock ? () => clock().getTime() : Date.now;
  if (config.SESSION_STORE !== 'sqlite') return createMemoryReminderStore(now);
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  return createSqliteReminderStore({ file: path.join(config.DATA_DIR, 'reminders.sqlite'), clock: now });
}

/**
 * The conversations' store SESSION_STORE names: Redis (several instances; its close() ends the
 * connection), SQLite in DATA_DIR (one instance, kept across a restart; its close() ends the sweep
 * and closes the file) or memory.
 */
export function createSessions(config: Config, logger: Logger, clock?: () => Date): SessionStore {
  const now = clock ? { clock: () => clock().getTime() } : {};
  if (config.SESSION_STORE === 'memory') return createMemorySessionStore({ ttlSeconds: config.SESSION_TTL_SECONDS, ...now });
  if (config.SESSION_STORE === 'sqlite') {
    fs.mkdirSync(config.DATA_DIR, { recursive: true });
    return createSqliteSessionStore({
      file: path.join(config.DATA_DIR, 'sessions.sqlite'),
      ttlSeconds: config.SESSION_TTL_SECONDS,
      onError: (err) => logger.warn({ err }, 'session sweep failed'),
      ...now,
    });
  }
  const onError = (err: unknown) => logger.warn({ err }, 'redis');
  return createRedisSessionStore({
    redis: redisClient(config, onError),
    prefix: config.REDIS_KEY_PREFIX,
    ttlSeconds: config.SESSION_TTL_SECONDS,
    lockMs: config.TURN_LOCK_MS,
    onError,
  });
}
