/**
 * The WhatsApp module of the renderer with the real locale files: every choice title the
 * dialogue can offer (choice.*, solution.*, legs.*, change.*, service.*), in Italian and
 * English, in every grouping, gives payloads within every WhatsApp limit and never a cut label.
 */
import assert from 'node:assert/strict';
import type { i18n } from 'i18next';
import { LANGUAGES, type Lang } from '../../dialogs/model';
import { createI18n, readLocale } from '../../src/i18n/i18n';
import { Renderer, type RenderedChoice, type RenderedMessage } from '../../src/render/render';
import { renderWhatsApp, WA_LIMITS, type WaPayload, type WaWords } from '../../src/render/whatsapp';
import { splitText } from '../../src/render/whatsapp-split';
import { whatsAppWords } from '../../src/render/whatsapp-words';
import { violations } from '../support/graph-stand-in';

const GROUPS = ['choice', 'solution', 'legs', 'change', 'service'];
const SAMPLE: Record<string, unknown> = { n: 3, appointmentAt: '2026-12-30T15:30:00+01:00', service: 'climatizzazione e ricarica del gas refrigerante' };

const send = (p: WaPayload) => ({ messaging_product: 'whatsapp', to: '393470000000', ...p });
const rowsOf = (p: WaPayload) => (p.type === 'interactive' && p.interactive.type === 'list' ? p.interactive.action.sections.flatMap((s) => s.rows) : []);
const buttonsOf = (p: WaPayload) => (p.type === 'interactive' && p.interactive.type === 'button' ? p.interactive.action.buttons : []);
const bodyOf = (p: WaPayload) => (p.type === 'text' ? p.text.body : p.interactive.body.text);

