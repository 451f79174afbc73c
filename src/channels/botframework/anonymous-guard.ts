/**
 * /api/messages without MicrosoftAppId (development): nobody is authenticated, so the caller
 * decides nothing that reaches past its own request. Only this machine may call (unless
 * ANONYMOUS_CALLERS=any, on purpose), and the bot's answers go back in the response
 * (`deliveryMode: expectReplies`) or to a service URL the operator allowed
 * (ANONYMOUS_SERVICE_URLS) — never to a URL the caller chose, which would let anyone make the
 * bot POST to any address it can reach. With an app id, botbuilder checks the channel's JWT
 * (which names the service URL) and none of this applies.
 * @module
 */
import type { Logger } from 'pino';
import type { Request } from 'restify';
import type { Config } from '../../config';
import { fromLoopback } from '../../http/client-address';

export interface Refusal {
  status: 400 | 403;
  /** A short, generic body. */
  reason: string;
}

type Settings = Pick<Config, 'MicrosoftAppId' | 'ANONYMOUS_CALLERS' | 'ANONYMOUS_SERVICE_URLS'>;

/** Who may call: any channel with a JWT; anonymously, this machine's own socket peers only. */
export function callerRefusal(req: Request, config: Pick<Settings, 'MicrosoftAppId' | 'ANONYMOUS_CALLERS'>): Refusal | undefined {
  if (config.MicrosoftAppId || config.ANONYMOUS_CALLERS === 'any' || fromLoopback(req)) return undefined;
  return { status: 403, reason: 'forbidden' };
}

/** Where the replies would go: checked before any turn runs, so that a refusal changes nothing. */
export function replyRefusal(activity: { deliveryMode?: string | null; serviceUrl?: string | null }, config: Settings): Refusal | undefined {
  if (config.MicrosoftAppId || activity.deliveryMode === 'expectReplies') return undefined;
  if (activity.serviceUrl && allowedServiceUrl(activity.serviceUrl, config.ANONYMOUS_SERVICE_URLS)) return undefined;
  return { status: 400, reason: 'replies only with deliveryMode expectReplies' };
}

/**
 * Same origin as an allowed entry and under its path. Compared as parsed URLs, not as strings:
 * `http://127.0.0.1:3978@evil/` starts with `http://127.0.0.1:3978` but goes to `evil`.
 */
export function allowedServiceUrl(serviceUrl: string, allowed: string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return allowed.some((entry) => {
    const a = new URL(entry);
    const base = a.pathname.endsWith('/') ? a.pathname : `${a.pathname}/`;
    return url.origin === a.origin && (url.pathname === a.pathname || url.pathname.startsWith(base));
  });
}

/** Said once at start: anonymous mode is for development. */
export function announceAnonymous(config: Settings, logger: Logger): void {
  if (config.MicrosoftAppId) return;
  if (config.ANONYMOUS_CALLERS === 'any') {
    logger.error('/api/messages is anonymous (no MicrosoftAppId) and ANONYMOUS_CALLERS=any: any address can talk to the bot; never in production');
  } else {
    logger.warn('/api/messages is anonymous (no MicrosoftAppId): for development only; callers on this machine, replies through expectReplies or ANONYMOUS_SERVICE_URLS');
  }
}
