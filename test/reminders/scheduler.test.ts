/**
 * Issue #13: the scheduler against the real engine and the embedded planning. Customers book on
 * WhatsApp (the engine keeps their number, as the webhook does), say yes or no to the reminder;
 * the clock is moved to the day before; the reminder is read from the planning when it is sent
 * — what it says (time, place, mobility, documents) in Italian and English, the WhatsApp template
 * parameters in the dealer file's order — and a cancelled or moved booking never gets a stale one.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import { createEngine } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { loadDealer } from '../../src/dealer/load';
import type { PlanningSystem } from '../../src/planning/planning';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import type { ReminderContent } from '../../src/reminders/content';
import { ReminderScheduler } from '../../src/reminders/scheduler';
import type { ReminderRecord } from '../../src/reminders/store';
import { DEALER_FILE, MONDAY_9AM } from '../conversation/harness';

interface Sent {
  record: ReminderRecord;
  content: ReminderContent;
}

describe('Reminder scheduler (issue #13), one instance', () => {
  let now: Date;
  let planning: PlanningSystem;
  let engine: Awaited<ReturnType<typeof createEngine>>;
  let scheduler: ReminderScheduler;
  let sent: Sent[];
  let phones = 0;

  beforeEach(async () => {
    now = MONDAY_9AM;
    const config = loadConfig({ LOG_LEVEL: 'silent', DEALER_CONFIG: DEALER_FILE, SESSION_STORE: 'memory' });
    const dealer = loadDealer(config.DEALER_CONFIG);
    planning = createSqlitePlanning(dealer, { file: ':memory:', clock: () => now });
    engine = await createEngine(config, dealer, { planning, clock: () => now, logger: pino({ level: 'silent' }) });
    sent = [];
    const capture = async (record: ReminderRecord, content: ReminderContent) => {
      sent.push({ record, content });
      return 'sent' as const;
    };
    scheduler = new ReminderScheduler({
      dealer, planning, store: engine.reminders, renderer: engine.renderer, logger: pino({ level: 'silent' }), clock: () => now,
      deliveries: { whatsapp: capture, webchat: capture },
    });
  });
  afterEach(async () => planning.close());

  /** A WhatsApp customer books in two messages and answers the reminder question. */
  async function bookOnWhatsApp(lang: 'it' | 'en', first: string, yes: string, reminder?: string) {
    const phone = `39333${String(++phones).padStart(7, '0')}`;
    const conversationId = `wa:${phone}`;
    const reach = { channel: 'whatsapp' as const, address: { phone } };
    const turn = (text: string) => engine.engine.handle({ conversationId, kind: 'message', text, locale: lang, reach });
    await turn(first);
    const booked = await turn(yes);
    const booking = booked.messages.find((m) => m.booking)?.booking;
    assert.ok(booking, booked.messages.map((m) => m.text).join('\n'));
    if (reminder) await turn(reminder);
    return { booking, phone };
  }

  const at = (iso: string) => (now = new Date(iso));

  it('Italian, taxi: Wednesday 18:00 the reminder says time, place, mobility and documents — once, however often the scan runs', async () => {
    const { booking, phone } = await bookOnWhatsApp('it', 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', 'sì', 'si grazie');
    assert.equal(booking.appointmentAt.slice(0, 16), '2026-12-03T10:00');
    at('2026-12-02T16:59:00Z');
    assert.equal(await scheduler.scan(), 0, 'not before 18:00 the day before');
    at('2026-12-02T17:00:30Z');
    assert.equal(await scheduler.scan(), 1);
    at('2026-12-02T17:05:00Z');
    assert.equal(await scheduler.scan(), 0, 'never twice');
    assert.equal(sent.length, 1);
    const { record, content } = sent[0];
    assert.deepEqual(record.reach, { channel: 'whatsapp', address: { phone } });
    assert.match(content.text, /Gentile Marco Rossi, Le ricordiamo l'appuntamento di domani/);
    assert.match(content.text, /giovedì 3 dicembre.*10:00/);
    assert.match(content.text, /Via Emilia Ovest 1020/);
    assert.match(content.text, /taxi/i);
    assert.match(content.text, /Porti con sé: patente di guida/i);
    assert.match(content.text, new RegExp(booking.reference));
    // the template: the dealer file's name, language and parameter order
    assert.equal(content.template?.name, 'appointment_reminder');
    assert.equal(content.template?.language, 'it');
    const values = (content.template?.components[0] as { parameters: { type: string; text: string }[] }).parameters.map((p) => p.text);
    assert.equal(values.length, 7);
    assert.equal(values[0], 'Marco Rossi');
    assert.match(values[1], /giovedì 3 dicembre/);
    assert.equal(values[2], '10:00');
    assert.equal(values[3], 'Via Emilia Ovest 1020, 41123 Modena MO');
    assert.match(values[4], /taxi/i);
    assert.match(values[5], /patente/);
    assert.equal(values[6], booking.reference);
    for (const v of values) assert.doesNotMatch(v, /[\n\t]/, 'template parameters hold no line breaks');
  });

  it('English: the reminder in the conversation\'s language, the template in en_GB', async () => {
    const { booking } = await bookOnWhatsApp('en', 'Tom Baker here, Ghibli FX456AB, service on Thursday at 10, taxi please', 'yes', 'yes please');
    at('2026-12-02T18:00:00Z');
    assert.equal(await scheduler.scan(), 1);
    const { content } = sent[0];
    assert.match(content.text, /Dear Tom Baker, a reminder of your appointment tomorrow/);
    assert.match(content.text, /Thursday 3 December/);
    assert.match(content.text, /Please bring: driving licence/);
    assert.match(content.text, /call us on \+39 059 820 4400/);
    assert.match(content.text, new RegExp(booking.reference));
    assert.equal(content.template?.language, 'en_GB');
  });

  it('no consent ("no grazie", or no answer at all) → no reminder', async () => {
    await bookOnWhatsApp('it', 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', 'sì', 'no grazie');
    await bookOnWhatsApp('it', 'Sono Luca Ferri, Levante GH123KL, freni giovedì alle 11, taxi', 'si');
    at('2026-12-02T17:30:00Z');
    assert.equal(await scheduler.scan(), 0);
    assert.equal(sent.length, 0);
  });

  it('cancelled after the yes → no reminder', async () => {
    const { booking } = await bookOnWhatsApp('it', 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', 'sì', 'sì');
    assert.ok(await planning.cancel(booking.reference));
    at('2026-12-02T17:30:00Z');
    assert.equal(await scheduler.scan(), 0);
    assert.equal(sent.length, 0);
  });

  it('moved to Friday after the yes → nothing on Wednesday, the reminder of the new time on Thursday', async () => {
    const { booking } = await bookOnWhatsApp('en', 'Tom Baker here, Ghibli FX456AB, service on Thursday at 10, taxi please', 'yes', 'yes');
    const found = await planning.findSlots({
      solution: 'taxi', serviceId: 'maintenance', downtimeHours: 3, now: now.toISOString(), wish: { date: '2026-12-04', time: '11:00', text: 'friday 11' },
    });
    const slot = found.wished ?? found.alternatives[0];
    assert.ok(slot);
    const moved = await planning.reschedule(booking.reference, slot);
    assert.ok(moved.ok);
    at('2026-12-02T17:30:00Z');
    assert.equal(await scheduler.scan(), 0, 'the old day passes without a stale reminder');
    at('2026-12-03T17:30:00Z');
    assert.equal(await scheduler.scan(), 1);
    assert.match(sent[0].content.text, /Friday 4 December/);
  });

  it('a send that fails is tried again at the next scan, and then goes once', async () => {
    await bookOnWhatsApp('it', 'Sono Marco Rossi, Ghibli FX456AB, tagliando giovedì alle 10, prendo il taxi', 'sì', 'sì');
    let fail = true;
    const flaky = new ReminderScheduler({
      dealer: loadDealer(DEALER_FILE), planning, store: engine.reminders, renderer: engine.renderer, logger: pino({ level: 'silent' }), clock: () => now,
      deliveries: {
        whatsapp: async (record, content) => {
          if (fail) throw new Error('Graph API 503');
          sent.push({ record, content });
          return 'sent';
        },
      },
    });
    at('2026-12-02T17:01:00Z');
    assert.equal(await flaky.scan(), 0);
    fail = false;
    at('2026-12-02T17:02:00Z');
    assert.equal(await flaky.scan(), 1);
    assert.equal(await flaky.scan(), 0);
    assert.equal(sent.length, 1);
  });
});
