/**
 * `/advisor/api/events`: the console's live stream (server-sent events) of its site's handoffs —
 * a conversation handed over, taken, closed, a new message — from every instance (the handoff
 * store's events). The stream ends when the session does, and when the server shuts down.
 * @module
 */
import type { Request, Response, Server } from 'restify';
import type { AdvisorSessionStore } from '../handoff/advisor-sessions';
import type { AdvisorDirectory } from '../handoff/advisors';
import type { HandoffStore } from '../handoff/handoff-store';
import { createAuth } from './advisor-auth';

export function mountAdvisorEvents(server: Server, deps: { store: HandoffStore; directory: AdvisorDirectory; sessions: AdvisorSessionStore; heartbeatMs?: number }) {
  const caller = createAuth(deps.sessions, deps.directory);
  const open = new Set<Response>();

  server.get('/advisor/api/events', async (req: Request, res: Response) => {
    const c = await caller(req, res, { csrf: false });
    if (!c) return;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no',
    });
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
  });

  // server.close() waits for open connections: end the streams first.
  const close = server.close.bind(server);
  server.close = ((...args: Parameters<Server['close']>) => {
    for (const res of open) res.end();
    return close(...args);
  }) as Server['close'];
}
