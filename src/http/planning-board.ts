/**
 * The planning board for the dealer's staff (`/planning`): one static page, its CSS and script
 * (src/http/board/, no build step, no CDN) and its words (locales/<lang>/board.json). The page
 * itself holds no data: it asks for the staff token and reads the planning API with it.
 * Mounted by `mountPlanningApi`, so it exists only when the token is configured.
 * @module
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { mountStaffPage } from './staff-page';

export function mountPlanningBoard(server: Server, { logger }: { logger: Logger }): void {
  mountStaffPage(server, {
    route: '/planning',
    dir: path.resolve(__dirname, 'board'),
    namespace: 'board',
    assets: {
      'board.css': 'text/css; charset=utf-8',
      'board.js': 'text/javascript; charset=utf-8',
      'board-render.js': 'text/javascript; charset=utf-8',
      'favicon.svg': 'image/svg+xml',
    },
  });
  logger.debug('planning board mounted at /planning');
}
