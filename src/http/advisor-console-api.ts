/**
 * The advisor console's API under /advisor/api: sign in (advisor-login.ts) and out, the site's
 * queue, one conversation (summary and transcript), and take / reply / hand back / close. An
 * advisor sees and acts on their own site's conversations only; another site's look like missing
 * ones (404). Every failure is logged once and answered generically (advisor-errors.ts).
 * @module
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Handoff } from '../handoff/handoff';
import type { ActionResult, HandoffService } from '../handoff/handoff-service';
import { createAuth, COOKIE } from './advisor-auth';
import { guardRoutes } from './advisor-errors';
import { mountAdvisorLogin, type LoginDeps } from './advisor-login';

export interface AdvisorApiDeps extends Omit<LoginDeps, 'guard'> {
  service: HandoffService;
  clock?: () => Date;
}

const STATUS: Record<Exclude<ActionResult, { ok: true }>['error'], number> = { 'not-found': 404, taken: 409, closed: 409 };
// A conversation id is a channel's prefix and its own id; anything longer names none.
const conversationId = z.string().min(1).max(300);
const reply = z.object({ text: z.string().trim().min(1).max(4000) });

export function mountAdvisorApi(server: Server, deps: AdvisorApiDeps) {
  const { service, directory, sessions } = deps;
  const caller = createAuth(sessions, directory);
  const guard = guardRoutes(deps.logger);
  const now = () => (deps.clock?.() ?? new Date()).toISOString();
  const noStore = (res: Response) => res.header('cache-control', 'no-store');

  mountAdvisorLogin(server, { ...deps, guard });

  server.post('/advisor/api/logout', guard(async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: true });
    if (!c) return;
    await sessions.delete(c.token);
    res.header('set-cookie', `${COOKIE}=; Path=/advisor; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.send(204);
  }));

  server.get('/advisor/api/me', guard(async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: false });
    if (c) res.send(200, { advisor: c.advisor, csrf: c.session.csrf, expiresAt: new Date(c.session.expiresAt).toISOString(), timeZone: deps.timeZone });
  }));

  server.get('/advisor/api/queue', guard(async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: false });
    if (c) res.send(200, { now: now(), conversations: (await service.list(c.advisor.siteId)).map(view) });
  }));

  server.get('/advisor/api/conversations/:id', guard(async (req: Request, res: Response) => {
    noStore(res);
    const c = await caller(req, res, { csrf: false });
    if (!c) return;
    const id = conversationId.safeParse(req.params.id);
    const found = id.success ? await service.detail(c.advisor.siteId, id.data) : undefined;
    if (!found) res.send(404, { error: 'no such conversation' });
    else res.send(200, { now: now(), conversation: view(found.handoff), messages: found.messages });
  }));

  const action = (name: string, run: (c: NonNullable<Awaited<ReturnType<typeof caller>>>, id: string, req: Request) => Promise<ActionResult | undefined>) =>
    server.post(`/advisor/api/conversations/:id/${name}`, guard(async (req: Request, res: Response) => {
      noStore(res);
      const c = await caller(req, res, { csrf: true });
      if (!c) return;
      const id = conversationId.safeParse(req.params.id);
      const result: ActionResult | undefined = id.success ? await run(c, id.data, req) : { ok: false, error: 'not-found' };
      if (!result) res.send(400, { error: 'a reply needs text' });
      else if (!result.ok) res.send(STATUS[result.error], { error: result.error });
      else res.send(200, { conversation: view(result.handoff), delivered: result.delivered });
    }));

  action('take', (c, id) => service.take(c.advisor, id));
  action('reply', async (c, id, req) => {
    const body = reply.safeParse(req.body);
    return body.success ? service.reply(c.advisor, id, body.data.text) : undefined;
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
