/**
 * The bot as a server: the engine (src/compose.ts) behind HTTP, with the Bot Framework channel.
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { mountBotFramework } from './channels/botframework/bot-framework-channel';
import { mountWebChat } from './channels/webchat/webchat-channel';
import type { WebChatHub } from './channels/webchat/hub';
import { mountWhatsApp, type WhatsAppChannel } from './channels/whatsapp/whatsapp-channel';
import { createEngine, type Overrides } from './compose';
import { loadConfig, type Config } from './config';
import { loadDealer } from './dealer/load';
import type { Dealer } from './dealer/schema';
import type { TurnEngine } from './engine/turn-engine';
import { createHttpServer } from './http/server';
import { mountPlanningApi } from './http/planning-api';
import type { PlanningSystem } from './planning/planning';
import type { SessionStore } from './sessions/session-store';
import { createProactiveRelay } from './channels/botframework/proactive';
import { createWebChatRelay } from './channels/webchat/handoff-relay';
import { createWhatsAppRelay } from './channels/whatsapp/handoff-relay';
import { AdvisorDirectory } from './handoff/advisors';
import type { HandoffStore } from './handoff/handoff-store';
import { HandoffService } from './handoff/handoff-service';
import { mountAdvisorConsole } from './http/advisor-console';
import type { RateLimits } from './limits/rate-limits';
import { mountMetrics } from './http/metrics-route';
import type { Metrics } from './observe/observer';
import { createProactiveReminderDelivery } from './channels/botframework/reminder-delivery';
import { createWebChatReminderDelivery } from './channels/webchat/reminder-delivery';
import { createWhatsAppReminderDelivery } from './channels/whatsapp/reminder-delivery';
import { mountCalendarDownload } from './http/calendar-download';
import { calendarFile } from './invitations/ics';
import { createCalendarLinks } from './invitations/link';
import { ReminderScheduler } from './reminders/scheduler';

export interface App {
  config: Config;
  dealer: Dealer;
  engine: TurnEngine;
  planning: PlanningSystem;
  sessions: SessionStore;
  server: Server;
  logger: Logger;
  /** The web chat's stream hub (messages that arrive after a turn), when the web chat is on. */
  webChat?: WebChatHub;
  /** The WhatsApp channel (sender, 24 h window), when configured. */
  whatsApp?: WhatsAppChannel;
  /** Conversations handed over to advisors (docs/handoff.md), and what advisors do with them. */
  handoffs: HandoffService;
  handoffStore: HandoffStore;
  /** The edges' rate limits (docs/security.md). */
  rateLimits: RateLimits;
  /** Prometheus metrics (GET /metrics) and the port failure log. */
  metrics: Metrics;
  /** #13: the reminders the day before (started by listen(), stopped by close()). */
  reminders: ReminderScheduler;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export async function createApp(config: Config, overrides: Overrides = {}): Promise<App> {
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, planning, sessions, handoffs: handoffStore, advisorSessions, rateLimits, reminders: reminderStore, channels, renderer, logger, metrics } = await createEngine(config, dealer, overrides);
  // #13: calendar files — links signed for the conversation that booked, the file sent on WhatsApp
  if (!config.CALENDAR_LINK_SECRET) logger.warn('CALENDAR_LINK_SECRET is not set: calendar links work only on this instance until it restarts');
  const links = createCalendarLinks(config.CALENDAR_LINK_SECRET || randomBytes(32).toString('base64url'), () => (overrides.clock?.() ?? new Date()).getTime());
  const publicUrl = config.PUBLIC_URL.replace(/\/+$/, '');
  const calendarLink = (b: { reference: string; appointmentAt: string }, lang: 'it' | 'en', conversationId: string) =>
    `${publicUrl}${links.path(b.reference, conversationId, lang, b.appointmentAt)}`;
  const whatsAppCalendar = async (booking: Parameters<typeof calendarFile>[2], lang: 'it' | 'en') => {
    // the planning's record has the customer's address (pickup & delivery); the receipt's booking does not
    const file = calendarFile(dealer, renderer, (await planning.get(booking.reference)) ?? booking, lang);
    return { ...file, caption: renderer.text('calendar.caption', { reference: booking.reference }, lang) };
  };
  let ready = false;
  const readiness = async () => {
    await Promise.all([sessions.ping(), planning.ping()]);
    return true;
  };
  const server = createHttpServer(logger, () => ready, readiness, { trustProxyHops: config.TRUST_PROXY_HOPS });
  mountMetrics(server, metrics.registry, config.METRICS_TOKEN);
  // A contact centre's handoff.status arrives on /api/messages; the service is built below.
  const onHandoffStatus = (id: string, state: Parameters<HandoffService['contactCentre']>[1]) => handoffs.contactCentre(id, state);
  const adapter = mountBotFramework(server, engine, config, logger, { renderer, timeZone: dealer.site.timeZone, onHandoffStatus });
  // A message is acknowledged to Meta only when its turn can be taken (the session store answers).
  const sessionsAnswer = () => sessions.ping().then(() => true, () => false);
  const webChat = config.WEBCHAT_ENABLED ? mountWebChat(server, { engine, dealer, config, logger, rateLimits, clock: overrides.clock, calendarLink, state: channels.webChat }) : undefined;
  const whatsApp = mountWhatsApp(server, { engine, renderer, config, logger, rateLimits, clock: overrides.clock, calendarFile: whatsAppCalendar, state: channels.whatsApp(), ready: sessionsAnswer });
  mountCalendarDownload(server, {
    planning, dealer, renderer, links, rateLimits, logger, trustProxyHops: config.TRUST_PROXY_HOPS, perAddress: config.CALENDAR_DOWNLOADS_PER_ADDRESS,
  });
  mountPlanningApi(server, { planning, dealer, token: config.PLANNING_API_TOKEN, clock: overrides.clock, logger, rateLimits, limits: config });
  const webChatRelay = webChat && createWebChatRelay(webChat, handoffStore);
  const handoffs: HandoffService = new HandoffService({
    store: handoffStore, sessions, engine, renderer, logger, clock: overrides.clock,
    relays: {
      ...(webChatRelay ? { webchat: webChatRelay.relay } : {}),
      ...(whatsApp ? { whatsapp: createWhatsAppRelay(whatsApp, renderer) } : {}),
      botframework: createProactiveRelay(adapter, config.MicrosoftAppId, renderer),
    },
  });
  if (config.ADVISORS.length) {
    mountAdvisorConsole(server, {
      service: handoffs, store: handoffStore, directory: new AdvisorDirectory(config.ADVISORS), sessions: advisorSessions,
      sessionMinutes: config.ADVISOR_SESSION_MINUTES, timeZone: dealer.site.timeZone, logger, clock: overrides.clock, rateLimits, limits: config,
    });
  }
  const reminders = new ReminderScheduler({
    dealer, planning, store: reminderStore, renderer, logger, clock: overrides.clock, intervalMs: config.REMINDER_SCAN_SECONDS * 1000,
    deliveries: {
      ...(webChat ? { webchat: createWebChatReminderDelivery(webChat, handoffStore, Boolean(config.REDIS_URL)) } : {}),
      ...(whatsApp ? { whatsapp: createWhatsAppReminderDelivery(whatsApp.sender) } : {}),
      botframework: createProactiveReminderDelivery(adapter, config.MicrosoftAppId),
    },
  });
  return {
    config, dealer, engine, planning, sessions, server, logger, webChat, whatsApp, handoffs, handoffStore, rateLimits, reminders, metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          ready = true;
          reminders.start();
          resolve(server.address() as AddressInfo);
        });
      }),
    close: async () => {
      ready = false;
      await reminders.stop();
      await reminderStore.close();
      await new Promise<void>((resolve) => {
        // kept-alive connections stay open 65 s (KEEP_ALIVE_MS): those still busy when closing begins
        // are closed as soon as their turn is answered, not when a client would let them go
        const sweep = setInterval(() => server.server.closeIdleConnections(), 100);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
      });
      webChatRelay?.stop();
      await handoffStore.close();
      await sessions.close();
      await planning.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
    return;
  }
  const app = await createApp(config);
  const address = await app.listen();
  app.logger.info({ port: address.port, dealer: app.dealer.site.name }, 'Mobility Concierge is listening on http://localhost:%d', address.port);
  process.once('SIGINT', () => void shutDown(app, 'SIGINT'));
  process.once('SIGTERM', () => void shutDown(app, 'SIGTERM'));
}

/**
 * Graceful shutdown (docs/operations.md, "Shutdown"): stop accepting connections, end the web
 * chat streams with a retry hint, finish the turns in flight and the WhatsApp queue, close the
 * stores, exit 0 — or exit 1 once SHUTDOWN_GRACE_MS is over, whatever is still running.
 */
async function shutDown(app: App, signal: string): Promise<void> {
  const graceMs = app.config.SHUTDOWN_GRACE_MS;
  app.logger.info({ signal, graceMs }, 'shutting down');
  setTimeout(() => {
    app.logger.error({ graceMs }, 'shutdown: grace period over, exiting with turns or deliveries still in flight');
    process.exit(1);
  }, graceMs);
  try {
    await app.close();
  } catch (err) {
    app.logger.error({ err }, 'shutdown: closing failed');
    process.exit(1);
  }
  app.logger.info('shut down');
  process.exit(0);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
