/**
 * The advisor console at `/advisor`: one static page, its CSS and script (src/http/advisor/, no
 * build step, no CDN) and its words (locales/<lang>/advisor.json), with the API and the live
 * stream. The page holds nothing until its advisor signs in. Off when no advisor is configured.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { LANGUAGES } from '../../dialogs/model';
import type { AdvisorSessionStore } from '../handoff/advisor-sessions';
import type { AdvisorDirectory } from '../handoff/advisors';
import type { HandoffStore } from '../handoff/handoff-store';
import type { HandoffService } from '../handoff/handoff-service';
import { LOCALES_DIR } from '../i18n/i18n';
import { mountAdvisorApi } from './advisor-console-api';
import { mountAdvisorEvents } from './advisor-console-events';

const PAGE_DIR = path.resolve(__dirname, 'advisor');

const ASSETS: Record<string, string> = {
  'advisor.css': 'text/css; charset=utf-8',
  'advisor.js': 'text/javascript; charset=utf-8',
  'advisor-render.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export interface AdvisorConsoleDeps {
  service: HandoffService;
  store: HandoffStore;
  directory: AdvisorDirectory;
  sessions: AdvisorSessionStore;
  sessionMinutes: number;
  logger: Logger;
  clock?: () => Date;
}

export function mountAdvisorConsole(server: Server, deps: AdvisorConsoleDeps): void {
  const page = fs.readFileSync(path.join(PAGE_DIR, 'index.html'));
  const assets = new Map(Object.entries(ASSETS).map(([file, type]) => [file, { type, body: fs.readFileSync(path.join(PAGE_DIR, file)) }]));
  const words = new Map<string, string>(
    LANGUAGES.map((lang) => [lang, JSON.stringify(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'advisor.json'), 'utf8')))]),
  );
  const send = (res: Response, type: string, body: Buffer | string | undefined): void => {
    if (body === undefined) res.sendRaw(404, '', { 'cache-control': 'no-store' });
    else res.sendRaw(200, body, { 'content-type': type, ...SECURITY_HEADERS });
  };

  server.get('/advisor', async (_req: Request, res: Response) => send(res, 'text/html; charset=utf-8', page));
  server.get('/advisor/assets/:file', async (req: Request, res: Response) => {
    const asset = assets.get(String(req.params.file));
    send(res, asset?.type ?? '', asset?.body);
  });
  server.get('/advisor/i18n/:lang', async (req: Request, res: Response) => {
    send(res, 'application/json; charset=utf-8', words.get(String(req.params.lang)));
  });
  mountAdvisorApi(server, deps);
  mountAdvisorEvents(server, deps);
  deps.logger.debug('advisor console mounted at /advisor');
}
