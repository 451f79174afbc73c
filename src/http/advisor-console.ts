/**
 * The advisor console at `/advisor`: one static page, its CSS and script (src/http/advisor/, no
 * build step, no CDN) and its words (locales/<lang>/advisor.json), with the API and the live
 * stream. The page holds nothing until its advisor signs in. Off when no advisor is configured.
 * @module
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { AdvisorSessionStore } from '../handoff/advisor-sessions';
import type { AdvisorDirectory } from '../handoff/advisors';
import type { HandoffStore } from '../handoff/handoff-store';
import type { HandoffService } from '../handoff/handoff-service';
import type { RateLimits } from '../limits/rate-limits';
import type { LoginLimits } from './advisor-login';
import { mountAdvisorApi } from './advisor-console-api';
import { mountAdvisorEvents, type AdvisorEventsDeps } from './advisor-console-events';
import { mountStaffPage } from './staff-page';

export interface AdvisorConsoleDeps {
  service: HandoffService;
  store: HandoffStore;
  directory: AdvisorDirectory;
  sessions: AdvisorSessionStore;
  sessionMinutes: number;
  /** The dealer's IANA zone, for the times the console shows. */
  timeZone: string;
  logger: Logger;
  /** The shared rate limits (sign-in failures) and the limits' settings (docs/security.md). */
  rateLimits: RateLimits;
  limits: LoginLimits & AdvisorEventsDeps['limits'];
  clock?: () => Date;
}

export function mountAdvisorConsole(server: Server, deps: AdvisorConsoleDeps): void {
  mountStaffPage(server, {
    route: '/advisor',
    dir: path.resolve(__dirname, 'advisor'),
    namespace: 'advisor',
    assets: {
      'advisor.css': 'text/css; charset=utf-8',
      'advisor.js': 'text/javascript; charset=utf-8',
      'advisor-render.js': 'text/javascript; charset=utf-8',
      'favicon.svg': 'image/svg+xml',
    },
  });
  mountAdvisorApi(server, deps);
  mountAdvisorEvents(server, deps);
  deps.logger.debug('advisor console mounted at /advisor');
}
