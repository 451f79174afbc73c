/**
 * The in-memory session store: the shared contract (session-store-contract.ts), and what is its own:
 * the TTL on its clock, and a bounded memory of message ids.
 */
import assert from 'node:assert/strict';
import { createMemorySessionStore } from '../../src/sessions/memory';
import type { Envelope, SessionStore } from '../../src/sessions/session-store';
import { sessionStoreContract } from './session-store-contract';

const envelope = (n: number): Envelope => ({ machine: 'booking', version: 1, snapshot: { n } });

describe('Memory session store', () => {
  describe('contract', () => {
    let store: SessionStore;
    beforeEach(() => {
      store = createMemorySessionStore({ ttlSeconds: 3600 });
    });
    afterEach(() => store.close());
    sessionStoreContract(() => ({ instances: [store] }));
  });

  it('forgets an idle conversation after its TTL; any commit, with or without an envelope, keeps it alive', async () => {
    let now = 0;
    const store = createMemorySessionStore({ ttlSeconds: 10, clock: () => now });
    await store.turn('c', undefined, (t) => t.commit({ envelope: envelope(1), transcript: [{ at: '0', from: 'customer', text: 'hi' }] }));
    now = 9_000;
    await store.turn('c', undefined, (t) => t.commit({ transcript: [] }));
    now = 18_000;
    assert.deepEqual(await store.load('c'), { envelope: envelope(1), revision: 1 }, 'the commit without an envelope refreshed it');
    now = 19_001;
    assert.equal(await store.turn('c', undefined, async (t) => t.stored), undefined);
    assert.deepEqual(await store.transcript('c'), [], 'the transcript goes with it');
    assert.equal(await store.turn('c', undefined, (t) => t.commit({ envelope: envelope(2), transcript: [] })), true);
    assert.equal((await store.load('c'))?.revision, 1, 'starts again from revision 0');
  });

  it('remembers at most maxMessageIds message ids, forgetting the oldest first', async () => {
    const store = createMemorySessionStore({ ttlSeconds: 3600, maxMessageIds: 2 });
    const handle = (m: string) => store.turn('c', m, async (t) => (t.duplicate ? 'duplicate' : (await t.commit({ transcript: [] }), 'done')));
    assert.deepEqual([await handle('m1'), await handle('m2'), await handle('m2'), await handle('m3')], ['done', 'done', 'duplicate', 'done']);
    assert.equal(await handle('m3'), 'duplicate');
    assert.equal(await handle('m1'), 'done', 'm1 was the oldest: forgotten');
  });
});
