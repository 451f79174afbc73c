/**
 * The session store over TLS (#14): a redis-server that speaks only TLS (`--port 0`), with a
 * throwaway CA and server certificate made by openssl in the test's temp dir
 * (test/support/redis-topologies.ts). The bot trusts the CA named by REDIS_TLS_CA_FILE and books
 * through `rediss://`; a server it cannot verify is refused with a clear log line, the customer
 * gets the polite apology and nothing crashes. Without openssl or TLS in redis-server the suite is
 * skipped — except on CI, where that is a failure.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import pino from 'pino';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import type { TurnOutput } from '../../src/engine/turn-engine';
import { conversationKeys } from '../../src/sessions/redis-keys';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { capturingLogger } from '../support/capturing-logger';
import { uniquePrefix } from '../support/redis-server';
import { startTlsRedis, until, type TlsRedis } from '../support/redis-topologies';

const FIRST = 'Buongiorno, sono Luisa Ferri, la Levante GH123KL deve fare il tagliando venerdì mattina, prendo un taxi';
const POLITE = /qualcosa non ha funzionato.*consulente/s;
const textOf = (r: TurnOutput) => r.messages.map((m) => m.text).join('\n');

describe('Redis over TLS (rediss://, a locally generated certificate)', function () {
  this.timeout(30_000);
  let server: TlsRedis;
  const prefix = uniquePrefix('tls');

  before(async function () {
    server = await startTlsRedis(this);
  });
  after(async () => server?.dispose());

  /** The real engine on the TLS server, with the planning in memory, on the test clock. */
  async function engine(env: Record<string, string>, logger = pino({ level: 'silent' })) {
    const config = loadConfig({ REDIS_URL: server.url, REDIS_KEY_PREFIX: prefix, PLANNING_URL: 'memory', DEALER_CONFIG: DEALER_FILE, LOG_LEVEL: 'silent', ...env });
    const built = await createEngine(config, loadDealer(DEALER_FILE), { clock: () => MONDAY_9AM, logger });
    const say = (conversationId: string, text: string, messageId: string) =>
      built.engine.handle({ conversationId, kind: 'message', text, locale: 'it', messageId });
    const close = async () => {
      await built.handoffs.close();
      await built.sessions.close();
      await built.planning.close();
    };
    return { ...built, say, close };
  }

  it('books through rediss:// when REDIS_TLS_CA_FILE names the CA that signed the server certificate', async () => {
    const bot = await engine({ REDIS_TLS_CA_FILE: server.caFile });
    try {
      await until('the bot to reach Redis over TLS', () => bot.sessions.ping().then(() => true));
      let r = await bot.say('tls-booking', FIRST, 'm1');
      assert.equal(r.messages.findLast((m) => m.awaiting)?.awaiting, 'confirm', textOf(r));
      const yes = r.messages.flatMap((m) => m.choices ?? [])[0].value;
      r = await bot.say('tls-booking', yes, 'm2');
      const booking = r.messages.find((m) => m.booking)?.booking;
      assert.equal(booking?.customerName, 'Luisa Ferri', textOf(r));
      assert.equal((await bot.say('tls-booking', yes, 'm2')).duplicate, true, 'a retried delivery is found in the store');
      // The conversation is on that server: read back over TLS by a client of our own.
      const own = new Redis(server.url, { tls: { ca: readFileSync(server.caFile) }, maxRetriesPerRequest: 0 });
      try {
        assert.equal(await own.hget(conversationKeys(prefix, 'tls-booking').snapshot, 'rev'), '2');
      } finally {
        own.disconnect();
      }
    } finally {
      await bot.close();
    }
  });

  for (const [what, env] of [
    ['another CA', () => ({ REDIS_TLS_CA_FILE: server.otherCaFile })],
    ['only the system CAs (no REDIS_TLS_CA_FILE)', () => ({})],
  ] as const) {
    it(`refuses the server when trusting ${what}: a clear log line, the polite apology, no crash`, async () => {
      const lines: Record<string, any>[] = [];
      const bot = await engine(env(), capturingLogger(lines, 'warn'));
      try {
        const refused = () => lines.find((l) => /certificate/i.test(l.err?.message ?? ''));
        const line = await until('the refusal to be logged', async () => refused());
        assert.equal(line.level, 40);
        assert.match(line.err.message, /TLS.*not trusted.*REDIS_TLS_CA_FILE/s, JSON.stringify(line));
        await assert.rejects(bot.sessions.ping());
        const r = await bot.say('tls-refused', FIRST, 'm1');
        assert.match(textOf(r), POLITE);
        // By now the client has retried (back-off from 100 ms): still the one line.
        await until('a reconnect attempt', async () => (await bot.sessions.ping().catch(() => 'refused')) === 'refused' && Date.now() - line.time > 500);
        assert.equal(lines.filter((l) => l.err?.message === line.err.message).length, 1, 'logged once, not on every reconnect');
      } finally {
        await bot.close();
      }
    });
  }

  it('names the setting when REDIS_TLS_CA_FILE cannot be read, at start-up', async () => {
    const missing = path.join(path.dirname(server.caFile), 'no-such-ca.crt');
    await assert.rejects(engine({ REDIS_TLS_CA_FILE: missing }), (err: Error) => /REDIS_TLS_CA_FILE/.test(err.message) && err.message.includes(missing));
  });
});
