/**
 * The channel's JWT check (botbuilder's), with two changes:
 * - A token whose signature, format or dates `jsonwebtoken` rejects escapes botbuilder as a plain
 *   error, and CloudAdapter answers 500 — the channel would retry, and a forged request looks like
 *   our failure. It is refused with 401 like any other bad token.
 * - botbuilder builds a new ConnectorClient (an Azure HTTP pipeline, credentials included) for
 *   every incoming activity, even when the reply goes back in the response (expectReplies). The
 *   clients are kept per bot, service URL and audience instead: they hold no per-conversation
 *   state, and their credentials cache and renew their own tokens.
 * @module
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];

/** Far more than one bot meets (a few service URLs per channel and region); past it the cache starts again. */
const MAX_CLIENTS = 256;

export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

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

  /** The factory, answering from the cache; the bot is the claims' audience (the app id). */
  private cached(factory: ConnectorFactory, claims: ClaimsIdentity): ConnectorFactory {
    const bot = claims.getClaimValue('aud') ?? '';
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = `${bot}\n${serviceUrl}\n${audience ?? ''}`;
        let client = this.clients.get(key);
        if (!client) {
          if (this.clients.size >= MAX_CLIENTS) this.clients.clear();
          const created = factory.create(serviceUrl, audience);
          this.clients.set(key, created);
          // A failure is not kept: the next activity tries again.
          created.catch(() => this.clients.get(key) === created && this.clients.delete(key));
          client = created;
        }
        return client;
      },
    };
  }
}
