/**
 * An authenticated Bot Framework channel for tests, with only what is outside our walls faked:
 * Microsoft's OpenID signing keys (so that a token this file signs passes botbuilder's real JWT
 * validation) and, for the bot's own outgoing calls, MSAL's token acquisition. The same shapes
 * as test/channels/teams-auth.test.ts.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import sinon from 'sinon';
import { AppCredentials, MsalAppCredentials } from 'botframework-connector';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';

export const APP_ID = '6a0f4c1e-2b7d-4e8a-9c3f-5d1b2a7e9f10';
/** What the bot's outgoing calls carry in Authorization (Bearer …). */
export const BOT_TOKEN = 'stub-access-token-for-the-connector';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export interface ChannelKeys {
  /** A channel token for `serviceUrl`, as the Bot Connector signs it. */
  token(serviceUrl: string, claims?: Record<string, unknown>): string;
  /** `{ authorization: 'Bearer …' }` for a request whose activity has this serviceUrl. */
  headers(serviceUrl: string): Record<string, string>;
  restore(): void;
}

/** Microsoft's published key, as the metadata fetch would return it, endorsed for `channels`. */
export function stubChannelKeys(channels: string[] = ['msteams', 'directline', 'webchat', 'test']): ChannelKeys {
  const microsoft = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stub = sinon.stub(OpenIdMetadata.prototype, 'getKey').resolves({
    key: microsoft.publicKey.export({ type: 'spki', format: 'pem' }) as string, endorsements: channels,
  });
  const token = (serviceUrl: string, claims: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'test-key' })}.${b64({
      iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 600, ...claims,
    })}`;
    return `${body}.${sign('sha256', Buffer.from(body), microsoft.privateKey).toString('base64url')}`;
  };
  return { token, headers: (serviceUrl) => ({ authorization: `Bearer ${token(serviceUrl)}` }), restore: () => stub.restore() };
}

/** MSAL's client-credentials call (login.microsoftonline.com), answered with BOT_TOKEN. */
export function stubBotToken(): { acquire: sinon.SinonStub; restore(): void } {
  // refreshToken is protected: the call getToken makes when its cache has nothing.
  const msal = MsalAppCredentials.prototype as unknown as { refreshToken(): Promise<{ accessToken: string; expiresOn: Date }> };
  const acquire = sinon.stub(msal, 'refreshToken').callsFake(async () => ({ accessToken: BOT_TOKEN, expiresOn: new Date(Date.now() + 3600_000) }));
  return {
    acquire,
    restore: () => {
      acquire.restore();
      // botbuilder caches tokens process-wide: leave nothing for other suites.
      const { cache } = AppCredentials as unknown as { cache: Map<string, unknown> };
      for (const key of [...cache.keys()]) if (key.includes(APP_ID)) cache.delete(key);
    },
  };
}