describe('WhatsApp rendering (src/render/whatsapp.ts)', () => {
  let i18n: i18n;
  let renderer: Renderer;
  const words = (lang: Lang): WaWords => whatsAppWords(renderer, lang);

  before(async () => {
    i18n = await createI18n({ dealer: 'Maserati Modena Concessionaria Ufficiale', phone: '+39 059 000 0000' });
    renderer = new Renderer(i18n, 'Europe/Rome');
  });

  /** Every titled key of the groups, rendered as the customer would see it, longest first. */
  function allChoices(lang: Lang): RenderedChoice[] {
    const locale = readLocale(lang) as Record<string, Record<string, unknown>>;
    const keys = GROUPS.flatMap((g) => Object.entries(locale[g]).filter(([, v]) => typeof v === 'string').map(([k]) => `${g}.${k}`));
    return keys
      .map((key, i) => ({ key, title: renderer.text(key, SAMPLE as never, lang), value: `token:${i}-${key}` }))
      .sort((a, b) => b.title.length - a.title.length);
  }

  function assertWithin(payloads: WaPayload[], choices: RenderedChoice[], context: string): void {
    for (const p of payloads) assert.deepEqual(violations(send(p)), [], `${context}: ${JSON.stringify(p)}`);
    const interactive = payloads.filter((p) => p.type === 'interactive');
    assert.ok(interactive.length <= 1, context);
    const ids = [...interactive.flatMap(buttonsOf).map((b) => b.reply.id), ...interactive.flatMap(rowsOf).map((r) => r.id)];
    if (interactive.length) assert.deepEqual(ids, choices.map((c) => c.value), `${context}: every option, as its token, in order`);
    // Never a cut label: every shown title is a whole short label, a whole title or a number.
    const shown = [...interactive.flatMap(buttonsOf).map((b) => b.reply.title), ...interactive.flatMap(rowsOf).map((r) => r.title)];
    shown.forEach((title, i) => {
      const c = choices[i];
      const short = c.key && i18n.exists(`wa.${c.key}`, { lng: 'it' }) ? [renderer.text(`wa.${c.key}`, undefined, 'it'), renderer.text(`wa.${c.key}`, undefined, 'en')] : [];
      assert.ok([c.title, ...short, String(i + 1)].includes(title), `${context}: "${title}" is not "${c.title}"`);
    });
    // Numbered options are spelled out in the text the customer reads.
    if (shown.some((t, i) => t === String(i + 1) && t !== choices[i].title)) {
      const text = payloads.map(bodyOf).join('\n');
      choices.forEach((c, i) => assert.match(text, new RegExp(`^${i + 1}\\. `, 'm'), context));
    }
    if (!interactive.length) {
      const text = payloads.map(bodyOf).join('\n');
      for (const c of choices) assert.ok(text.includes(c.title.replace(/^\d+\.\s+/, '')), `${context}: ${c.title} listed`);
    }
  }

  for (const lang of LANGUAGES) {
    describe(`with the ${lang} locale`, () => {
      it('keeps every grouping of 1 to 12 of the longest titles within the limits', () => {
        const all = allChoices(lang);
        assert.ok(all.length > 30);
        let rendered = 0;
        for (let size = 1; size <= 12; size++) {
          // The longest titles together, then sliding windows over all of them.
          for (let start = 0; start + size <= all.length; start += Math.max(1, Math.floor(size / 2))) {
            const choices = all.slice(start, start + size);
            const payloads = renderWhatsApp({ text: 'Quale preferisce?', choices }, words(lang));
            assertWithin(payloads, choices, `${lang} ${size}@${start}`);
            rendered++;
          }
        }
        assert.ok(rendered > 100);
      });

      it('gives each real prompt its native form', () => {
        const render = (keys: string[]) => {
          const choices = keys.map((key) => ({ key, title: renderer.text(key, undefined, lang), value: key }));
          const payloads = renderWhatsApp({ text: 'Domanda', choices }, words(lang));
          assertWithin(payloads, choices, keys.join());
          return payloads.at(-1)!;
        };
        // Confirm: 2 short titles → reply buttons with the titles themselves.
        const confirm = render(['choice.confirm', 'choice.change']);
        assert.equal(confirm.type === 'interactive' && confirm.interactive.type, 'button');
        // The apology's "talk to an advisor" (23 characters in Italian) uses its short label.
        const human = render(['choice.human', 'choice.tryAgain']);
        assert.equal(buttonsOf(human)[0].reply.title, renderer.text('wa.choice.human', undefined, lang));
        // Mobility: 8 solutions → a list whose rows show the short label and the full title below.
        const mobility = render(['courtesy-car-brand', 'courtesy-car-other', 'rental-car', 'pickup-delivery', 'taxi', 'staff-shuttle', 'public-transport', 'none'].map((s) => `solution.${s}`));
        const other = rowsOf(mobility).find((r) => r.id === 'solution.courtesy-car-other')!;
        assert.equal(other.title, renderer.text('wa.solution.courtesy-car-other', undefined, lang));
        assert.equal(other.description, renderer.text('solution.courtesy-car-other', undefined, lang));
      });
    });
  }

  it('numbers slot proposals whose dates do not fit a row title, and spells them out in the body', () => {
    const slots = [1, 2, 3].map((n) => ({ key: 'choice.slot', title: renderer.text('choice.slot', { n, appointmentAt: `2026-12-0${n}T08:30:00Z` }, 'it'), value: `slot:${n}` }));
    const choices = [...slots, { key: 'choice.otherDate', title: renderer.text('choice.otherDate', undefined, 'it'), value: 'change:date' }];
    const [list] = renderWhatsApp({ text: 'Ecco le disponibilità più vicine. Quale preferisce?', choices }, words('it'));
    assertWithin([list], choices, 'slots');
    assert.deepEqual(rowsOf(list).map((r) => r.title), ['1', '2', '3', '4']);
    assert.equal(rowsOf(list)[0].description, 'martedì 1 dicembre alle ore 09:30');
    assert.match(bodyOf(list), /\n1\. martedì 1 dicembre alle ore 09:30\n2\. /);
  });

  it('numbers buttons instead of cutting when three labels are too long', () => {
    const choices = ['service.unsupported', 'solution.staff-shuttle', 'solution.courtesy-car-other'].map((key) => ({ key, title: renderer.text(key, SAMPLE as never, 'it'), value: key }));
    choices[1].key = 'no.short.label';
    const payloads = renderWhatsApp({ text: 'Domanda', choices }, words('it'));
    assertWithin(payloads, choices, 'numbered buttons');
    assert.deepEqual(buttonsOf(payloads.at(-1)!).map((b) => b.reply.title), ['1', '2', '3']);
  });

  it('sends more than 10 choices as numbered text', () => {
    const choices = allChoices('it').slice(0, 11);
    const payloads = renderWhatsApp({ text: 'Scelga', choices }, words('it'));
    assert.ok(payloads.every((p) => p.type === 'text'));
    assert.match(bodyOf(payloads.at(-1)!), /^11\. /m);
  });

  it('splits long text at paragraph and line boundaries, each piece within 4096', () => {
    const paragraph = (i: number) => `Paragrafo ${i}. ${'Una riga di testo ragionevolmente lunga. '.repeat(20).trim()}`;
    const text = Array.from({ length: 12 }, (_, i) => paragraph(i)).join('\n\n');
    const payloads = renderWhatsApp({ text }, words('it'));
    assert.ok(payloads.length > 1);
    for (const p of payloads) {
      assert.ok(bodyOf(p).length <= WA_LIMITS.text);
      assert.match(bodyOf(p), /^Paragrafo \d+\./, 'each piece starts at a paragraph');
      assert.match(bodyOf(p), /\.$/, 'each piece ends at a sentence');
    }
    assert.equal(payloads.map(bodyOf).join('\n\n'), text);
  });

  it('splits a text without paragraphs at lines, then sentences, then words — never inside a word', () => {
    const words200 = Array.from({ length: 1500 }, (_, i) => `parola${i}`).join(' ');
    const pieces = splitText(words200, 1000);
    for (const p of pieces) assert.ok(p.length <= 1000);
    assert.equal(pieces.join(' '), words200);
  });

  it('keeps a long question whole above a button body of at most 1024 characters', () => {
    const long = Array.from({ length: 30 }, (_, i) => `• Riga ${i} del riepilogo della prenotazione con qualche dettaglio in più`).join('\n');
    const choices = [{ key: 'choice.confirm', title: 'Confermo', value: 'yes' }, { key: 'choice.change', title: 'Vorrei cambiare', value: 'no' }];
    const payloads = renderWhatsApp({ text: `Ecco il riepilogo.\n${long}`, choices }, words('it'));
    assertWithin(payloads, choices, 'long body');
    assert.equal(payloads.map(bodyOf).join('\n'), `Ecco il riepilogo.\n${long}`);
  });

  it('adds the booking receipt as a text message with the reference and the times', () => {
    const message: RenderedMessage = {
      text: 'Prenotazione confermata, il numero è MC-7K2Q.',
      booking: {
        reference: 'MC-7K2Q', customerName: 'Marco Rossi', solution: 'courtesy-car-other', service: 'maintenance',
        appointmentAt: '2026-12-03T08:30:00Z', handoverAt: '2026-12-03T08:45:00Z', returnAt: '2026-12-03T16:00:00Z',
      },
    };
    const payloads = renderWhatsApp(message, words('it'));
    assert.equal(payloads.length, 2);
    assert.equal(bodyOf(payloads[1]), [
      'Prenotazione MC-7K2Q',
      'Accettazione: giovedì 3 dicembre alle ore 09:30',
      'Mobilità: Auto di cortesia di altra marca',
      'Consegna della mobilità: giovedì 3 dicembre alle ore 09:45',
      'Vettura pronta: giovedì 3 dicembre alle ore 17:00',
    ].join('\n'));
  });
});
