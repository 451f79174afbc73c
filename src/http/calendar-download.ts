/**
 * `GET /api/calendar/:token`: a booking's calendar file (#13), for the link on the web chat's
 * receipt. A trust boundary open to anyone: the token must be a link the bot signed
 * (src/invitations/link.ts) for this booking and the conversation that made it, the booking must
 * still stand, and each client address may ask a bounded number of times. Every refusal is the
 * same short answer (no oracle for guessing references); the detail goes to the log.
 * @module
 */
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Dealer } from '../dealer/schema';
import { calendarFile } from '../invitations/ics';
import { CALENDAR_PATH, conversationDigest, conversationOfKey, type CalendarLinks } from '../invitations/link';
import type { RateLimits } from '../limits/rate-limits';
import type { PlanningSystem } from '../planning/planning';
import type { Renderer } from '../render/render';
import { clientAddress } from './client-address';
import { pacedLog } from './paced-log';
import { tooMany } from './refuse';

export interface CalendarDownloadDeps {
  planning: PlanningSystem;
  dealer: Dealer;
  renderer: Renderer;
  links: CalendarLinks;
  rateLimits: RateLimits;
  logger: Logger;
  trustProxyHops: number;
  /** Downloads per client address per 10 minutes. */
  perAddress?: number;
}

export function mountCalendarDownload(server: Server, deps: CalendarDownloadDeps): void {
  const limit = deps.rateLimits('calendar-downloads', { points: deps.perAddress ?? 30, durationSeconds: 600 });
  const refused = pacedLog(deps.logger);
  const answer = (res: Response, status: number, error: string) => {
    res.header('cache-control', 'no-store');
    res.send(status, { error });
  };

  server.get(`${CALENDAR_PATH}/:token`, async (req: Request, res: Response) => {
    const address = clientAddress(req, deps.trustProxyHops);
    const verdict = await limit.take(address);
    if (!verdict.allowed) {
      refused('calendar', 'warn', { address }, 'calendar download refused: too many from this address');
      return tooMany(res, verdict.retryAfterSeconds);
    }
    const signed = deps.links.verify(String(req.params.token ?? ''));
    if (!signed) {
      refused('calendar-token', 'info', { address }, 'calendar download refused: not a valid link');
      return answer(res, 404, 'not found');
    }
    try {
      const booking = await deps.planning.get(signed.reference);
      // The booking must stand, and have been made by the conversation the link was given to.
      if (!booking || booking.status !== 'confirmed' || conversationDigest(conversationOfKey(booking.idempotencyKey)) !== signed.conversation) {
        refused('calendar-booking', 'info', { address, reference: signed.reference }, 'calendar download refused: no such booking for this link');
        return answer(res, 404, 'not found');
      }
      const file = calendarFile(deps.dealer, deps.renderer, booking, signed.lang);
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8; method=PUBLISH',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(file.content);
    } catch (err) {
      deps.logger.error({ err, reference: signed.reference }, 'calendar download failed');
      return answer(res, 503, 'try again later');
    }
  });
}
