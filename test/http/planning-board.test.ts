/**
 * The planning board in a real headless Chromium (Debian's, driven by playwright-core): login
 * with the staff token, rows per resource, bars for held and confirmed reservations, today
 * marked, the hover card, the language switch. Saves screenshots to test-artifacts/.
 * On CI a missing Chromium fails; locally the suite is skipped with a message.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium, requireChromium } from '../support/chromium';
import type { SolutionId } from '../../dialogs/model';
import { loadConfig } from '../../src/config';
import { createApp, type App } from '../../src/main';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';
import { readyAt } from '../../src/planning/ready-at';

const TOKEN = 'test-token';

describe('planning board (/planning) in headless Chromium', function () {
  this.timeout(60_000);
  let app: App;
  let base: string;
  let browser: Browser;
  const refs: Record<string, string> = {};

  before(async function () {
    if (!requireChromium(this, 'board tests')) return;
    app = await createApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', PLANNING_API_TOKEN: TOKEN, LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE }),
      { clock: () => MONDAY_9AM },
    );
    base = `http://127.0.0.1:${(await app.listen()).port}`;
    await seed();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Held and confirmed reservations on several resources, through the port. */
  async function seed(): Promise<void> {
    const take = async (name: string, solution: SolutionId, date: string, time: string, downtimeHours: number, how: 'book' | 'hold' = 'book') => {
      const search = await app.planning.findSlots({ solution, serviceId: 'maintenance', downtimeHours, wish: { date, time, text: '' }, now: MONDAY_9AM.toISOString() });
      // The nearest alternative will do when the wished time is taken by the quota.
      const slot = search.wished ?? search.alternatives[0];
      assert.ok(slot?.appointmentAt.startsWith(date), `${solution} ${date} ${time}: ${JSON.stringify(search)}`);
      const request = {
        // a car per customer: one vehicle has one appointment at a time (#13)
        idempotencyKey: `seed-${name}`, slot, customerName: name, vehicle: { plate: `FX${Object.keys(refs).length}00AB`, model: 'Maserati Levante' },
        serviceId: 'maintenance' as const, need: 'tagliando', bookedBy: 'advisor' as const,
      };
      if (how === 'hold') {
        const held = await app.planning.hold(request);
        assert.ok(held.ok);
        refs[name] = held.reference;
      } else {
        const booked = await app.planning.book(request);
        assert.ok(booked.ok);
        refs[name] = booked.booking.reference;
      }
    };
    await take('Marco Rossi', 'courtesy-car-brand', '2026-12-01', '09:00', 16);
    await take('Giulia Bianchi', 'courtesy-car-other', '2026-12-02', '08:30', 6, 'hold');
    await take('Luca Ferrari', 'rental-car', '2026-12-03', '09:00', 8);
    await take('Anna Verdi', 'taxi', '2026-11-30', '14:00', 3);
    await take('Paolo Neri', 'pickup-delivery', '2026-12-04', '09:00', 3);
    await take('Elena Conti', 'courtesy-car-brand', '2026-12-09', '14:00', 3);
  }

  async function open(locale: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1480, height: 860 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/planning`);
    return { page, errors };
  }

  async function signIn(page: Page, token = TOKEN): Promise<void> {
    await page.locator('#token').fill(token);
    await page.locator('#login-form button[type=submit]').click();
  }

  it('serves the page with a strict CSP and its words per language', async () => {
    const res = await fetch(`${base}/planning`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await res.text(), /<html/);
    const it = (await (await fetch(`${base}/planning/i18n/it`)).json()) as { title: string };
    assert.equal(it.title, 'Planning mobilità');
    assert.equal((await fetch(`${base}/planning/i18n/xx`)).status, 404);
  });

  it('asks for the token once, refuses a wrong one, and keeps a good one for the tab', async () => {
    const { page, errors } = await open('it-IT');
    await page.locator('#login').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Planning mobilità');
    await signIn(page, 'wrong-token');
    await page.locator('#login-error').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'planning-board-login.png') });
    assert.match((await page.locator('#login-error').textContent()) ?? '', /token non è stato accettato/);
    await signIn(page);
    await page.locator('.bar').first().waitFor();
    await page.reload();
    await page.locator('.bar').first().waitFor();
    assert.equal(await page.locator('#login').isVisible(), false);
    assert.deepEqual(errors.filter((e) => !/401/.test(e)), []);
    await page.context().close();
  });

  it('draws one row per resource, the bars, today, and the hover card (Italian), then English', async () => {
    const { page, errors } = await open('it-IT');
    await signIn(page);
    await page.locator('.bar').first().waitFor();

    const rows = await page.locator('.row[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    assert.deepEqual(rows, ['cc-ghibli-1', 'cc-grecale-1', 'cc-levante-1', 'co-tonale-1', 'co-compass-1', 'rental-car', 'pickup-delivery', 'staff-shuttle', 'transport']);
    assert.match((await page.locator('.row[data-row="cc-ghibli-1"] .label').textContent()) ?? '', /Maserati Ghibli\s*GT214RM/);
    assert.match((await page.locator('.row[data-row="rental-car"] .label').textContent()) ?? '', /Europcar Modena · 2 al giorno/);

    // 14 days from the server's today, today marked in the header and by the "now" line.
    const days = await page.locator('.day').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')));
    assert.equal(days.length, 14);
    assert.equal(days[0], '2026-11-30');
    assert.equal(days[13], '2026-12-13');
    assert.equal(await page.locator('.day.today').getAttribute('data-day'), '2026-11-30');
    assert.equal(await page.locator('.day.today').getAttribute('aria-current'), 'date');
    assert.match((await page.locator('.day.today').textContent()) ?? '', /Oggi/);
    assert.ok((await page.locator('.now').count()) >= 9);
    assert.equal(await page.locator('.day[data-day="2026-12-06"]').getAttribute('title'), 'Chiuso');
    assert.equal(await page.locator('.day[data-day="2026-12-08"]').getAttribute('title'), 'Immacolata Concezione');

    // Bars: every seeded reservation, in its row; the held one looks different.
    assert.equal(await page.locator('.bar').count(), 6);
    const bar = (name: string) => page.locator(`.bar[data-reference="${refs[name]}"]`);
    assert.equal(await page.locator(`.row[data-row="rental-car"] .bar[data-reference="${refs['Luca Ferrari']}"]`).count(), 1);
    assert.equal(await page.locator(`.row[data-row="transport"] .bar[data-reference="${refs['Anna Verdi']}"]`).count(), 1);
    assert.equal(await page.locator(`.row[data-row="pickup-delivery"] .bar[data-reference="${refs['Paolo Neri']}"]`).count(), 1);
    assert.equal(await bar('Giulia Bianchi').getAttribute('data-status'), 'held');
    assert.equal(await bar('Marco Rossi').getAttribute('data-status'), 'confirmed');
    // Evaluated in the page (a string: the tests compile without the DOM library).
    const look = (name: string) =>
      page.evaluate(`(() => { const s = getComputedStyle(document.querySelector('.bar[data-reference="${refs[name]}"]')); return [s.backgroundImage, s.backgroundColor, s.borderStyle].join('|'); })()`);
    assert.notEqual(await look('Giulia Bianchi'), await look('Marco Rossi'));
    // A reservation over two days is wider than a half-day one.
    const width = async (name: string) => (await bar(name).boundingBox())!.width;
    assert.ok((await width('Marco Rossi')) > 1.5 * (await width('Anna Verdi')));

    await bar('Giulia Bianchi').hover();
    const tip = page.locator('#tip');
    await tip.waitFor();
    const text = (await tip.textContent()) ?? '';
    assert.match(text, /Giulia Bianchi/);
    assert.ok(text.includes(`Rif. ${refs['Giulia Bianchi']}`), text);
    assert.match(text, /In opzione/);
    assert.match(text, /Vettura di cortesia/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'planning-board-it.png'), fullPage: true });

    // Language switch: every word changes, the data stays.
    await page.locator('[data-lang="en"]').click();
    await page.locator('h1', { hasText: 'Mobility planning' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match((await page.locator('.day.today').textContent()) ?? '', /Today/);
    await bar('Marco Rossi').hover();
    const en = (await tip.textContent()) ?? '';
    assert.match(en, /Marco Rossi/);
    assert.ok(en.includes(`Ref. ${refs['Marco Rossi']}`), en);
    assert.match(en, /Confirmed/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'planning-board-en.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('opens in English for an English browser, and navigates week by week', async () => {
    const { page } = await open('en-GB');
    await signIn(page);
    await page.locator('.bar').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Mobility planning');
    await page.locator('#next').click();
    // the board shows two weeks: the 7th is on it before the click too, so wait for the first day to move
    await page.locator('.day[data-day="2026-12-20"]').first().waitFor();
    assert.equal(await page.locator('.day').first().getAttribute('data-day'), '2026-12-07');
    assert.equal(await page.locator('.day.today').count(), 0);
    assert.equal(await page.locator(`.bar[data-reference="${refs['Elena Conti']}"]`).count(), 1);
    await page.locator('#prev').click();
    await page.locator('#prev').click();
    await page.locator('.day[data-day="2026-11-23"]').first().waitFor();
    assert.equal(await page.locator('.day.today').getAttribute('data-day'), '2026-11-30');
    await page.locator('#today').click();
    await page.locator('.day[data-day="2026-12-13"]').first().waitFor();
    assert.equal(await page.locator('.day').first().getAttribute('data-day'), '2026-11-30');
    await page.context().close();
  });
  it('flags two overlapping appointments of one car (forced by staff), with a legend line and the card (#13)', async () => {
    const car = { plate: 'FY777ZZ', model: 'Maserati Grecale' };
    const twice: string[] = [];
    for (const [name, time] of [['Carla Russo', '09:00'], ['Carla Russo (bis)', '10:00']]) {
      const search = await app.planning.findSlots({ solution: 'taxi', serviceId: 'maintenance', downtimeHours: 3, wish: { date: '2026-12-10', time, text: '' }, now: MONDAY_9AM.toISOString() });
      assert.ok(search.wished);
      const booked = await app.planning.book({
        idempotencyKey: `seed-${name}`, slot: search.wished, customerName: name, vehicle: car, serviceId: 'maintenance', need: 'tagliando', bookedBy: 'advisor', force: true,
      });
      assert.ok(booked.ok);
      twice.push(booked.booking.reference);
    }
    const { page, errors } = await open('it-IT');
    await signIn(page);
    await page.locator('.bar').first().waitFor();
    await page.locator('#next').click();
    await page.locator('.day[data-day="2026-12-07"]').first().waitFor();
    const flagged = await page.locator('.bar.overlap').evaluateAll((els) => els.map((e) => e.getAttribute('data-reference')).sort());
    assert.deepEqual(flagged, [...twice].sort());
    assert.equal(await page.locator(`.bar[data-reference="${refs['Elena Conti']}"].overlap`).count(), 0, 'another car is not flagged');
    assert.match((await page.locator('.legend').textContent()) ?? '', /Stessa vettura due volte/);
    await page.locator(`.bar[data-reference="${twice[0]}"]`).hover();
    const tip = page.locator('#tip');
    await tip.waitFor();
    assert.ok(((await tip.textContent()) ?? '').includes(`La stessa vettura è anche in ${twice[1]}`));
    assert.match((await page.locator(`.bar[data-reference="${twice[1]}"]`).getAttribute('aria-label')) ?? '', new RegExp(twice[0]));
    await page.screenshot({ path: path.join(ARTIFACTS, 'planning-board-overlap.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  /** A confirmed booking through the port, on the day and time asked (taxi: nothing runs out). */
  async function bookTaxi(name: string, date: string, time: string, vehicle: { plate: string; model: string }, on: App = app) {
    const search = await on.planning.findSlots({ solution: 'taxi', serviceId: 'maintenance', downtimeHours: 3, wish: { date, time, text: '' }, now: MONDAY_9AM.toISOString() });
    assert.ok(search.wished, `${date} ${time}: ${JSON.stringify(search)}`);
    const booked = await on.planning.book({ idempotencyKey: `seed-${name}-${date}-${time}`, slot: search.wished, customerName: name, vehicle, serviceId: 'maintenance', need: 'tagliando' });
    assert.ok(booked.ok, JSON.stringify(booked));
    return { reference: booked.booking.reference, slot: search.wished };
  }

  it('shows who moved or cancelled a reservation, and when, on the bar and the card; cancellations can be hidden (#13)', async () => {
    const moved = await bookTaxi('Franco Moretti', '2026-12-10', '14:00', { plate: 'FM101AA', model: 'Maserati Ghibli' });
    const to = await app.planning.findSlots({ solution: 'taxi', serviceId: 'maintenance', downtimeHours: 3, wish: { date: '2026-12-11', time: '09:00', text: '' }, now: MONDAY_9AM.toISOString() });
    assert.ok(to.wished);
    assert.ok((await app.planning.reschedule(moved.reference, to.wished, undefined, { kind: 'customer' })).ok);
    const dropped = await bookTaxi('Silvia Greco', '2026-12-11', '14:00', { plate: 'SG202BB', model: 'Maserati Levante' });
    assert.equal(await app.planning.cancel(dropped.reference, { kind: 'advisor', name: 'Giulia Neri' }), true);

    const { page, errors } = await open('it-IT');
    await signIn(page);
    await page.locator('.bar').first().waitFor();
    await page.locator('#next').click();
    await page.locator('.day[data-day="2026-12-07"]').first().waitFor();
    const movedBar = page.locator(`.bar[data-reference="${moved.reference}"]`);
    const droppedBar = page.locator(`.bar[data-reference="${dropped.reference}"]`);
    await droppedBar.waitFor();
    assert.equal(await movedBar.getAttribute('data-change'), 'rescheduled');
    assert.equal(await movedBar.getAttribute('data-changed-by'), 'customer');
    assert.match((await movedBar.getAttribute('class')) ?? '', /\bmoved\b/);
    assert.match((await movedBar.getAttribute('aria-label')) ?? '', /Spostata dal cliente: gio 10 dic, 14:00 → ven 11 dic, 09:00 · lun 30 nov, 09:00/);
    assert.equal(await droppedBar.getAttribute('data-status'), 'cancelled');
    assert.match((await droppedBar.getAttribute('aria-label')) ?? '', /Annullata da Giulia Neri \(consulente\) · lun 30 nov, 09:00/);
    assert.match(((await page.locator('.legend').textContent()) ?? '').replace(/\s+/g, ' '), /Spostata Annullata/);

    await movedBar.hover();
    const tip = page.locator('#tip');
    await tip.waitFor();
    const card = (await tip.innerText()).replace(/\s+/g, ' ');
    assert.match(card, /lun 30 nov, 09:00 Prenotata dal cliente/i);
    assert.match(card, /lun 30 nov, 09:00 Spostata dal cliente: gio 10 dic, 14:00 → ven 11 dic, 09:00/i);
    await page.screenshot({ path: path.join(ARTIFACTS, 'planning-board-changes.png'), fullPage: true });

    await page.locator('[data-lang="en"]').click();
    await page.locator('h1', { hasText: 'Mobility planning' }).waitFor();
    await droppedBar.hover();
    assert.match((await tip.innerText()).replace(/\s+/g, ' '), /Cancelled by Giulia Neri \(advisor\)/);

    await page.locator('#show-cancelled').uncheck();
    await droppedBar.waitFor({ state: 'detached' });
    assert.equal(await movedBar.count(), 1, 'the moved booking stays');
    await page.locator('#show-cancelled').check();
    await droppedBar.waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows a new pickup & delivery address given by the customer, old → new, on the card (#13)', async () => {
    const search = await app.planning.findSlots({ solution: 'pickup-delivery', legs: 'both', serviceId: 'maintenance', downtimeHours: 3, wish: { date: '2026-12-09', time: '10:00', text: '' }, now: MONDAY_9AM.toISOString() });
    assert.ok(search.wished, JSON.stringify(search));
    const booked = await app.planning.book({
      idempotencyKey: 'seed-readdressed', slot: search.wished, legs: 'both', customerName: 'Paola Ferri', vehicle: { plate: 'PF303CC', model: 'Maserati Grecale' },
      serviceId: 'maintenance', need: 'tagliando', address: 'Via Giardini 100, 41043 Formigine',
    });
    assert.ok(booked.ok, JSON.stringify(booked));
    const { reference } = booked.booking;
    assert.ok((await app.planning.reschedule(reference, search.wished, 'both', { kind: 'customer' }, { address: 'Via Radici in Piano 5, Sassuolo' })).ok);

    const { page, errors } = await open('it-IT');
    await signIn(page);
    await page.locator('.bar').first().waitFor();
    await page.locator('#next').click();
    const bar = page.locator(`.bar[data-reference="${reference}"]`).first();
    await bar.waitFor();
    assert.match((await bar.getAttribute('aria-label')) ?? '', /Nuovo indirizzo dal cliente: Via Giardini 100, 41043 Formigine → Via Radici in Piano 5, Sassuolo/);
    await bar.hover();
    const tip = page.locator('#tip');
    await tip.waitFor();
    const card = (await tip.innerText()).replace(/\s+/g, ' ');
    assert.match(card, /Indirizzo Via Radici in Piano 5, Sassuolo/i);
    assert.match(card, /Nuovo indirizzo dal cliente: Via Giardini 100, 41043 Formigine → Via Radici in Piano 5, Sassuolo/);
    await page.locator('[data-lang="en"]').click();
    await page.locator('h1', { hasText: 'Mobility planning' }).waitFor();
    await bar.hover();
    assert.match((await tip.innerText()).replace(/\s+/g, ' '), /New address by the customer: Via Giardini 100, 41043 Formigine → Via Radici in Piano 5, Sassuolo/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('shows work added by the customer, old → new with the new ready time, on the bar and the card (#13)', async () => {
    const search = await app.planning.findSlots({ solution: 'taxi', serviceId: 'maintenance', downtimeHours: 3, wish: { date: '2026-12-09', time: '11:00', text: '' }, now: MONDAY_9AM.toISOString() });
    assert.ok(search.wished, JSON.stringify(search));
    const booked = await app.planning.book({
      idempotencyKey: 'seed-work-added', slot: search.wished, customerName: 'Luca Verdi', vehicle: { plate: 'LV404DD', model: 'Maserati Ghibli' },
      serviceId: 'maintenance', need: 'tagliando',
    });
    assert.ok(booked.ok, JSON.stringify(booked));
    const { reference } = booked.booking;
    const longer = { ...search.wished, returnAt: readyAt(app.dealer, search.wished.handoverAt, 5.5) };
    assert.ok((await app.planning.reschedule(reference, longer, undefined, { kind: 'customer' }, { services: ['maintenance', 'brakes'], need: 'tagliando\nanche i freni' })).ok);

    const { page, errors } = await open('it-IT');
    await signIn(page);
    await page.locator('.bar').first().waitFor();
    await page.locator('#next').click();
    const bar = page.locator(`.bar[data-reference="${reference}"]`).first();
    await bar.waitFor();
    assert.match((await bar.getAttribute('aria-label')) ?? '', /Lavoro aggiunto dal cliente: Tagliando → Tagliando, Freni, pronta/);
    await bar.hover();
    const tip = page.locator('#tip');
    await tip.waitFor();
    assert.match((await tip.innerText()).replace(/\s+/g, ' '), /Lavoro aggiunto dal cliente: Tagliando → Tagliando, Freni, pronta/);
    await page.locator('[data-lang="en"]').click();
    await page.locator('h1', { hasText: 'Mobility planning' }).waitFor();
    await bar.hover();
    assert.match((await tip.innerText()).replace(/\s+/g, ' '), /Work added by the customer: .+ → .+, Brakes, ready/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('flags overlapping appointments of one car that the planning booked because the dealer only flags them (#13)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'board-flag-'));
    const file = path.join(dir, 'dealer.json');
    const raw = JSON.parse(readFileSync(DEALER_FILE, 'utf8'));
    raw.workshop.vehicleOverlap = 'flag';
    writeFileSync(file, JSON.stringify(raw));
    const flagging = await createApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', PLANNING_URL: 'memory', PLANNING_API_TOKEN: TOKEN, LOG_LEVEL: 'silent', DEALER_CONFIG: file }),
      { clock: () => MONDAY_9AM },
    );
    try {
      const flagBase = `http://127.0.0.1:${(await flagging.listen()).port}`;
      const car = { plate: 'FL123AG', model: 'Maserati Grecale' };
      const twice = [
        (await bookTaxi('Rita Barbieri', '2026-12-03', '09:00', car, flagging)).reference,
        (await bookTaxi('Rita Barbieri', '2026-12-03', '10:00', car, flagging)).reference,
      ].sort();
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1480, height: 860 } });
      const page = await context.newPage();
      await page.goto(`${flagBase}/planning`);
      await signIn(page);
      await page.locator('.bar.overlap').first().waitFor();
      assert.deepEqual(await page.locator('.bar.overlap').evaluateAll((els) => els.map((e) => e.getAttribute('data-reference')).sort()), twice);
      await context.close();
    } finally {
      await flagging.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
