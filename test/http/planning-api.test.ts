/**
 * The staff planning API over real HTTP on loopback (docs/planning-api.md): off without a token,
 * bearer-protected, problem+json errors naming the bad field, and every write through the port.
 */
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

const TOKEN = 'test-token';
const env = (token: string) => ({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', PLANNING_API_TOKEN: token, LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE });

interface Problem { type: string; status: number; code: string; title: string; detail?: string; errors?: { path: string; message: string }[] }
interface Slot { solution: string; appointmentAt: string; handoverAt: string; returnAt: string }
interface Reservation extends Slot { reference: string; status: string; customerName: string; resourceId?: string }

describe('staff planning API (/api/planning)', () => {
  let app: App;
  let base: string;
  let keys = 0;

  before(async () => {
    app = await createApp(loadConfig(env(TOKEN)), { clock: () => MONDAY_9AM });
    base = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  after(async () => app.close());
  afterEach(() => sinon.restore());

  const auth = { authorization: `Bearer ${TOKEN}` };
  const get = (path: string, headers: Record<string, string> = auth) => fetch(base + path, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(base + path, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  async function problem(res: Response, status: number): Promise<Problem> {
    assert.equal(res.status, status);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const text = await res.text();
    assert.doesNotMatch(text, /at .*\.(ts|js):\d+/, 'no stack trace');
    const body = JSON.parse(text) as Problem;
    assert.equal(body.status, status);
    return body;
  }

  async function slotOn(solution: string, date: string, time?: string): Promise<Slot> {
    const res = await post('/api/planning/availability', { solution, serviceId: 'maintenance', wish: { date, ...(time ? { time } : {}) } });
    assert.equal(res.status, 200);
    const search = (await res.json()) as { wished?: Slot; alternatives: Slot[] };
    assert.ok(search.wished, `no slot for ${solution} on ${date} ${time ?? ''}: ${JSON.stringify(search)}`);
    return search.wished;
  }

  /** A car of its own per key (one vehicle has one appointment at a time, #13) unless `more` names one. */
  function create(slot: Slot, customerName = 'Giulia Bianchi', key = `key-${++keys}`, more: Record<string, unknown> = {}) {
    const vehicle = { plate: `FX${key}`.slice(0, 16), model: 'Maserati Ghibli' };
    return post('/api/planning/reservations', { slot, customerName, vehicle, serviceId: 'maintenance', need: 'tagliando', ...more }, { 'idempotency-key': key });
  }

  describe('without a configured token', () => {
    let off: App;
    let offBase: string;
    before(async () => {
      off = await createApp(loadConfig(env('')), { clock: () => MONDAY_9AM });
      offBase = `http://127.0.0.1:${(await off.listen()).port}`;
    });
    after(async () => off.close());

    it('has no API and no board (404), whatever the token', async () => {
      for (const path of ['/api/planning/resources', '/api/planning/reservations', '/planning', '/planning/i18n/it']) {
        const res = await fetch(offBase + path, { headers: auth });
        assert.equal(res.status, 404, path);
        await res.text();
      }
    });
  });

  describe('authentication', () => {
    it('refuses a request without a token: 401 with a Bearer challenge', async () => {
      const res = await get('/api/planning/reservations', {});
      const body = await problem(res, 401);
      assert.equal(body.code, 'unauthorized');
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="planning"');
    });

    it('refuses a wrong token, of the same or another length, and another scheme', async () => {
      for (const authorization of ['Bearer test-tokeX', 'Bearer t', `Bearer ${TOKEN}${TOKEN}`, `Basic ${TOKEN}`, `Bearer`]) {
        const res = await get('/api/planning/resources', { authorization });
        await problem(res, 401);
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="planning"/, authorization);
      }
    });

    it('guards writes too, before reading the body', async () => {
      const res = await fetch(`${base}/api/planning/reservations`, { method: 'POST', headers: { authorization: 'Bearer nope', 'content-type': 'application/json' }, body: '{}' });
      assert.equal((await problem(res, 401)).code, 'unauthorized');
    });
  });

  describe('GET /api/planning/resources', () => {
    it('lists every car by model and plate, then the counted capacities, with the dealer\'s today', async () => {
      const res = await get('/api/planning/resources');
      assert.equal(res.status, 200);
      const body = (await res.json()) as { today: string; site: { timeZone: string }; resources: { id: string; type: string; model?: string; plate?: string; quantity?: number; per?: string }[] };
      assert.equal(body.today, '2026-11-30');
      assert.equal(body.site.timeZone, 'Europe/Rome');
      const ghibli = body.resources.find((r) => r.id === 'cc-ghibli-1');
      assert.deepEqual([ghibli?.type, ghibli?.model, ghibli?.plate], ['car', 'Maserati Ghibli', 'GT214RM']);
      const capacity = (id: string) => body.resources.find((r) => r.id === id);
      assert.deepEqual([capacity('rental-car')?.quantity, capacity('rental-car')?.per], [2, 'day']);
      assert.deepEqual([capacity('pickup-delivery')?.quantity, capacity('pickup-delivery')?.per], [2, 'half-day']);
      assert.deepEqual([capacity('staff-shuttle')?.quantity, capacity('staff-shuttle')?.per], [2, 'half-day']);
      assert.ok(capacity('taxi') && capacity('public-transport'));
      assert.equal(body.resources.filter((r) => r.type === 'car').length, 6);
    });
  });

  describe('POST /api/planning/availability', () => {
    it('finds the wished slot, with the catalogue downtime when none is given', async () => {
      const res = await post('/api/planning/availability', { solution: 'courtesy-car-brand', serviceId: 'maintenance', wish: { date: '2026-12-02', time: '08:30' } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { downtimeHours: number; wished: Slot };
      assert.equal(body.downtimeHours, 3);
      assert.equal(body.wished.appointmentAt, '2026-12-02T08:30:00+01:00');
    });

    it('offers alternatives on a closed day', async () => {
      const res = await post('/api/planning/availability', { solution: 'taxi', serviceId: 'maintenance', wish: { date: '2026-12-06' } });
      const body = (await res.json()) as { wished?: Slot; refusal: string; alternatives: Slot[] };
      assert.equal(body.wished, undefined);
      assert.equal(body.refusal, 'closed');
      assert.ok(body.alternatives.length >= 2);
    });

    it('names the bad field (400)', async () => {
      const body = await problem(await post('/api/planning/availability', { solution: 'helicopter', serviceId: 'maintenance', wish: { date: '2-12-2026' } }), 400);
      assert.equal(body.code, 'invalid-request');
      const paths = body.errors!.map((e) => e.path);
      assert.ok(paths.includes('solution') && paths.includes('wish.date'), JSON.stringify(body.errors));
    });
  });

  describe('reservations', () => {
    it('creates one as an advisor (201, Location), then gets and lists it', async () => {
      const book = sinon.spy(app.planning, 'book');
      const slot = await slotOn('courtesy-car-brand', '2026-12-02', '09:00');
      const res = await create(slot, 'Marco Rossi');
      assert.equal(res.status, 201);
      const created = (await res.json()) as Reservation;
      assert.equal(book.firstCall.args[0].bookedBy, 'advisor');
      assert.equal(created.status, 'confirmed');
      assert.equal(created.customerName, 'Marco Rossi');
      assert.match(created.resourceId ?? '', /^cc-/);
      assert.equal(res.headers.get('location'), `/api/planning/reservations/${created.reference}`);

      const one = await get(`/api/planning/reservations/${created.reference}`);
      assert.equal(one.status, 200);
      assert.equal(((await one.json()) as Reservation).reference, created.reference);

      const list = await get('/api/planning/reservations?from=2026-12-02&to=2026-12-02');
      const { reservations } = (await list.json()) as { reservations: Reservation[] };
      assert.ok(reservations.some((r) => r.reference === created.reference));
      const before = await get('/api/planning/reservations?to=2026-12-01');
      assert.ok(!((await before.json()) as { reservations: Reservation[] }).reservations.some((r) => r.reference === created.reference));
    });

    it('is idempotent: the same key gives the same reservation, never a second one', async () => {
      const slot = await slotOn('taxi', '2026-12-03', '10:00');
      const first = (await (await create(slot, 'Anna Verdi', 'same-key')).json()) as Reservation;
      const again = await create(slot, 'Anna Verdi', 'same-key');
      assert.equal(again.status, 201);
      assert.equal(((await again.json()) as Reservation).reference, first.reference);
      const list = (await (await get('/api/planning/reservations?from=2026-12-03&to=2026-12-03')).json()) as { reservations: Reservation[] };
      assert.equal(list.reservations.filter((r) => r.customerName === 'Anna Verdi').length, 1);
    });

    it('refuses a key reused for another reservation (422) and a missing key (400)', async () => {
      const other = await slotOn('taxi', '2026-12-03', '11:00');
      assert.equal((await problem(await create(other, 'Someone Else', 'same-key'), 422)).code, 'idempotency-key-reused');
      const res = await post('/api/planning/reservations', { slot: other, customerName: 'X Y', vehicle: { plate: 'AB123CD' }, serviceId: 'maintenance' });
      const body = await problem(res, 400);
      assert.equal(body.errors?.[0].path, 'Idempotency-Key');
    });

    it('names every bad field of a body (400) and refuses malformed JSON', async () => {
      const res = await post(
        '/api/planning/reservations',
        { slot: { solution: 'courtesy-car-brand', appointmentAt: 'tomorrow', handoverAt: '2026-12-02T09:00:00+01:00', returnAt: '2026-12-02T12:00:00+01:00' }, customerName: '', vehicle: {}, serviceId: 'maintenance' },
        { 'idempotency-key': 'bad-body' },
      );
      const body = await problem(res, 400);
      const paths = body.errors!.map((e) => e.path);
      for (const p of ['slot.appointmentAt', 'customerName', 'vehicle.plate']) assert.ok(paths.includes(p), `${p} in ${paths}`);
      const broken = await problem(await post('/api/planning/reservations', '{"slot":', { 'idempotency-key': 'broken' }), 400);
      assert.equal(broken.code, 'invalid-request');
    });

    it('answers 409 taken when the last car is gone', async () => {
      const slot = await slotOn('courtesy-car-brand', '2026-12-04', '08:30');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await create(slot, `Cliente ${i}`)).status);
      assert.deepEqual(statuses, [201, 201, 201, 409]);
      assert.equal((await problem(await create(slot, 'Cliente 9'), 409)).code, 'taken');
    });

    it('refuses a second overlapping appointment of the same car (409 vehicle-already-booked, naming it) unless staff force it', async () => {
      const slot = await slotOn('taxi', '2026-12-07', '08:30');
      const car = { vehicle: { plate: 'FX456AB', model: 'Maserati Ghibli' } };
      const first = (await (await create(slot, 'Luca Neri', undefined, car)).json()) as Reservation;
      const refused = (await problem(await create(slot, 'Luca Neri', undefined, { vehicle: { plate: 'fx 456 ab' } }), 409)) as Problem & { existing?: unknown };
      assert.equal(refused.code, 'vehicle-already-booked');
      assert.deepEqual(refused.existing, { reference: first.reference, appointmentAt: first.appointmentAt });
      const forced = await create(slot, 'Luca Neri', undefined, { ...car, force: true });
      assert.equal(forced.status, 201);
      assert.notEqual(((await forced.json()) as Reservation).reference, first.reference);
      assert.equal((await problem(await create(slot, 'Luca Neri', undefined, { ...car, force: 'yes' }), 400)).errors?.[0].path, 'force');
    });

    it('moves a reservation (200), refuses a taken slot (409) and an unknown reference (404)', async () => {
      const from = await slotOn('courtesy-car-brand', '2026-12-09', '14:00');
      const created = (await (await create(from, 'Paolo Neri')).json()) as Reservation;
      const to = await slotOn('courtesy-car-brand', '2026-12-10', '09:00');
      const moved = await post(`/api/planning/reservations/${created.reference}/move`, { slot: to });
      assert.equal(moved.status, 200);
      const after = (await moved.json()) as Reservation;
      assert.equal(after.reference, created.reference);
      assert.equal(after.appointmentAt, to.appointmentAt);

      const full = await slotOn('courtesy-car-brand', '2026-12-04', '08:30').catch(() => undefined);
      assert.equal(full, undefined, 'the 4 December slot is full');
      const fullSlot = { solution: 'courtesy-car-brand', appointmentAt: '2026-12-04T08:30:00+01:00', handoverAt: '2026-12-04T09:00:00+01:00', returnAt: '2026-12-04T12:00:00+01:00' };
      assert.equal((await problem(await post(`/api/planning/reservations/${created.reference}/move`, { slot: fullSlot }), 409)).code, 'taken');
      const still = (await (await get(`/api/planning/reservations/${created.reference}`)).json()) as Reservation;
      assert.equal(still.appointmentAt, to.appointmentAt, 'a refused move keeps the reservation where it was');

      assert.equal((await problem(await post('/api/planning/reservations/MC-NOPE00/move', { slot: to }), 404)).code, 'not-found');
      const bad = await problem(await post(`/api/planning/reservations/${created.reference}/move`, { slot: { ...to, returnAt: 'soon' } }), 400);
      assert.equal(bad.errors?.[0].path, 'slot.returnAt');
    });

    it('cancels (200, status cancelled), then filters it out by status; unknown → 404', async () => {
      const slot = await slotOn('rental-car', '2026-12-11', '09:00');
      const created = (await (await create(slot, 'Sara Gallo')).json()) as Reservation;
      const res = await post(`/api/planning/reservations/${created.reference}/cancel`, {});
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as Reservation).status, 'cancelled');
      const confirmed = (await (await get('/api/planning/reservations?from=2026-12-11&to=2026-12-11&status=held,confirmed')).json()) as { reservations: Reservation[] };
      assert.ok(!confirmed.reservations.some((r) => r.reference === created.reference));
      assert.equal((await problem(await get('/api/planning/reservations/MC-NOPE00'), 404)).code, 'not-found');
      assert.equal((await problem(await post('/api/planning/reservations/MC-NOPE00/cancel', {}), 404)).code, 'not-found');
    });

    it('records who created, moved and cancelled a reservation, and when (#13): staff, by the name given', async () => {
      const from = await slotOn('taxi', '2026-12-14', '08:30');
      const to = await slotOn('taxi', '2026-12-15', '14:00');
      const created = (await (await create(from, 'Elena Costa', undefined, { by: { name: 'Marta al banco' } })).json()) as Reservation;
      assert.equal((await post(`/api/planning/reservations/${created.reference}/move`, { slot: to, by: { name: 'Giulia' } })).status, 200);
      const cancelled = await post(`/api/planning/reservations/${created.reference}/cancel`, undefined as unknown as object);
      assert.equal(cancelled.status, 200);
      const at = MONDAY_9AM.toISOString();
      const placed = (s: Slot) => ({ solution: s.solution, appointmentAt: s.appointmentAt, handoverAt: s.handoverAt, returnAt: s.returnAt });
      assert.deepEqual(((await cancelled.json()) as Reservation & { history: unknown[] }).history, [
        { type: 'created', at, by: { kind: 'staff', name: 'Marta al banco' } },
        { type: 'rescheduled', at, by: { kind: 'staff', name: 'Giulia' }, from: placed(from), to: placed(to) },
        { type: 'cancelled', at, by: { kind: 'staff' } },
      ]);
    });

    it('moves a pickup & delivery reservation to a new address (same slot): stored, and the history says from → to (#13)', async () => {
      const slot = await slotOn('pickup-delivery', '2026-12-16', '09:30');
      const created = (await (await create(slot, 'Lia Conti', undefined, { legs: 'both', address: 'Via Emilia Est 10, Modena' })).json()) as Reservation;
      const res = await post(`/api/planning/reservations/${created.reference}/move`, { slot, legs: 'both', address: 'Via Giardini 400, Modena', by: { name: 'Giulia' } });
      assert.equal(res.status, 200);
      const moved = (await res.json()) as Reservation & { address?: string; history: { type: string; from?: { address?: string }; to?: { address?: string } }[] };
      assert.equal(moved.address, 'Via Giardini 400, Modena');
      const last = moved.history.at(-1)!;
      assert.equal(last.type, 'rescheduled');
      assert.equal(last.from?.address, 'Via Emilia Est 10, Modena');
      assert.equal(last.to?.address, 'Via Giardini 400, Modena');
      // an empty address is bad input and changes nothing
      assert.equal((await post(`/api/planning/reservations/${created.reference}/move`, { slot, address: '   ' })).status, 400);
      assert.equal(((await (await get(`/api/planning/reservations/${created.reference}`)).json()) as { address?: string }).address, 'Via Giardini 400, Modena');
    });

    it('cancels twice as once (200, one cancellation recorded) and refuses to move a cancelled reservation (409 cancelled)', async () => {
      const slot = await slotOn('taxi', '2026-12-14', '10:00');
      const created = (await (await create(slot, 'Pietro Galli')).json()) as Reservation;
      for (let i = 0; i < 2; i++) assert.equal((await post(`/api/planning/reservations/${created.reference}/cancel`, { by: { name: 'Giulia' } })).status, 200);
      const got = (await (await get(`/api/planning/reservations/${created.reference}`)).json()) as Reservation & { history: { type: string }[] };
      assert.deepEqual(got.history.map((e) => e.type), ['created', 'cancelled']);
      const other = await slotOn('taxi', '2026-12-15', '10:00');
      assert.equal((await problem(await post(`/api/planning/reservations/${created.reference}/move`, { slot: other }), 409)).code, 'cancelled');
    });

    it('lets nobody claim to be the customer or an advisor through the staff token (400)', async () => {
      const slot = await slotOn('taxi', '2026-12-14', '11:00');
      const created = (await (await create(slot, 'Irene Sala')).json()) as Reservation;
      for (const by of [{ kind: 'customer' }, { name: '' }, 'Giulia']) {
        assert.equal((await problem(await post(`/api/planning/reservations/${created.reference}/cancel`, { by }), 400)).errors?.[0].path.split('.')[0], 'by');
      }
      assert.equal(((await (await get(`/api/planning/reservations/${created.reference}`)).json()) as Reservation).status, 'confirmed');
    });

    it('refuses to move an appointment onto another of the same car (409 vehicle-already-booked) unless staff force it', async () => {
      const morning = await slotOn('taxi', '2026-12-16', '08:30');
      const nextDay = await slotOn('taxi', '2026-12-17', '08:30');
      const car = { vehicle: { plate: 'GG777GG', model: 'Maserati Grecale' } };
      const first = (await (await create(morning, 'Nadia Fontana', undefined, car)).json()) as Reservation;
      const second = (await (await create(nextDay, 'Nadia Fontana', undefined, car)).json()) as Reservation;
      const refused = (await problem(await post(`/api/planning/reservations/${second.reference}/move`, { slot: morning }), 409)) as Problem & { existing?: unknown };
      assert.equal(refused.code, 'vehicle-already-booked');
      assert.deepEqual(refused.existing, { reference: first.reference, appointmentAt: first.appointmentAt });
      const forced = await post(`/api/planning/reservations/${second.reference}/move`, { slot: morning, force: true });
      assert.equal(forced.status, 200);
      assert.equal(((await forced.json()) as Reservation).appointmentAt, morning.appointmentAt);
    });

    it('names a bad query parameter (400)', async () => {
      for (const [query, path] of [['from=yesterday', 'from'], ['status=lost', 'status'], ['from=2026-12-10&to=2026-12-01', 'to'], ['colour=red', '(query)']] as const) {
        const body = await problem(await get(`/api/planning/reservations?${query}`), 400);
        assert.ok(body.errors!.some((e) => e.path.split('.')[0] === path), `${query}: ${JSON.stringify(body.errors)}`);
      }
    });
  });

  describe('when the planning is unreachable', () => {
    it('answers 503 problem+json, with Retry-After and no stack trace', async () => {
      sinon.stub(app.planning, 'list').rejects(Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }));
      sinon.stub(app.planning, 'book').rejects(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
      const res = await get('/api/planning/reservations');
      const body = await problem(res, 503);
      assert.equal(body.code, 'planning-unavailable');
      assert.equal(res.headers.get('retry-after'), '5');
      assert.doesNotMatch(JSON.stringify(body), /SQLITE|ECONNREFUSED/);
      const slot = { solution: 'taxi', appointmentAt: '2026-12-14T09:00:00+01:00', handoverAt: '2026-12-14T09:30:00+01:00', returnAt: '2026-12-14T12:30:00+01:00' };
      assert.equal((await problem(await create(slot), 503)).code, 'planning-unavailable');
    });
  });
});
