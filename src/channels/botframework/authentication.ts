/**
 * The channel's JWT check (botbuilder's), with two changes:
 * - A token whose signature, format or dates `jsonwebtoken` rejects escapes botbuilder as a plain
 *   error, and CloudAdapter answers 500 — the channel would retry, and a forged request looks like
 *   our failure. It is refused with 401 like any other bad token.
 * - botbuilder builds a new ConnectorClient and a new UserTokenClient (each an Azure HTTP
 *   pipeline, credentials included) for every incoming activity, even when the reply goes back in
 *   the response (expectReplies). They are kept per bot (and service URL and audience) instead:
 *   they hold no per-conversation state, and their credentials cache and renew their own tokens.
 * @module
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Far more than one bot meets (a few service URLs per channel and region); past it the cache starts again. */
const MAX_CLIENTS = 256;

export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string) {
    let result: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (!TOKEN_ERRORS.has((err as Error)?.name)) throw err;
      // botbuilder's own AuthenticationError (401), without depending on botframework-connector:
      // with an app id configured, a request without a token is always refused that way.
      result = await super.authenticateRequest(activity, '');
    }
    if (result.connectorFactory) result.connectorFactory = this.cached(result.connectorFactory, result.claimsIdentity);
    return result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cached(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.tokenClients, botOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  /** The factory, answering from the cache. */
  private cached(factory: ConnectorFactory, claims: ClaimsIdentity): ConnectorFactory {
    const bot = botOf(claims);
    return {
      create: (serviceUrl: string, audience?: string) =>
        kept(this.clients, `${bot}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }
}

/** The bot a request is for: the claims botbuilder takes the app id from (audience; app id and party for skills). */
function botOf(claims: ClaimsIdentity): string {
  return ['aud', 'appid', 'azp'].map((c) => claims.getClaimValue(c) ?? '').join('\n');
}

/** The value kept under `key`, else made and kept; a failure is not kept (the next activity tries again). */
function kept<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= MAX_CLIENTS) cache.clear();
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.get(key) === made && cache.delete(key));
  return made;
}

/**
 * Did this turn's request pass the channel's JWT check? Only then may it leave a way to reach
 * the customer later, or speak for a contact centre. Anonymously botbuilder still hands the turn
 * an identity — claimless, of type "anonymous" — which is not that.
 */
export function passedJwtCheck(identity: { isAuthenticated?: boolean; authenticationType?: unknown; claims?: unknown[] } | undefined): boolean {
  return identity?.isAuthenticated === true && identity.authenticationType !== 'anonymous' && (identity.claims?.length ?? 0) > 0;
}
