/**
 * A self-contained staff page (the planning board, the advisor console): its HTML, its assets and
 * its words, read once at start-up and served same-origin only, under a strict content policy.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { LANGUAGES } from '../../dialogs/model';
import { LOCALES_DIR } from '../i18n/i18n';

// Same-origin only: a token or password typed into the page can go nowhere but this bot.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export interface StaffPage {
  /** Where it is served, e.g. `/planning`; assets under `<route>/assets/`, words under `<route>/i18n/`. */
  route: string;
  /** The folder holding `index.html` and the assets. */
  dir: string;
  /** Asset file name → content type. */
  assets: Record<string, string>;
  /** The locale file of its words (`locales/<lang>/<namespace>.json`). */
  namespace: string;
}

export function mountStaffPage(server: Server, page: StaffPage): void {
  // Read once at start-up: a missing or broken file fails the start, not a staff member's page.
  const html = fs.readFileSync(path.join(page.dir, 'index.html'));
  const assets = new Map(Object.entries(page.assets).map(([file, type]) => [file, { type, body: fs.readFileSync(path.join(page.dir, file)) }]));
  const words = new Map<string, string>(
    LANGUAGES.map((lang) => [lang, JSON.stringify(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, `${page.namespace}.json`), 'utf8')))]),
  );

  // Handlers return nothing: restify warns when an async handler resolves with a value.
  const send = (res: Response, type: string, body: Buffer | string | undefined): void => {
    if (body === undefined) res.sendRaw(404, '', { 'cache-control': 'no-store' });
    else res.sendRaw(200, body, { 'content-type': type, ...SECURITY_HEADERS });
  };

  server.get(page.route, async (_req: Request, res: Response) => {
    send(res, 'text/html; charset=utf-8', html);
  });
  server.get(`${page.route}/assets/:file`, async (req: Request, res: Response) => {
    const asset = assets.get(String(req.params.file));
    send(res, asset?.type ?? '', asset?.body);
  });
  server.get(`${page.route}/i18n/:lang`, async (req: Request, res: Response) => {
    send(res, 'application/json; charset=utf-8', words.get(String(req.params.lang)));
  });
}
