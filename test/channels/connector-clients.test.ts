/**
 * Connector and user-token clients are kept per bot, service URL and audience, instead of a new
 * Azure pipeline per activity (src/channels/botframework/authentication.ts).
 */
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { ChannelAuthentication } from '../../src/channels/botframework/authentication';

const activity = (serviceUrl: string) => ({ type: 'message', serviceUrl, channelId: 'webchat', conversation: { id: 'c' } }) as Activity;

describe('Bot Framework connector clients', () => {
  it('gives every activity from the same service URL the same connector client, and another URL its own', async () => {
    const auth = new ChannelAuthentication({});
    const a = await auth.authenticateRequest(activity('https://a.example'), '');
    const b = await auth.authenticateRequest(activity('https://a.example'), '');
    const clientA = await a.connectorFactory!.create('https://a.example', a.audience);
    assert.equal(await b.connectorFactory!.create('https://a.example', b.audience), clientA);
    assert.notEqual(await b.connectorFactory!.create('https://b.example', b.audience), clientA);
    const proactive = auth.createConnectorFactory(a.claimsIdentity);
    assert.equal(await proactive.create('https://a.example', a.audience), clientA, 'proactive messages share it too');
  });

  it('keeps one user-token client per bot', async () => {
    const auth = new ChannelAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://a.example'), '');
    assert.equal(await auth.createUserTokenClient(claimsIdentity), await auth.createUserTokenClient(claimsIdentity));
  });

  it('keeps nothing between two authentications (two bots in one process)', async () => {
    const [one, two] = [new ChannelAuthentication({}), new ChannelAuthentication({})];
    const a = await one.authenticateRequest(activity('https://a.example'), '');
    const b = await two.authenticateRequest(activity('https://a.example'), '');
    assert.notEqual(await a.connectorFactory!.create('https://a.example'), await b.connectorFactory!.create('https://a.example'));
  });
});
