import { strict as assert } from 'node:assert';
import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { DmsHttpError, DmsInvalidResponseError, DmsTimeoutError } from '../../src/planning/http-dms';
import { fixtureDealer } from './fixture-dealer';
import { query, request, slotAt } from './helpers';
import { violations } from './http-dms-openapi';
import { describePlanningContract, describePlanningProperties } from './contract';
import { makeFlakyHttpDmsPlanning, makeHttpDmsPlanning, startRig, type Rig } from './http-dms-setup';

const dealer = fixtureDealer();
const slot = (at = '2026-12-09T08:30:00+01:00', solution: Parameters<typeof slotAt>[1] = 'courtesy-car-brand') => slotAt(dealer, solution, at, 3);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describePlanningContract('HTTP DMS', makeHttpDmsPlanning);
describePlanningProperties('HTTP DMS', makeHttpDmsPlanning);
// The shared suite again, over a network that fails every third request: retries hide it all.
describePlanningContract('HTTP DMS, flaky network', makeFlakyHttpDmsPlanning);
describePlanningProperties('HTTP DMS, flaky network', makeFlakyHttpDmsPlanning);

describe('HTTP DMS planning: client ↔ stand-in', () => {
  let rig: Rig;
  afterEach(() => rig?.close());

  it('searches, holds, books, reads, lists, moves and cancels over HTTP', async () => {
    rig = await startRig();
    const { client } = rig;
    const search = await client.findSlots(query({ date: '2026-12-09' }));
    assert.ok(search.wished);
    const held = await client.hold(request(search.wished, { idempotencyKey: 'conv-1' }));
    assert.ok(held.ok);
    const booked = await client.book(request(search.wished, { idempotencyKey: 'conv-1' }));
    assert.ok(booked.ok);
    assert.equal((await client.get(booked.booking.reference))?.status, 'confirmed');
    assert.deepEqual((await client.list({ status: ['confirmed'] })).map((r) => r.reference), [booked.booking.reference]);
    const moved = await client.reschedule(booked.booking.reference, slot('2026-12-10T08:30:00+01:00'));
    assert.ok(moved.ok);
    assert.equal(moved.booking.appointmentAt, '2026-12-10T08:30:00+01:00');
    assert.equal(await client.cancel(booked.booking.reference), true);
    assert.equal(await client.cancel(booked.booking.reference), true, 'cancel is idempotent');
    await client.ping();
  });

  it('maps 409 to taken and 404 to not-found, false and undefined', async () => {
    rig = await startRig();
    const { client } = rig;
    assert.ok((await client.book(request(slot(undefined, 'courtesy-car-other')))).ok);
    assert.deepEqual(await client.book(request(slot(undefined, 'courtesy-car-other'))), { ok: false, reason: 'taken' });
    assert.deepEqual(await client.hold(request(slot(undefined, 'courtesy-car-other'))), { ok: false, reason: 'taken' });
    assert.deepEqual(await client.reschedule('NOPE-1', slot()), { ok: false, reason: 'not-found' });
    assert.equal(await client.cancel('NOPE-1'), false);
    assert.equal(await client.get('NOPE-1'), undefined);
  });

  it('retries a confirm that timed out after the DMS committed: same key, one reservation', async () => {
    rig = await startRig();
    rig.standIn.inject({ kind: 'hang', commit: true }, { pathPrefix: '/reservations', method: 'POST' });
    const result = await rig.client.book(request(slot(), { idempotencyKey: 'conv-timeout' }));
    assert.ok(result.ok);
    assert.equal(rig.standIn.keyCount('conv-timeout'), 2);
    assert.deepEqual((await rig.client.list()).map((r) => r.reference), [result.booking.reference]);
  });

  it('retries two 503s and then books once', async () => {
    rig = await startRig();
    rig.standIn.inject({ kind: 'status', status: 503 }, { pathPrefix: '/reservations', method: 'POST', times: 2 });
    const result = await rig.client.book(request(slot(), { idempotencyKey: 'conv-503' }));
    assert.ok(result.ok);
    assert.equal(rig.standIn.keyCount('conv-503'), 3);
    assert.equal((await rig.client.list()).length, 1);
  });

  it('repeats a confirm whose answer was lost (connection reset after commit) with the same key', async () => {
    rig = await startRig();
    rig.standIn.inject({ kind: 'reset', commit: true }, { pathPrefix: '/reservations', method: 'POST' });
    const result = await rig.client.book(request(slot(), { idempotencyKey: 'conv-reset' }));
    assert.ok(result.ok);
    assert.equal(rig.standIn.keyCount('conv-reset'), 2);
    const stored = await rig.client.list();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].reference, result.booking.reference);
  });

  it('repeats a move whose answer was lost: the DMS replays it, the booking moves once', async () => {
    rig = await startRig();
    const booked = await rig.client.book(request(slot()));
    assert.ok(booked.ok);
    rig.standIn.inject({ kind: 'reset', commit: true }, { pathPrefix: '/reservations/', method: 'POST' });
    const moved = await rig.client.reschedule(booked.booking.reference, slot('2026-12-10T08:30:00+01:00'));
    assert.ok(moved.ok, JSON.stringify(moved));
    const moves = rig.standIn.exchanges.filter((e) => e.path.endsWith('/reschedule'));
    assert.equal(moves.length, 2);
    assert.equal(moves[0].idempotencyKey, moves[1].idempotencyKey);
    assert.equal((await rig.client.get(booked.booking.reference))?.appointmentAt, '2026-12-10T08:30:00+01:00');
  });

  it('honours a short Retry-After on 429 and gives up at once on a long one', async () => {
    rig = await startRig();
    rig.standIn.inject({ kind: 'status', status: 429, retryAfter: '0' }, { pathPrefix: '/availability' });
    assert.ok((await rig.client.findSlots(query({ date: '2026-12-09' }))).wished);
    rig.standIn.inject({ kind: 'status', status: 429, retryAfter: '3600' }, { pathPrefix: '/availability' });
    const before = rig.standIn.exchanges.length;
    await assert.rejects(rig.client.findSlots(query({ date: '2026-12-09' })), (e) => e instanceof DmsHttpError && e.status === 429);
    assert.equal(rig.standIn.exchanges.length, before + 1);
  });

  it('fails after its retries when the DMS stays unavailable, with nothing booked', async () => {
    rig = await startRig();
    rig.standIn.inject({ kind: 'status', status: 503 }, { times: 3 });
    await assert.rejects(rig.client.book(request(slot(), { idempotencyKey: 'conv-down' })), (e) => e instanceof DmsHttpError && e.status === 503);
    assert.equal(rig.standIn.keyCount('conv-down'), 3);
    assert.deepEqual(await rig.client.list(), []);
  });

  it('opens the circuit after consecutive failures, fails fast, and closes after the half-open probe', async () => {
    rig = await startRig({ retries: 0, breaker: { threshold: 3, halfOpenAfterMs: 100 } });
    const { client, standIn } = rig;
    standIn.inject({ kind: 'status', status: 503 }, { times: 3 });
    for (let i = 0; i < 3; i++) await assert.rejects(client.list(), DmsHttpError);
    assert.equal(client.breaker.state, CircuitState.Open);
    const seen = standIn.exchanges.length;
    await assert.rejects(client.book(request(slot())), BrokenCircuitError);
    await assert.rejects(client.ping(), BrokenCircuitError);
    assert.equal(standIn.exchanges.length, seen, 'the DMS is not called while the circuit is open');
    await pause(150);
    assert.deepEqual(await client.list(), []);
    assert.equal(client.breaker.state, CircuitState.Closed);
  });

  it('counts timeouts as an outage: the circuit opens on a DMS that hangs', async () => {
    rig = await startRig({ retries: 0, timeoutMs: 100, breaker: { threshold: 2, halfOpenAfterMs: 10_000 } });
    rig.standIn.inject({ kind: 'hang' }, { times: 2 });
    for (let i = 0; i < 2; i++) await assert.rejects(rig.client.get('MC-AAAAAA'), DmsTimeoutError);
    await assert.rejects(rig.client.get('MC-AAAAAA'), BrokenCircuitError);
    assert.equal(rig.standIn.exchanges.length, 2);
  });

  it('neither retries a 401 nor counts it as an outage', async () => {
    rig = await startRig({ token: 'wrong', breaker: { threshold: 2, halfOpenAfterMs: 100 } });
    for (let i = 0; i < 3; i++) await assert.rejects(rig.client.findSlots(query({ date: '2026-12-09' })), (e) => e instanceof DmsHttpError && e.status === 401);
    assert.equal(rig.standIn.exchanges.length, 3, 'one request per call: 401 is not retried');
    assert.equal(rig.client.breaker.state, CircuitState.Closed);
  });

  it('turns answers outside the contract into errors, without retrying them', async () => {
    rig = await startRig();
    rig.standIn.inject({ kind: 'garbage', body: '<html>proxy error</html>' }, { pathPrefix: '/availability' });
    await assert.rejects(rig.client.findSlots(query({ date: '2026-12-09' })), DmsInvalidResponseError);
    rig.standIn.inject({ kind: 'garbage', body: '{"reference": 42}', status: 201 }, { pathPrefix: '/reservations' });
    await assert.rejects(rig.client.book(request(slot())), DmsInvalidResponseError);
    rig.standIn.inject({ kind: 'garbage', body: '{"type":"/problems/x","title":"x","reason":"locked"}', status: 409 }, { pathPrefix: '/reservations' });
    await assert.rejects(rig.client.book(request(slot())), DmsInvalidResponseError);
    rig.standIn.inject({ kind: 'garbage', body: '{"wished": {"solution": "taxi", "appointmentAt": "2026-12-09 08:30"}, "alternatives": []}' }, { pathPrefix: '/availability' });
    await assert.rejects(rig.client.findSlots(query({ date: '2026-12-09' })), DmsInvalidResponseError);
    assert.equal(rig.standIn.exchanges.length, 4);
  });

  it('rejects when the DMS is gone, and after close', async () => {
    rig = await startRig({ retries: 1 });
    await rig.standIn.close();
    await assert.rejects(rig.client.ping());
    await rig.client.close();
    await assert.rejects(rig.client.list(), /closed/);
  });

  it('exchanges only JSON that docs/dms-api.yaml allows, both ways', async () => {
    rig = await startRig({ retries: 1 });
    const { client, standIn } = rig;
    const search = await client.findSlots(query({ date: '2026-12-08' }));
    assert.ok(search.refusal && search.alternatives.length >= 2);
    const other = await client.findSlots(query({ date: '2026-12-09', part: 'afternoon' }, { solution: 'pickup-delivery', legs: 'pickup' }));
    const wished = other.wished ?? other.alternatives[0];
    const held = await client.hold(request(wished, { idempotencyKey: 'k-1', legs: 'pickup', address: 'Via Emilia 3, Modena' }));
    assert.ok(held.ok);
    const booked = await client.book(request(wished, { idempotencyKey: 'k-1', legs: 'pickup', address: 'Via Emilia 3, Modena' }));
    assert.ok(booked.ok);
    await client.book(request(slot(undefined, 'courtesy-car-other')));
    await client.book(request(slot(undefined, 'courtesy-car-other')));
    await client.get(booked.booking.reference);
    await client.get('NOPE-1');
    await client.list({ from: '2026-12-01T00:00:00+01:00', to: '2026-12-31T00:00:00+01:00', status: ['held', 'confirmed'] });
    await client.reschedule(booked.booking.reference, slot('2026-12-11T08:30:00+01:00', 'pickup-delivery'), 'pickup');
    await client.reschedule('NOPE-1', slot());
    await client.cancel(booked.booking.reference);
    await client.cancel('NOPE-1');
    await client.ping();
    standIn.inject({ kind: 'status', status: 503, retryAfter: '0' });
    await client.list();
    const exchanges = standIn.exchanges.filter((e) => e.fault !== 'garbage');
    assert.ok(exchanges.length >= 15);
    assert.deepEqual(exchanges.flatMap(violations), []);
    const statuses = new Set(exchanges.map((e) => e.status));
    for (const status of [200, 201, 204, 404, 409, 503]) assert.ok(statuses.has(status), `no ${status} exchanged`);
  });

  it('carries the vehicle refusal (#13) and the staff force flag per the contract', async () => {
    rig = await startRig();
    const { client, standIn } = rig;
    const car = { plate: 'FX456AB', model: 'Levante' };
    const first = await client.book(request(slot(undefined, 'taxi'), { vehicle: car }));
    assert.ok(first.ok);
    const existing = { reference: first.booking.reference, appointmentAt: first.booking.appointmentAt };
    assert.deepEqual(await client.book(request(slot(undefined, 'taxi'), { vehicle: car })), { ok: false, reason: 'vehicle-already-booked', existing });
    assert.deepEqual(await client.hold(request(slot(undefined, 'taxi'), { vehicle: car })), { ok: false, reason: 'vehicle-already-booked', existing });
    assert.ok((await client.book(request(slot(undefined, 'taxi'), { vehicle: car, bookedBy: 'advisor', force: true }))).ok);
    assert.deepEqual(standIn.exchanges.flatMap(violations), []);
    assert.equal(standIn.exchanges.filter((e) => e.status === 409).length, 2);
    assert.equal((standIn.exchanges.at(-1)?.requestBody as { force?: boolean }).force, true);
  });

  it('sends a new pickup & delivery address with a move and reads back the history old → new (#13) per the contract', async () => {
    rig = await startRig();
    const { client, standIn } = rig;
    const pd = slotAt(dealer, 'pickup-delivery', '2026-12-09T09:00:00+01:00', 6);
    const booked = await client.book(request(pd, { address: 'Via Roma 1, Modena' }));
    assert.ok(booked.ok);
    assert.ok((await client.reschedule(booked.booking.reference, pd, undefined, { kind: 'customer' }, { address: 'Via Emilia Est 200, Modena' })).ok);
    const move = standIn.exchanges.find((e) => e.path.endsWith('/reschedule'));
    assert.equal((move?.requestBody as { address?: string }).address, 'Via Emilia Est 200, Modena');
    const got = await client.get(booked.booking.reference);
    assert.equal(got?.address, 'Via Emilia Est 200, Modena');
    const last = got?.history.at(-1);
    assert.ok(last?.type === 'rescheduled');
    assert.deepEqual([last.from.address, last.to.address], ['Via Roma 1, Modena', 'Via Emilia Est 200, Modena']);
    assert.deepEqual(standIn.exchanges.flatMap(violations), []);
  });

  it('sends who moves and cancels, carries history and a refused move (#13) per the contract', async () => {
    rig = await startRig();
    const { client, standIn } = rig;
    const car = { plate: 'FX456AB', model: 'Levante' };
    const first = await client.book(request(slot('2026-12-09T08:30:00+01:00', 'taxi'), { vehicle: car }));
    const second = await client.book(request(slot('2026-12-10T08:30:00+01:00', 'taxi'), { vehicle: car, by: { kind: 'advisor', name: 'Giulia' }, bookedBy: 'advisor' }));
    assert.ok(first.ok && second.ok);
    const existing = { reference: first.booking.reference, appointmentAt: first.booking.appointmentAt };
    const onto = slot('2026-12-09T09:00:00+01:00', 'taxi');
    assert.deepEqual(await client.reschedule(second.booking.reference, onto, undefined, { kind: 'customer' }), { ok: false, reason: 'vehicle-already-booked', existing });
    assert.ok((await client.reschedule(second.booking.reference, onto, undefined, { kind: 'staff', name: 'Desk' }, { force: true })).ok);
    assert.equal(await client.cancel(first.booking.reference, { kind: 'customer' }), true);
    const moves = standIn.exchanges.filter((e) => e.path.endsWith('/reschedule'));
    assert.deepEqual(moves.map((e) => e.requestBody as { by?: unknown; force?: boolean }).map((b) => [b.by, b.force]), [
      [{ kind: 'customer' }, undefined],
      [{ kind: 'staff', name: 'Desk' }, true],
    ]);
    assert.deepEqual(standIn.exchanges.find((e) => e.path.endsWith('/cancel'))?.requestBody, { by: { kind: 'customer' } });
    const got = await client.get(second.booking.reference);
    assert.deepEqual(got?.history.map((e) => [e.type, e.by]), [
      ['created', { kind: 'advisor', name: 'Giulia' }],
      ['rescheduled', { kind: 'staff', name: 'Desk' }],
    ]);
    assert.deepEqual((await client.get(first.booking.reference))?.history.map((e) => e.type), ['created', 'cancelled']);
    assert.deepEqual(standIn.exchanges.flatMap(violations), []);
  });

  it('reads a reservation without history from an older DMS as one with none', async () => {
    rig = await startRig();
    const { client, standIn } = rig;
    const booked = await client.book(request(slot(undefined, 'taxi')));
    assert.ok(booked.ok);
    const { history: _dropped, ...old } = (await client.get(booked.booking.reference))!;
    standIn.inject({ kind: 'garbage', status: 200, body: JSON.stringify(old) }, { pathPrefix: '/reservations/', method: 'GET' });
    assert.deepEqual((await client.get(booked.booking.reference))?.history, []);
  });

  it('documents 401 per the contract', async () => {
    rig = await startRig({ token: 'wrong' });
    await assert.rejects(rig.client.list());
    assert.deepEqual(rig.standIn.exchanges.flatMap(violations), []);
    assert.equal(rig.standIn.exchanges[0].status, 401);
  });
});
