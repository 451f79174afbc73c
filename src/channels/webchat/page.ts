/**
 * The customer's page: `GET /` (the chat page, also the iframe of the embed snippet), its
 * assets under `/webchat/` (src/channels/webchat/page/, no build step), Web Chat's
 * self-contained bundle served from node_modules (no CDN), and the words for the snippet.
 * Everything is read at start-up: a missing file fails the start, not a customer's page.
 * @module
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { LANGUAGES, type Lang } from '../../../dialogs/model';
import type { Dealer } from '../../dealer/schema';
import type { WebChatWords } from './words';

const PAGE_DIR = path.resolve(__dirname, 'page');
// The package's exports hide dist/, so find it from the package's entry point.
const WEBCHAT_BUNDLE = path.resolve(path.dirname(require.resolve('botframework-webchat')), '../dist/webchat.js');

const ASSETS: Record<string, string> = {
  'webchat-page.css': 'text/css; charset=utf-8',
  'webchat-page.js': 'text/javascript; charset=utf-8',
  'direct-line.js': 'text/javascript; charset=utf-8',
  'embed.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

// Scripts only from the bot; Web Chat injects its styles at run time, hence 'unsafe-inline' for
// styles. Any site may frame the page: that is what the embed snippet does.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors *",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cache-control': 'no-cache',
};

export interface PageDeps {
  words: WebChatWords;
  dealer: Dealer;
  defaultLanguage: Lang;
  logger: Logger;
}

export function mountWebChatPage(server: Server, { words, dealer, defaultLanguage, logger }: PageDeps): void {
  const settings = {
    languages: LANGUAGES,
    defaultLanguage,
    site: { name: dealer.site.name, brand: dealer.site.brand, address: dealer.site.address, phone: dealer.site.phone },
    words: words.page,
  };
  // JSON inside <script type="application/json">: escape '<' so no text can close the tag.
  const page = fs
    .readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8')
    .replace('{{settings}}', () => JSON.stringify(settings).replace(/</g, '\\u003c'));
  const assets = new Map(Object.entries(ASSETS).map(([file, type]) => [file, { type, body: fs.readFileSync(path.join(PAGE_DIR, file)) }]));
  const bundle = lazyBundle();
  const wordsJson = new Map(LANGUAGES.map((l) => [l, JSON.stringify({ site: settings.site, words: words.page[l] })]));

  const missing = (res: Response) => void res.sendRaw(404, '', { 'cache-control': 'no-store' });

  server.get('/', async (_req: Request, res: Response) => {
    res.sendRaw(200, page, { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS });
  });
  server.get('/webchat/vendor/webchat.js', async (req: Request, res: Response) => {
    const { raw, gzip, etag } = bundle();
    const headers = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400', etag, vary: 'accept-encoding', 'x-content-type-options': 'nosniff' };
    if (req.header('if-none-match') === etag) {
      res.sendRaw(304, '', headers);
      return;
    }
    const zipped = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    res.sendRaw(200, zipped ? gzip : raw, zipped ? { ...headers, 'content-encoding': 'gzip' } : headers);
  });
  // The embed snippet runs on the dealer's site and needs the words of its button: public, any origin.
  server.get('/webchat/i18n/:lang', async (req: Request, res: Response) => {
    const body = wordsJson.get(String(req.params.lang) as Lang);
    if (!body) return missing(res);
    res.sendRaw(200, body, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' });
  });
  server.get('/webchat/:file', async (req: Request, res: Response) => {
    const asset = assets.get(String(req.params.file));
    if (!asset) return missing(res);
    // embed.js is loaded by the dealer's site, cross-origin.
    const cors: Record<string, string> = req.params.file === 'embed.js' ? { 'access-control-allow-origin': '*' } : {};
    res.sendRaw(200, asset.body, { 'content-type': asset.type, ...PAGE_HEADERS, ...cors });
  });
  logger.debug('web chat page mounted at /');
}

/** Web Chat's bundle (~3.9 MB, ~1 MB gzipped), compressed once, on its first request. */
function lazyBundle(): () => { raw: Buffer; gzip: Buffer; etag: string } {
  const raw = fs.readFileSync(WEBCHAT_BUNDLE);
  let cached: { raw: Buffer; gzip: Buffer; etag: string } | undefined;
  return () => {
    cached ??= { raw, gzip: zlib.gzipSync(raw), etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"` };
    return cached;
  };
}
