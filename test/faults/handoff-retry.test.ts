/**
 * Issue #14, "nothing acknowledged is lost": the turn that hands over saves the conversation in
 * the handoff state, then opens the handoff. When that opening fails, the customer gets the
 * apology (nothing claimed), the failure is logged once, and the customer's next message opens
 * the handoff, exactly once: an advisor gets the conversation with its transcript. Real app on
 * loopback with the handoff and session stores on a real Redis; the one failed write is injected.
 */
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { message, postActivity, text } from '../support/bot-client';
import { capturingLogger } from '../support/capturing-logger';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const POLITE = /qualcosa non ha funzionato.*consulente/s;
const WAITING = /Un consulente Le risponderà a breve/;

describe('A handoff whose opening failed is opened by the next turn (#14)', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let app: App;
  let base: string;
  const lines: Record<string, any>[] = [];

  before(async function () {
    redis = await startTestRedis(this);
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'info', DEALER_CONFIG: DEALER_FILE,
      REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('handoff-retry'),
    });
    app = await createApp(config, { clock: () => MONDAY_9AM, logger: capturingLogger(lines, 'info') });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => {
    sinon.restore();
    await app?.close();
    await redis?.dispose();
  });

  const metric = async (line: RegExp) => {
    const body = await (await fetch(`${base}/metrics`)).text();
    return Number(line.exec(body)?.[1] ?? 0);
  };

  it('apologises when opening fails, opens it on the next message exactly once, and an advisor sees the conversation', async () => {
    const c = 'handoff-retry';
    const id = `bf:test:${c}`;
    const say = (mid: string, words: string) => postActivity(base, c, message(mid, words));
    await say('m0', 'buongiorno, la mia Ghibli FX456AB deve fare il tagliando');

    // The handoff store fails once (Redis dropped the connection mid-write).
    const update = sinon.stub(app.handoffStore, 'update');
    update.onFirstCall().rejects(new Error('Connection is closed.'));
    update.callThrough();

    let r = await say('m1', 'voglio parlare con una persona');
    assert.match(text(r), POLITE, 'the apology, not a claim that an advisor has it');
    assert.equal(await app.handoffStore.get(id), undefined);
    const logged = lines.filter((l) => l.port === 'handoffs');
    assert.equal(logged.length, 1, JSON.stringify(lines.filter((l) => l.level >= 40)));
    assert.equal(logged[0].conversation, id);
    assert.ok(!lines.some((l) => l.msg === 'turn failed'));

    // The client retries the same delivery: the handoff is still not open, so no claim either.
    r = await say('m1', 'voglio parlare con una persona');
    assert.match(text(r), POLITE);
    assert.equal(await app.handoffStore.get(id), undefined);

    // The next message finds the machine handed over and no handoff: it opens it.
    r = await say('m2', 'ci siete?');
    assert.match(text(r), WAITING, text(r));
    const opened = await app.handoffStore.get(id);
    assert.equal(opened?.status, 'waiting');
    assert.equal(opened?.reason, 'requested');
    assert.deepEqual((await app.handoffStore.list(opened!.siteId)).filter((h) => h.conversationId === id).length, 1, 'an advisor sees it in the queue');
    const said = (await app.handoffStore.messages(id)).filter((m) => m.from === 'customer').map((m) => m.text);
    assert.ok(said.includes('voglio parlare con una persona'), said.join(' | '));
    assert.ok(said.includes('ci siete?'), said.join(' | '));
    assert.equal(await metric(/^mc_handoffs_opened_total\{reason="requested",retried="true"\} (\d+)/m), 1);
    assert.ok(lines.some((l) => /handoff opened on a later turn/.test(l.msg)));

    // Later messages go to the advisor; the handoff is not opened again.
    r = await say('m3', 'pronto?');
    assert.doesNotMatch(text(r), POLITE);
    const still = await app.handoffStore.get(id);
    assert.equal(still?.since, opened?.since);
    assert.equal(await metric(/^mc_handoffs_opened_total\{reason="requested",retried="true"\} (\d+)/m), 1);
    assert.equal(await metric(/^mc_handoffs_opened_total\{reason="requested",retried="false"\} (\d+)/m), 0);
    assert.equal(lines.filter((l) => l.port === 'handoffs').length, 1, 'the failure was logged once');
    const customerLines = (await app.handoffStore.messages(id)).filter((m) => m.text === 'pronto?');
    assert.equal(customerLines.length, 1);
  });
});
