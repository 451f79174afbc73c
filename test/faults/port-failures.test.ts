/**
 * Issue #14, "every failure seen": when a port fails (planning, entitlements, places, session
 * store) the customer still gets the usual answer with a way on (retry or a person; nothing
 * claimed), and the failure is logged once (pino, captured) with its port and conversation,
 * without the customer's words; GET /metrics counts turns, bookings and failures, and answers
 * only this machine or a caller with METRICS_TOKEN. Real app on loopback, real SQLite planning,
 * real Redis; only the outside systems behind entitlements and places are stand-ins that fail.
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import { createEmbeddedEntitlements } from '../../src/entitlements/embedded';
import type { Entitlements } from '../../src/entitlements/entitlements';
import { createApp, type App } from '../../src/main';
import type { Overrides } from '../../src/compose';
import type { Places } from '../../src/places/places';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { awaiting, booking, message, postActivity, text, type Reply } from '../support/bot-client';
import { capturingLogger } from '../support/capturing-logger';
import { startTestRedis, uniquePrefix, type TestRedis } from '../support/redis-server';

const FULL = 'Buongiorno, sono Luisa Ferri, la Levante GH123KL deve fare il tagliando venerdì mattina, prendo un taxi';
const SYSTEM_DOWN = /non riesco a consultare il nostro sistema/;
const POLITE = /qualcosa non ha funzionato.*consulente/s;
const PERSONAL = ['Luisa', 'Ferri', 'GH123KL', 'tagliando', 'Giardini'];

interface Running {
  app: App;
  base: string;
  lines: Record<string, any>[];
  say(conversation: string, id: string, words: string): Promise<Reply>;
  metrics(headers?: Record<string, string>, host?: string): Promise<{ status: number; body: string; type: string | null }>;
  close(): Promise<void>;
}

async function run(env: Record<string, string> = {}, overrides: Overrides = {}): Promise<Running> {
  const lines: Record<string, any>[] = [];
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', LOG_LEVEL: 'info', DEALER_CONFIG: DEALER_FILE, ...env });
  const app = await createApp(config, { clock: () => MONDAY_9AM, logger: capturingLogger(lines, 'info'), ...overrides });
  const { port } = await app.listen();
  const base = `http://127.0.0.1:${port}`;
  return {
    app, base, lines,
    say: (c, id, words) => postActivity(base, c, message(id, words)),
    async metrics(headers = {}, host = '127.0.0.1') {
      const res = await fetch(`http://${host}:${port}/metrics`, { headers });
      return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
    },
    close: () => app.close(),
  };
}

/** The value of one sample line of the Prometheus text, 0 when absent. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of body.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(m[3]);
  }
  return 0;
}

const failures = (lines: Record<string, any>[], port: string) => lines.filter((l) => l.port === port);
const noPersonalData = (lines: Record<string, any>[]) => {
  const all = JSON.stringify(lines);
  for (const word of PERSONAL) assert.ok(!all.includes(word), `"${word}" in the log`);
};
/** The customer was offered a way on: a choice, and no booking. */
const wayOn = (r: Reply) => {
  assert.ok(r.activities.at(-1)?.suggestedActions?.actions.length, text(r));
  assert.equal(booking(r), undefined);
};

