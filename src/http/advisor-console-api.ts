/**
 * The advisor console's API under /advisor/api: sign in and out, the site's queue, one
 * conversation (summary and transcript), and take / reply / hand back / close. An advisor sees
 * and acts on their own site's conversations only; another site's look like missing ones (404).
 * @module
 */
import type { Request, Response, Server } from 'restify';
import type { AdvisorSessionStore } from '../handoff/advisor-sessions';
import type { AdvisorDirectory } from '../handoff/advisors';
import type { Handoff } from '../handoff/handoff';
import type { ActionResult, HandoffService } from '../handoff/handoff-service';
import { createAuth, sessionCookie, COOKIE } from './advisor-auth';

export interface AdvisorApiDeps {
  service: HandoffService;
  directory: AdvisorDirectory;
  sessions: AdvisorSessionStore;
  sessionMinutes: number;
  /** The dealer's IANA zone: the console shows every time in it, wherever the advisor sits. */
  timeZone: string;
  clock?: () => Date;
}

const MAX_REPLY = 4000;
const STATUS: Record<Exclude<ActionResult, { ok: true }>['error'], number> = { 'not-found': 404, taken: 409, closed: 409 };

export function mountAdvisorApi(server: Server, deps: AdvisorApiDeps) {
  const { service, directory, sessions } = deps;
  const caller = createAuth(sessions, directory);
  const now = () => (deps.clock?.() ?? new Date()).toISOString();
  const noStore = (res: Response) => res.header('cache-control', 'no-store');

  server.post('/advisor/api/login', async (req: Request, res: Response) => {
    noStore(res);
    // A form on another site cannot send JSON without a preflight, nor an Origin that matches.
    const origin = req.header('origin');
    if (!req.is('application/json') || (origin && new URL(origin).host !== req.header('host'))) {
      res.send(403, { error: 'cross-site sign-in refused' });
      return;
    }
    const body = (req.body ?? {}) as { id?: unknown; password?: unknown };
    const advisor = typeof body.id === 'string' && typeof body.password === 'string' ? await directory.authenticate(body.id, body.password) : undefined;
    if (!advisor) {
      res.send(401, { error: 'wrong id or password' });
      return;
    }
    const ttlMs = deps.sessionMinutes * 60_000;
    const { token, session } = await sessions.create(advisor.id, ttlMs);
    res.header('set-cookie', sessionCookie(req, token, Math.floor(ttlMs / 1000)));
    res.send(200, { advisor, csrf: session.csrf, expiresAt: new Date(session.expiresAt).toISOString(), timeZone: deps.timeZone });
  });

  server.post('/advisor/api/logout', async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: true });
    if (!c) return;
    await sessions.delete(c.token);
    res.header('set-cookie', `${COOKIE}=; Path=/advisor; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.send(204);
  });

  server.get('/advisor/api/me', async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: false });
    if (c) res.send(200, { advisor: c.advisor, csrf: c.session.csrf, expiresAt: new Date(c.session.expiresAt).toISOString(), timeZone: deps.timeZone });
  });

  server.get('/advisor/api/queue', async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: false });
    if (c) res.send(200, { now: now(), conversations: (await service.list(c.advisor.siteId)).map(view) });
  });

  server.get('/advisor/api/conversations/:id', async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: false });
    if (!c) return;
    const found = await service.detail(c.advisor.siteId, String(req.params.id));
    if (!found) res.send(404, { error: 'no such conversation' });
    else res.send(200, { now: now(), conversation: view(found.handoff), messages: found.messages });
  });

  const action = (name: string, run: (c: NonNullable<Awaited<ReturnType<typeof caller>>>, id: string, req: Request) => Promise<ActionResult | undefined>) =>
    server.post(`/advisor/api/conversations/:id/${name}`, async (req: Request, res: Response) => {
      noStore(res);
      const c = await caller(req, res, { csrf: true });
      if (!c) return;
      const result = await run(c, String(req.params.id), req);
      if (!result) res.send(400, { error: 'a reply needs text' });
      else if (!result.ok) res.send(STATUS[result.error], { error: result.error });
      else res.send(200, { conversation: view(result.handoff), delivered: result.delivered });
    });

  action('take', (c, id) => service.take(c.advisor, id));
  action('reply', async (c, id, req) => {
    const text = String((req.body as { text?: unknown } | undefined)?.text ?? '').trim();
    return text && text.length <= MAX_REPLY ? service.reply(c.advisor, id, text) : undefined;
  });
  action('hand-back', (c, id) => service.handBack(c.advisor, id));
  action('close', (c, id) => service.close(c.advisor, id));
}

/** What the console shows of a handoff: everything but how the bot reaches the customer. */
function view(h: Handoff) {
  const { conversationRef, ...shown } = h;
  // Teams and other Bot Framework channels are told apart by their channel id.
  const channel = conversationRef.channel === 'botframework' ? (conversationRef.channelId === 'msteams' ? 'teams' : conversationRef.channelId) : h.channel;
  return { ...shown, channel };
}
