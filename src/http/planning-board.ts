/**
 * The planning board for the dealer's staff (`/planning`): one static page, its CSS and script
 * (src/http/board/, no build step, no CDN) and its words (locales/<lang>/board.json). The page
 * itself holds no data: it asks for the staff token and reads the planning API with it.
 * Mounted by `mountPlanningApi`, so it exists only when the token is configured.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { LANGUAGES } from '../../dialogs/model';
import { LOCALES_DIR } from '../i18n/i18n';

const BOARD_DIR = path.resolve(__dirname, 'board');

const ASSETS: Record<string, string> = {
  'board.css': 'text/css; charset=utf-8',
  'board.js': 'text/javascript; charset=utf-8',
  'board-render.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

// Same-origin only: the token typed into the page can go nowhere but this bot's API.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export function mountPlanningBoard(server: Server, { logger }: { logger: Logger }): void {
  // Read once at start-up: a missing or broken file fails the start, not a staff member's page.
  const page = fs.readFileSync(path.join(BOARD_DIR, 'index.html'));
  const assets = new Map(Object.entries(ASSETS).map(([file, type]) => [file, { type, body: fs.readFileSync(path.join(BOARD_DIR, file)) }]));
  const words = new Map<string, string>(
    LANGUAGES.map((lang) => [lang, JSON.stringify(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'board.json'), 'utf8')))]),
  );

  // Handlers return nothing: restify warns when an async handler resolves with a value.
  const send = (res: Response, type: string, body: Buffer | string | undefined): void => {
    if (body === undefined) res.sendRaw(404, '', { 'cache-control': 'no-store' });
    else res.sendRaw(200, body, { 'content-type': type, ...SECURITY_HEADERS });
  };

  server.get('/planning', async (_req: Request, res: Response) => {
    send(res, 'text/html; charset=utf-8', page);
  });
  server.get('/planning/assets/:file', async (req: Request, res: Response) => {
    const asset = assets.get(String(req.params.file));
    send(res, asset?.type ?? '', asset?.body);
  });
  server.get('/planning/i18n/:lang', async (req: Request, res: Response) => {
    send(res, 'application/json; charset=utf-8', words.get(String(req.params.lang)));
  });
  logger.debug('planning board mounted at /planning');
}
