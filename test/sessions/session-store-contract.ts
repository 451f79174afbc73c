/**
 * The `SessionStore` contract, shared by every store (memory-store.test.ts, redis-turn.test.ts):
 * what a turn sees and commits, transcripts, message ids, and one turn at a time per conversation.
 * `get` gives the store's instances sharing the same data: one for the memory store, several
 * (each on its own connection) for Redis; the cases alternate between them. Conversation ids are
 * fresh per case, so a shared store needs no cleaning. No timing assertions.
 */
import assert from 'node:assert/strict';
import { TurnLimitedError, type Envelope, type SessionStore, type TranscriptEntry } from '../../src/sessions/session-store';
import { gate } from '../support/redis-store';

export interface ContractSubject {
  /** Instances of the store sharing its data (at least one). */
  instances: SessionStore[];
}

const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { n } });
const entry = (text: string, from: TranscriptEntry['from'] = 'customer'): TranscriptEntry => ({ at: `at-${text}`, from, text });
const counterOf = (e: Envelope | undefined) => (e?.snapshot as { n: number } | undefined)?.n ?? 0;
const tick = () => new Promise<void>((r) => setImmediate(r));

export function sessionStoreContract(get: () => ContractSubject): void {
  let seq = 0;
  const fresh = (name: string) => `contract:${name}:${++seq}:${Math.random().toString(36).slice(2, 8)}`;
  const pick = (i: number) => {
    const { instances } = get();
    return instances[i % instances.length];
  };

  it('gives a new conversation no stored session, and a fence', async () => {
    const id = fresh('new');
    const seen = await pick(0).turn(id, undefined, async (t) => ({ stored: t.stored, fence: t.fence, duplicate: t.duplicate }));
    assert.equal(seen.stored, undefined);
    assert.equal(seen.duplicate, false);
    assert.ok(seen.fence > 0, String(seen.fence));
    assert.equal(await pick(1).load(id), undefined, 'a turn that commits nothing stores nothing');
  });

  it('shows the next turn what the last one committed, one revision later', async () => {
    const id = fresh('commit');
    assert.equal(await pick(0).turn(id, undefined, (t) => t.commit({ envelope: envelope(1), transcript: [] })), true);
    const second = await pick(1).turn(id, undefined, async (t) => {
      assert.deepEqual(t.stored, { envelope: envelope(1), revision: 1 });
      return t.commit({ envelope: envelope(2), transcript: [], release: true });
    });
    assert.equal(second, true);
    const third = await pick(0).turn(id, undefined, async (t) => t.stored);
    assert.deepEqual(third, { envelope: envelope(2), revision: 2 });
    assert.deepEqual(await pick(1).load(id), { envelope: envelope(2), revision: 2 });
  });

  it('leaves out the envelope a turn still holds (its write\'s tag), and commits on its revision (#15)', async () => {
    const id = fresh('held');
    assert.equal(await pick(0).turn(id, undefined, (t) => t.commit({ envelope: envelope(1), tag: 'w1', transcript: [] })), true);
    // Holding that very write: its revision, not its envelope, on every instance.
    for (const i of [0, 1]) {
      const seen = await pick(i).turn(id, undefined, async (t) => ({ stored: t.stored, unchanged: t.unchanged }), { held: 'w1' });
      assert.deepEqual(seen, { stored: undefined, unchanged: { revision: 1 } });
    }
    // Holding another write: the envelope as usual.
    assert.deepEqual(await pick(1).turn(id, undefined, async (t) => ({ stored: t.stored, unchanged: t.unchanged }), { held: 'w0' }),
      { stored: { envelope: envelope(1), revision: 1 }, unchanged: undefined });
    // A commit on the held revision goes through, and its own tag is the one held next.
    assert.equal(await pick(1).turn(id, 'm', (t) => t.commit({ envelope: envelope(2), tag: 'w2', transcript: [], release: true }), { held: 'w1' }), true);
    assert.deepEqual(await pick(0).load(id), { envelope: envelope(2), revision: 2 });
    assert.deepEqual(await pick(0).turn(id, undefined, async (t) => t.unchanged, { held: 'w2' }), { revision: 2 });
  });

  it('reads the envelope again once another write replaced the held one, tagged or not (#15)', async () => {
    const id = fresh('held-stale');
    await pick(0).turn(id, undefined, (t) => t.commit({ envelope: envelope(1), tag: 'mine', transcript: [] }));
    // Another instance's turn, which read the envelope, writes its own.
    await pick(1).turn(id, undefined, (t) => t.commit({ envelope: envelope(counterOf(t.stored?.envelope) + 1), tag: 'theirs', transcript: [] }));
    const seen = await pick(0).turn(id, undefined, async (t) => ({ stored: t.stored, unchanged: t.unchanged }), { held: 'mine' });
    assert.deepEqual(seen, { stored: { envelope: envelope(2), revision: 2 }, unchanged: undefined });
    // A write without a tag leaves none: no earlier tag matches it.
    await pick(1).turn(id, undefined, (t) => t.commit({ envelope: envelope(3), transcript: [] }));
    assert.deepEqual(await pick(0).turn(id, undefined, async (t) => t.stored, { held: 'theirs' }), { envelope: envelope(3), revision: 3 });
    // A turn holding a stale tag cannot write over the newer snapshot either.
    assert.equal(await pick(0).turn(id, undefined, async (t) => t.unchanged, { held: 'mine' }), undefined);
    // A commit without an envelope keeps the snapshot and its tag.
    await pick(1).turn(id, undefined, (t) => t.commit({ envelope: envelope(4), tag: 'last', transcript: [] }));
    await pick(0).turn(id, 'x', (t) => t.commit({ transcript: [entry('x')] }));
    assert.deepEqual(await pick(1).turn(id, undefined, async (t) => t.unchanged, { held: 'last' }), { revision: 4 });
  });

  it('appends each turn\'s transcript entries in order, after the earlier turns\' ones', async () => {
    const id = fresh('transcript');
    for (let i = 0; i < 4; i++) {
      await pick(i).turn(id, `m${i}`, (t) =>
        t.commit({ envelope: envelope(i), transcript: [entry(`q${i}`), entry(`a${i}`, 'bot')], release: i % 2 === 0 }));
    }
    await pick(0).turn(id, undefined, (t) => t.commit({ transcript: [] }));
    assert.deepEqual((await pick(1).transcript(id)).map((e) => e.text), ['q0', 'a0', 'q1', 'a1', 'q2', 'a2', 'q3', 'a3']);
    assert.deepEqual((await pick(0).transcript(id))[1], entry('a0', 'bot'));
  });

  it('counts a message as handled once its turn is committed, not before', async () => {
    const id = fresh('message');
    const duplicate = (i: number, messageId: string) => pick(i).turn(id, messageId, async (t) => t.duplicate);
    // A turn that throws, and one that ends without committing: the message is still to be handled.
    await assert.rejects(pick(0).turn(id, 'm1', async (t) => {
      assert.equal(t.duplicate, false);
      throw new Error('turn failed');
    }), /turn failed/);
    assert.equal(await duplicate(1, 'm1'), false, 'the retry after a failed turn is handled');
    assert.equal(await duplicate(0, 'm1'), false, 'a turn that ended without commit did not handle it');
    // Committed: every later delivery of it is a duplicate, on every instance.
    assert.equal(await pick(1).turn(id, 'm1', (t) => t.commit({ envelope: envelope(1), transcript: [entry('m1')] })), true);
    assert.equal(await duplicate(0, 'm1'), true);
    assert.equal(await duplicate(1, 'm1'), true);
    assert.equal(await duplicate(0, 'm2'), false, 'another message is not');
    assert.equal(await pick(1).turn(fresh('other'), 'm1', async (t) => t.duplicate), false, 'message ids are per conversation');
    assert.equal((await pick(0).load(id))?.revision, 1, 'duplicates write nothing');
    assert.deepEqual((await pick(0).transcript(id)).map((e) => e.text), ['m1']);
  });

  it('gives a duplicate delivery the reply its first delivery committed, on every instance (#14)', async () => {
    const id = fresh('reply');
    const reply = JSON.stringify({ messages: [{ text: 'Buongiorno! Per quale auto? «GH123KL»' }], lang: 'it' });
    assert.equal(await pick(0).turn(id, 'r1', (t) => t.commit({ envelope: envelope(1), transcript: [], reply })), true);
    for (const i of [0, 1]) {
      const again = await pick(i).turn(id, 'r1', async (t) => ({ duplicate: t.duplicate, reply: t.reply }));
      assert.deepEqual(again, { duplicate: true, reply });
    }
    // A message committed without a reply has none to give back; a new message has none either.
    await pick(1).turn(id, 'r2', (t) => t.commit({ transcript: [] }));
    assert.deepEqual(await pick(0).turn(id, 'r2', async (t) => ({ duplicate: t.duplicate, reply: t.reply })), { duplicate: true, reply: undefined });
    assert.equal(await pick(0).turn(id, 'r3', async (t) => t.reply), undefined);
  });

  it('keeps the stored snapshot when a turn commits without an envelope, and still appends its transcript', async () => {
    const id = fresh('keep');
    await pick(0).turn(id, undefined, (t) => t.commit({ envelope: envelope(7), transcript: [entry('first')] }));
    assert.equal(await pick(1).turn(id, 'm', (t) => t.commit({ transcript: [entry('second')], release: true })), true);
    assert.deepEqual(await pick(0).load(id), { envelope: envelope(7), revision: 1 });
    assert.deepEqual((await pick(1).transcript(id)).map((e) => e.text), ['first', 'second']);
    assert.equal(await pick(0).turn(id, 'm', async (t) => t.duplicate), true, 'its message counts as handled');
    // On a new conversation, nothing is stored either.
    const empty = fresh('keep-empty');
    assert.equal(await pick(1).turn(empty, undefined, (t) => t.commit({ transcript: [entry('only')] })), true);
    assert.equal(await pick(0).load(empty), undefined);
    assert.deepEqual((await pick(0).transcript(empty)).map((e) => e.text), ['only']);
  });

  it('refuses a second commit in the same turn, and writes nothing for it', async () => {
    const id = fresh('twice');
    await assert.rejects(pick(0).turn(id, undefined, async (t) => {
      assert.equal(await t.commit({ envelope: envelope(1), transcript: [entry('once')] }), true);
      await t.commit({ envelope: envelope(2), transcript: [entry('twice')] });
    }), /already committed/);
    assert.deepEqual(await pick(1).load(id), { envelope: envelope(1), revision: 1 });
    assert.deepEqual((await pick(1).transcript(id)).map((e) => e.text), ['once']);
  });

  it('runs the turns of one conversation one at a time, losing none of them', async () => {
    const id = fresh('exclusive');
    const turns = 24;
    let inside = 0;
    let most = 0;
    const results = await Promise.all(Array.from({ length: turns }, (_, i) => pick(i).turn(id, `m${i}`, async (t) => {
      inside++;
      most = Math.max(most, inside);
      const read = counterOf(t.stored?.envelope);
      await tick();
      await tick();
      inside--;
      // Each turn increments what it read: a lost update would show in the final count.
      return t.commit({ envelope: envelope(read + 1), transcript: [entry(`m${i}`)], release: i % 3 === 0 });
    })));
    assert.equal(most, 1, 'no two turns of the conversation overlapped');
    assert.deepEqual(results, results.map(() => true), 'every commit succeeded');
    const final = await pick(0).load(id);
    assert.equal(counterOf(final?.envelope), turns);
    assert.equal(final?.revision, turns);
    assert.equal(new Set((await pick(1).transcript(id)).map((e) => e.text)).size, turns);
  });

  it('runs turns of different conversations in parallel', async () => {
    const busy = fresh('busy');
    const held = gate();
    const entered = gate();
    const holder = pick(0).turn(busy, undefined, async () => {
      entered.open();
      await held.wait;
      return 'holder done';
    });
    await entered.wait;
    // While `busy` is held, another conversation runs to its end, on every instance.
    for (let i = 0; i < get().instances.length; i++) {
      const free = fresh('free');
      assert.equal(await pick(i).turn(free, 'm', (t) => t.commit({ envelope: envelope(i), transcript: [] })), true);
      assert.equal((await pick(i).load(free))?.revision, 1);
    }
    held.open();
    assert.equal(await holder, 'holder done');
  });

  it('lets the next turn run after a turn that threw, and passes the error on', async () => {
    const id = fresh('throws');
    await assert.rejects(pick(0).turn(id, undefined, async () => {
      throw new Error('boom');
    }), /boom/);
    assert.equal(await pick(1).turn(id, undefined, async () => 'next'), 'next');
    assert.equal(await pick(0).turn(id, undefined, async () => 'and the same instance'), 'and the same instance');
  });

  it('lets the next turn start as soon as a commit releases the conversation, before the task ends', async () => {
    const id = fresh('release');
    const g = gate();
    let committed!: () => void;
    const hasCommitted = new Promise<void>((r) => (committed = r));
    const first = pick(0).turn(id, undefined, async (t) => {
      await t.commit({ envelope: envelope(1), transcript: [], release: true });
      committed();
      await g.wait;
      return 'first';
    });
    await hasCommitted;
    const second = await pick(1).turn(id, undefined, async (t) => t.stored?.revision);
    assert.equal(second, 1, 'the next turn ran while the first task was still open, and saw its commit');
    g.open();
    assert.equal(await first, 'first');
  });

  it('reads nothing for a duplicate message, lets the conversation go at once, and refuses to commit it', async () => {
    const id = fresh('duplicate');
    await pick(0).turn(id, 'm', (t) => t.commit({ envelope: envelope(1), transcript: [entry('m')] }));
    const g = gate();
    let started!: () => void;
    const isStarted = new Promise<void>((r) => (started = r));
    const duplicate = pick(1).turn(id, 'm', async (t) => {
      assert.equal(t.duplicate, true);
      assert.equal(t.stored, undefined);
      started();
      await g.wait;
      await assert.rejects(t.commit({ transcript: [entry('again')] }), /duplicate/);
    });
    await isStarted;
    assert.equal(await pick(0).turn(id, 'n', async (t) => t.stored?.revision), 1, 'another turn ran meanwhile');
    g.open();
    await duplicate;
    assert.deepEqual((await pick(0).transcript(id)).map((e) => e.text), ['m']);
  });
  it('counts a conversation\'s turns against its limit as they begin: past it no turn runs, other conversations go on (#15)', async () => {
    const id = fresh('limit');
    const limit = { points: 3, windowSeconds: 60 };
    const ran: string[] = [];
    const turn = (i: number, name: string, task: () => Promise<void> = async () => undefined) =>
      pick(i).turn(id, name, async (t) => {
        ran.push(name);
        await task();
        await t.commit({ transcript: [entry(name)], release: true });
      }, { limit });
    // A turn that waits for the lock (polling, on a shared store) counts once, not at every attempt.
    const g = gate();
    let holding!: () => void;
    const isHolding = new Promise<void>((r) => (holding = r));
    const first = turn(0, 'a', async () => {
      holding();
      await g.wait;
    });
    await isHolding;
    const second = turn(1, 'b');
    await new Promise((r) => setTimeout(r, 60));
    g.open();
    await Promise.all([first, second]);
    await turn(0, 'c');
    const refused = await turn(1, 'd').then(() => undefined, (err: unknown) => err);
    assert.ok(refused instanceof TurnLimitedError, String(refused));
    assert.ok(refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= 60, String(refused.retryAfterSeconds));
    assert.deepEqual(ran, ['a', 'b', 'c'], 'the fourth turn did not run');
    assert.deepEqual((await pick(0).transcript(id)).map((e) => e.text), ['a', 'b', 'c']);
    // Another conversation, and a turn without a limit, are not held back.
    assert.equal(await pick(1).turn(fresh('limit-other'), undefined, async () => 'ran', { limit }), 'ran');
    assert.equal(await pick(0).turn(id, undefined, async () => 'ran'), 'ran');
  });
}
