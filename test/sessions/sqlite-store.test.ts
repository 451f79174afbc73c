/**
 * The SQLite session store (the embedded default, #15) on real files in a temporary directory:
 * the shared contract (session-store-contract.ts), and what is its own: everything is kept across
 * a close and a reopen of the file, idle conversations expire (met, and swept on a timer driven by
 * a fake clock) and their space is reused, message ids and replies lapse, transcripts are capped.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import type { Envelope, SessionStore, TranscriptEntry } from '../../src/sessions/session-store';
import { createSqliteSessionStore, type SqliteSessionStore, type SqliteStoreOptions } from '../../src/sessions/sqlite';
import { sessionStoreContract } from './session-store-contract';

const envelope = (n: number, padding = ''): Envelope => ({ machine: 'booking', version: 1, snapshot: { n, padding } });
const entry = (text: string): TranscriptEntry => ({ at: '2026-11-30T08:00:00Z', from: 'customer', text });

describe('SQLite session store', () => {
  let dir: string;
  const open: SessionStore[] = [];
  const store = (options: Partial<SqliteStoreOptions> = {}, name = 'sessions.sqlite'): SqliteSessionStore => {
    const s = createSqliteSessionStore({ file: path.join(dir, name), ttlSeconds: 3600, ...options });
    open.push(s);
    return s;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-sessions-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('contract', () => {
    let s: SessionStore;
    beforeEach(() => {
      s = store();
    });
    sessionStoreContract(() => ({ instances: [s] }));
  });

  it('keeps snapshots, transcripts, handled message ids and their replies across a close and a reopen of the file', async () => {
    const first = store();
    await first.turn('c', 'm1', (t) => t.commit({ envelope: envelope(1), transcript: [entry('hello'), entry('hi')], reply: '{"r":1}' }));
    await first.turn('c', 'm2', (t) => t.commit({ envelope: envelope(2), transcript: [entry('again')] }));
    await first.close();
    await first.close(); // twice is harmless

    const second = store();
    assert.deepEqual(await second.load('c'), { envelope: envelope(2), revision: 2 });
    assert.deepEqual((await second.transcript('c')).map((e) => e.text), ['hello', 'hi', 'again']);
    assert.deepEqual(await second.turn('c', 'm1', async (t) => ({ duplicate: t.duplicate, reply: t.reply })), { duplicate: true, reply: '{"r":1}' });
    assert.equal(await second.turn('c', 'm3', async (t) => t.duplicate), false);
    const next = await second.turn('c', 'm3', async (t) => {
      assert.deepEqual(t.stored, { envelope: envelope(2), revision: 2 });
      return t.commit({ envelope: envelope(3), transcript: [] });
    });
    assert.equal(next, true);
    assert.equal((await second.load('c'))?.revision, 3);
  });

  it('forgets an idle conversation after its TTL; any commit, with or without an envelope, keeps it alive', async () => {
    let now = 0;
    const s = store({ ttlSeconds: 10, clock: () => now });
    await s.turn('c', undefined, (t) => t.commit({ envelope: envelope(1), transcript: [entry('hi')] }));
    now = 9_000;
    await s.turn('c', undefined, (t) => t.commit({ transcript: [] }));
    now = 18_000;
    assert.deepEqual(await s.load('c'), { envelope: envelope(1), revision: 1 }, 'the commit without an envelope refreshed it');
    now = 19_001;
    assert.equal(await s.load('c'), undefined);
    assert.equal(await s.turn('c', undefined, async (t) => t.stored), undefined);
    assert.deepEqual(await s.transcript('c'), [], 'the transcript goes with it');
    assert.equal(await s.turn('c', undefined, (t) => t.commit({ envelope: envelope(2), transcript: [] })), true);
    assert.equal((await s.load('c'))?.revision, 1, 'starts again from revision 0');
  });

  it('keeps a conversation only opened for the shorter TTL its commit asks for', async () => {
    let now = 0;
    const s = store({ ttlSeconds: 3600, clock: () => now });
    await s.turn('opened', undefined, (t) => t.commit({ envelope: envelope(1), transcript: [], ttlSeconds: 60 }));
    now = 59_000;
    assert.equal((await s.load('opened'))?.revision, 1);
    now = 60_000;
    assert.equal(await s.load('opened'), undefined);
  });

  it('remembers a handled message id for its TTL, and its reply for the shorter reply TTL', async () => {
    let now = 0;
    const s = store({ clock: () => now, seenTtlSeconds: 100, replyTtlSeconds: 10 });
    const again = () => s.turn('c', 'm', async (t) => ({ duplicate: t.duplicate, reply: t.reply }));
    await s.turn('c', 'm', (t) => t.commit({ envelope: envelope(1), transcript: [], reply: 'answer' }));
    assert.deepEqual(await again(), { duplicate: true, reply: 'answer' });
    now = 10_000;
    assert.deepEqual(await again(), { duplicate: true, reply: undefined }, 'the reply lapsed, the message is still handled');
    now = 100_000;
    assert.deepEqual(await again(), { duplicate: false, reply: undefined }, 'the message id lapsed');
  });

  it('caps a transcript at maxTranscript entries and maxTranscriptBytes, the oldest going first, the newest always kept', async () => {
    const s = store({ maxTranscript: 3, maxTranscriptBytes: 400 });
    for (let i = 1; i <= 5; i++) await s.turn('n', undefined, (t) => t.commit({ transcript: [entry(`m${i}`)] }));
    assert.deepEqual((await s.transcript('n')).map((e) => e.text), ['m3', 'm4', 'm5']);
    await s.appendTranscript('n', [entry('x'.repeat(300))]);
    assert.deepEqual((await s.transcript('n')).map((e) => e.text.slice(0, 2)), ['xx'], 'the byte budget leaves only the newest');
    await s.appendTranscript('n', [entry('y'.repeat(600))]);
    assert.deepEqual((await s.transcript('n')).map((e) => e.text.slice(0, 2)), ['yy'], 'an entry alone over budget is still kept');
    await s.appendTranscript('n', [entry('z'.repeat(5000))]);
    assert.equal((await s.transcript('n'))[0].text.length, 4000, 'an entry\'s text is cut to 4,000 characters');
  });

  it('sweeps lapsed message ids in batches until none is left, whatever else expired', async () => {
    let now = 0;
    const s = store({ ttlSeconds: 3600, seenTtlSeconds: 60, clock: () => now });
    for (let i = 0; i < 1200; i++) await s.turn('chatty', `m${i}`, (t) => t.commit({ transcript: [entry(`m${i}`)] }));
    assert.equal(s.storage().handledMessages, 1200);
    now = 61_000;
    assert.equal(s.sweep(), 0, 'no conversation expired');
    assert.equal(s.storage().handledMessages, 0);
    assert.equal((await s.transcript('chatty')).length, 500, 'the conversation stays, its transcript capped');
  });

  describe('sweep, on a fake clock', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      // Date and the interval timers only: the sweep's interval runs when the clock is ticked.
      clock = sinon.useFakeTimers({ now: Date.UTC(2026, 10, 30, 8), toFake: ['Date', 'setInterval', 'clearInterval'] });
    });
    afterEach(() => clock.restore());

    const fill = async (s: SessionStore, from: number, count: number, padding: string) => {
      for (let i = from; i < from + count; i++) {
        await s.turn(`idle:${i}`, `m${i}`, (t) => t.commit({ envelope: envelope(i, padding), transcript: [entry(`hello ${padding}`), entry(`hi ${i}`)], reply: padding }));
      }
    };

    it('deletes idle conversations nobody meets again, and gives their space back to be reused', async () => {
      const s = store({ ttlSeconds: 600, seenTtlSeconds: 600, replyTtlSeconds: 60, sweepEveryMs: 60_000 });
      const padding = 'p'.repeat(2800); // about a real snapshot's size
      await fill(s, 0, 600, padding);
      await s.turn('kept', undefined, (t) => t.commit({ envelope: envelope(0), transcript: [entry('kept')] }));
      const full = s.storage();
      assert.equal(s.size, 601);

      clock.tick(9 * 60_000);
      await s.turn('kept', undefined, (t) => t.commit({ transcript: [] })); // met again: alive
      clock.tick(2 * 60_000); // past the idle ones' TTL; the sweeps ran on the timer
      assert.equal(s.size, 1, 'only the conversation met again is left');
      assert.equal((await s.load('kept'))?.revision, 1);
      assert.deepEqual((await s.transcript('kept')).map((e) => e.text), ['kept']);
      assert.equal(await s.load('idle:7'), undefined);
      assert.deepEqual(await s.transcript('idle:7'), []);
      const swept = s.storage();
      assert.deepEqual({ transcript: swept.transcriptEntries, handled: swept.handledMessages, replies: swept.replies }, { transcript: 1, handled: 0, replies: 0 });
      assert.ok(swept.pages < full.pages / 4, `the file shrank: ${full.pages} pages full, ${swept.pages} swept`);
      assert.ok(swept.walBytes < 1024 * 1024, `the write-ahead log was checkpointed: ${swept.walBytes} bytes`);

      // As many new conversations again: the file grows back to about the same size, not twice it.
      await fill(s, 1000, 600, padding);
      const refilled = s.storage();
      assert.ok(refilled.pages <= full.pages * 1.1, `space reused: ${full.pages} pages before, ${refilled.pages} after`);
    });

    it('stops its timer on close', async () => {
      const s = store({ sweepEveryMs: 60_000 });
      assert.equal(clock.countTimers(), 1);
      await s.close();
      assert.equal(clock.countTimers(), 0);
    });
  });
});
