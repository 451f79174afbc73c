/**
 * `/advisor/api/events`: the console's live stream (server-sent events) of its site's handoffs —
 * a conversation handed over, taken, closed, a new message — from every instance (the handoff
 * store's events). The stream ends when the session does, and when the server shuts down.
 * Streams are places (STREAMS_PER_CONVERSATION per session, STREAMS_MAX in all, per instance):
 * one more for a session is refused with 429, one more for a full instance with 503.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import type { AdvisorSessionStore } from '../handoff/advisor-sessions';
import type { AdvisorDirectory } from '../handoff/advisors';
import type { HandoffStore } from '../handoff/handoff-store';
import { Slots } from '../limits/slots';
import { createAuth } from './advisor-auth';
import { guardRoutes } from './advisor-errors';
import { wasHead } from './head-as-get';
import { busy, tooMany } from './refuse';

export interface AdvisorEventsDeps {
  store: HandoffStore;
  directory: AdvisorDirectory;
  sessions: AdvisorSessionStore;
  limits: Pick<Config, 'STREAMS_PER_CONVERSATION' | 'STREAMS_MAX'>;
  logger: Logger;
  heartbeatMs?: number;
}

const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no',
};

// The page's EventSource does not retry a refused stream; a reload after this is welcome.
const RETRY_AFTER_SECONDS = 10;

export function mountAdvisorEvents(server: Server, deps: AdvisorEventsDeps) {
  const caller = createAuth(deps.sessions, deps.directory);
  const open = new Set<Response>();
  const places = new Slots({ perKey: deps.limits.STREAMS_PER_CONVERSATION, total: deps.limits.STREAMS_MAX });

  server.get('/advisor/api/events', guardRoutes(deps.logger)(async (req: Request, res: Response) => {
    const c = await caller(req, res, { csrf: false });
    if (!c) return;
    if (wasHead(req)) {
      // The stream's headers, and the end: a HEAD holds no place and no subscription.
      res.writeHead(200, STREAM_HEADERS);
      res.end();
      return;
    }
    // Keyed by a hash of the session token: the secret itself is kept nowhere.
    const release = places.enter(createHash('sha256').update(c.token).digest('base64url'));
    if (!release) {
      if (places.size >= deps.limits.STREAMS_MAX) busy(res, RETRY_AFTER_SECONDS);
      else tooMany(res, RETRY_AFTER_SECONDS);
      return;
    }
    res.once('close', release);
    res.writeHead(200, STREAM_HEADERS);
    res.write('retry: 3000\n\n');
    const site = c.advisor.siteId;
    const stop = deps.store.subscribe((e) => {
      if (e.type === 'relay' || e.siteId !== site) return;
      res.write(`event: handoff\ndata: ${JSON.stringify(e)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), deps.heartbeatMs ?? 20_000);
    // The session's end is the stream's end: the page then finds it is signed out.
    const expiry = setTimeout(() => res.end(), Math.max(0, Math.min(c.session.expiresAt - Date.now(), 2 ** 31 - 1)));
    open.add(res);
    res.on('close', () => {
      stop();
      clearInterval(heartbeat);
      clearTimeout(expiry);
      open.delete(res);
    });
  }));

  // server.close() waits for open connections: end the streams first.
  const close = server.close.bind(server);
  server.close = ((...args: Parameters<Server['close']>) => {
    for (const res of open) res.end();
    return close(...args);
  }) as Server['close'];
}