describe('Port failures: the customer goes on, the operator sees each one once (#14)', function () {
  this.timeout(60_000);

  it('planning down (its database closed): "system down, retry or a person", one log line, counted in /metrics', async () => {
    const planning = createSqlitePlanning(loadDealer(DEALER_FILE), { file: ':memory:', clock: () => MONDAY_9AM });
    const s = await run({}, { planning });
    try {
      await planning.close(); // every call now fails: "The database connection is not open"
      const r = await s.say('pf-planning', 'm1', FULL);
      assert.equal(r.status, 200);
      assert.match(text(r), SYSTEM_DOWN);
      wayOn(r);
      const logged = failures(s.lines, 'planning');
      assert.equal(logged.length, 1, JSON.stringify(s.lines));
      assert.equal(logged[0].level, 50);
      assert.equal(logged[0].conversation, 'bf:test:pf-planning');
      assert.ok(!s.lines.some((l) => l.msg === 'turn failed'), 'not logged a second time as a turn failure');
      noPersonalData(s.lines);
      const m = await s.metrics();
      assert.equal(m.status, 200);
      assert.equal(sample(m.body, 'mc_port_failures_total', { port: 'planning' }), 1);
      assert.equal(sample(m.body, 'mc_port_failures_total', { port: 'entitlements' }), 0);
      assert.equal(sample(m.body, 'mc_turns_total', { channel: 'botframework', outcome: 'answered' }), 1);
    } finally {
      await s.close();
    }
  });

  it('entitlements down: the customer is told and offered a way on, one log line', async () => {
    const entitlements: Entitlements = { lookup: async () => { throw new Error('entitlements: connect ECONNREFUSED'); } };
    const s = await run({}, { entitlements });
    try {
      const r = await s.say('pf-ent', 'm1', 'ciao devo fare il tagliando alla levante GH123KL');
      assert.match(text(r), SYSTEM_DOWN);
      wayOn(r);
      assert.equal(failures(s.lines, 'entitlements').length, 1, JSON.stringify(s.lines));
      assert.equal(failures(s.lines, 'entitlements')[0].conversation, 'bf:test:pf-ent');
      noPersonalData(s.lines);
      assert.equal(sample((await s.metrics()).body, 'mc_port_failures_total', { port: 'entitlements' }), 1);
    } finally {
      await s.close();
    }
  });

  it('gazetteer down while locating a pick-up address: told and offered a way on, one log line', async () => {
    const places: Places = { locate: async () => { throw new Error('gazetteer: index unreadable'); } };
    const s = await run({}, { places });
    try {
      let r = await s.say('pf-places', 'm1', "Buongiorno, sono Luisa Ferri, la Levante GH123KL deve fare il tagliando venerdì mattina, potete ritirare l'auto a casa mia?");
      assert.equal(awaiting(r), 'address', text(r));
      r = await s.say('pf-places', 'm2', 'via Giardini 400, Modena');
      assert.match(text(r), SYSTEM_DOWN);
      wayOn(r);
      assert.equal(failures(s.lines, 'places').length, 1, JSON.stringify(s.lines));
      noPersonalData(s.lines);
      assert.equal(sample((await s.metrics()).body, 'mc_port_failures_total', { port: 'places' }), 1);
    } finally {
      await s.close();
    }
  });

  describe('with Redis', () => {
    let redis: TestRedis;
    before(async function () {
      redis = await startTestRedis(this);
      if (!redis.controllable) this.skip();
    });
    after(async () => redis?.dispose());

    it('session store down: the apology with a person on offer, one log line, counted; the same message goes through once Redis is back', async () => {
      const s = await run({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix('pf-sessions') });
      try {
        await redis.stop();
        let r = await s.say('pf-sessions', 'm1', FULL);
        assert.equal(r.status, 200);
        assert.match(text(r), POLITE);
        wayOn(r);
        const logged = failures(s.lines, 'sessions');
        assert.equal(logged.length, 1, JSON.stringify(s.lines.filter((l) => l.level >= 50)));
        assert.equal(logged[0].conversation, 'bf:test:pf-sessions');
        noPersonalData(s.lines);
        const m = await s.metrics();
        assert.equal(sample(m.body, 'mc_session_store_errors_total'), 1);
        assert.equal(sample(m.body, 'mc_port_failures_total', { port: 'sessions' }), 1);
        assert.equal(sample(m.body, 'mc_turns_total', { channel: 'botframework', outcome: 'failed' }), 1);

        await redis.start();
        for (let i = 0; ; i++) {
          r = await s.say('pf-sessions', 'm1', FULL);
          if (!POLITE.test(text(r)) || i > 100) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.equal(awaiting(r), 'confirm', text(r));
      } finally {
        await s.close();
      }
    });
  });

  describe('GET /metrics', () => {
    it('after a booking: the booking, the turns and the latency histogram, in the Prometheus format', async () => {
      const s = await run();
      try {
        let r = await s.say('pf-book', 'm1', FULL);
        assert.equal(awaiting(r), 'confirm', text(r));
        const yes = r.activities.at(-1)!.suggestedActions!.actions[0].value;
        r = await s.say('pf-book', 'm2', yes);
        assert.ok(booking(r), text(r));
        const m = await s.metrics();
        assert.equal(m.status, 200);
        assert.match(m.type ?? '', /^text\/plain/);
        assert.equal(sample(m.body, 'mc_bookings_total', { solution: 'taxi', channel: 'botframework' }), 1);
        assert.equal(sample(m.body, 'mc_turns_total', { channel: 'botframework', outcome: 'answered' }), 2);
        assert.equal(sample(m.body, 'mc_turn_duration_seconds_count'), 2);
        assert.equal(sample(m.body, 'mc_port_failures_total', { port: 'planning' }), 0);
        assert.match(m.body, /# TYPE mc_turn_duration_seconds histogram/);
        assert.match(m.body, /^mc_process_cpu_user_seconds_total /m);
        // A retried delivery is a duplicate, not a second booking.
        await s.say('pf-book', 'm2', yes);
        const again = await s.metrics();
        assert.equal(sample(again.body, 'mc_bookings_total', { solution: 'taxi', channel: 'botframework' }), 1);
        assert.equal(sample(again.body, 'mc_turns_total', { channel: 'botframework', outcome: 'duplicate' }), 1);
      } finally {
        await s.close();
      }
    });

    it('after a booking, a handoff and a port failure on one instance: one scrape counts each (the "Done when" of #14)', async () => {
      // The real embedded entitlements, failing while `down` (the DMS behind them unreachable).
      const real = createEmbeddedEntitlements(loadDealer(DEALER_FILE));
      let down = false;
      const entitlements: Entitlements = {
        lookup: async (id) => {
          if (down) throw new Error('entitlements: connect ECONNREFUSED');
          return real.lookup(id);
        },
      };
      const s = await run({}, { entitlements });
      try {
        const before = await s.metrics();
        for (const [name, labels] of [
          ['mc_bookings_total', { solution: 'taxi', channel: 'botframework' }],
          ['mc_handoffs_opened_total', { reason: 'requested', retried: 'false' }],
          ['mc_port_failures_total', { port: 'entitlements' }],
        ] as const) assert.equal(sample(before.body, name, labels), 0, `${name} before`);

        // A booking.
        let r = await s.say('m-book', 'm1', FULL);
        assert.equal(awaiting(r), 'confirm', text(r));
        r = await s.say('m-book', 'm2', r.activities.at(-1)!.suggestedActions!.actions[0].value);
        assert.ok(booking(r), text(r));
        // A handoff the customer asks for.
        await s.say('m-person', 'm1', 'buongiorno, la mia Ghibli FX456AB deve fare il tagliando');
        r = await s.say('m-person', 'm2', 'voglio parlare con una persona');
        assert.equal((await s.app.handoffStore.get('bf:test:m-person'))?.status, 'waiting', text(r));
        // A port failure.
        down = true;
        r = await s.say('m-down', 'm1', 'ciao devo fare il tagliando alla levante GH123KL');
        assert.match(text(r), SYSTEM_DOWN);

        const m = (await s.metrics()).body;
        assert.equal(sample(m, 'mc_bookings_total', { solution: 'taxi', channel: 'botframework' }), 1);
        assert.equal(sample(m, 'mc_handoffs_opened_total', { reason: 'requested', retried: 'false' }), 1);
        assert.equal(sample(m, 'mc_port_failures_total', { port: 'entitlements' }), 1);
        assert.equal(sample(m, 'mc_port_failures_total', { port: 'planning' }), 0);
        assert.equal(sample(m, 'mc_turns_total', { channel: 'botframework', outcome: 'answered' }), 5);
        assert.equal(sample(m, 'mc_turn_duration_seconds_count'), 5);
        assert.equal(failures(s.lines, 'entitlements').length, 1, 'and the failure logged once');
      } finally {
        await s.close();
      }
    });

    it('is refused to a caller forwarded by a proxy, and to another machine, without the token; open with it', async () => {
      const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      const s = await run({ HOST: external ? '0.0.0.0' : '127.0.0.1', METRICS_TOKEN: 'scrape-me-0123456789' });
      try {
        assert.equal((await s.metrics()).status, 200, 'this machine');
        const forwarded = await s.metrics({ 'x-forwarded-for': '203.0.113.9' });
        assert.equal(forwarded.status, 401);
        assert.doesNotMatch(forwarded.body, /mc_/);
        assert.equal((await s.metrics({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer wrong' })).status, 401);
        assert.equal((await s.metrics({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer scrape-me-0123456789' })).status, 200);
        if (external) {
          const other = await s.metrics({}, external);
          assert.equal(other.status, 401, 'another machine without the token');
          assert.doesNotMatch(other.body, /mc_/);
          assert.equal((await s.metrics({ authorization: 'Bearer scrape-me-0123456789' }, external)).status, 200);
        }
      } finally {
        await s.close();
      }
      // Without a token configured: only this machine.
      const t = await run({ HOST: external ? '0.0.0.0' : '127.0.0.1' });
      try {
        assert.equal((await t.metrics()).status, 200);
        assert.equal((await t.metrics({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer anything' })).status, 403);
        if (external) assert.equal((await t.metrics({}, external)).status, 403);
      } finally {
        await t.close();
      }
    });
  });
});
