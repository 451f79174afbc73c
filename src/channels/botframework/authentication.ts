/**
 * The channel's JWT check (botbuilder's), with one correction: a token whose signature, format
 * or dates `jsonwebtoken` rejects escapes botbuilder as a plain error, and CloudAdapter answers
 * 500 — the channel would retry, and a forged request looks like our failure. It is refused
 * with 401 like any other bad token.
 * @module
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string) {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (!TOKEN_ERRORS.has((err as Error)?.name)) throw err;
      // botbuilder's own AuthenticationError (401), without depending on botframework-connector:
      // with an app id configured, a request without a token is always refused that way.
      return super.authenticateRequest(activity, '');
    }
  }
}
