/**
 * One renderer, tested per channel with the longest labels of the locale files: every
 * choice-like key (choice.*, solution.*, legs.*, change.*, service.*) in Italian and English,
 * longest first, in groups of 1 to 12. Each channel keeps its limits and shows every label
 * whole — never cut.
 */
import assert from 'node:assert/strict';
import type { i18n } from 'i18next';
import { LANGUAGES, type Booking, type Lang } from '../../dialogs/model';
import { replyActivities } from '../../src/channels/botframework/activities';
import { consoleInput, consoleText } from '../../src/channels/console/console-renderer';
import type { TurnOutput } from '../../src/engine/turn-engine';
import { createI18n, readLocale } from '../../src/i18n/i18n';
import { matchChoiceTitle } from '../../src/nlu/choice-title';
import { Renderer, type RenderedChoice, type RenderedMessage } from '../../src/render/render';
import { renderTeams, TEAMS_LIMITS, type TeamsMessage } from '../../src/render/teams';
import { teamsWords } from '../../src/render/teams-words';
import { renderWhatsApp, WA_LIMITS, type WaPayload } from '../../src/render/whatsapp';
import { whatsAppWords } from '../../src/render/whatsapp-words';

const GROUPS = ['choice', 'solution', 'legs', 'change', 'service'];
const SAMPLE = { n: 3, appointmentAt: '2026-12-30T15:30:00+01:00', service: 'climatizzazione e ricarica del gas refrigerante' };
const BOOKING: Booking = {
  reference: 'MC-7Q4K2P', customerName: 'Maria Beatrice Castelfranchi della Rovere', service: 'warranty-repair', solution: 'courtesy-car-other',
  appointmentAt: '2026-12-30T08:30:00+01:00', handoverAt: '2026-12-30T09:00:00+01:00', returnAt: '2026-12-31T17:30:00+01:00',
};

type Element = Record<string, unknown>;
const elements = (node: unknown): Element[] =>
  !node || typeof node !== 'object' ? [] : Array.isArray(node) ? node.flatMap(elements)
    : [node as Element, ...['body', 'items', 'actions'].flatMap((k) => elements((node as Element)[k]))];

describe('one renderer, per channel, with the longest labels', () => {
  let i18n: i18n;
  let renderer: Renderer;

  before(async () => {
    i18n = await createI18n({ dealer: 'Maserati Modena Concessionaria Ufficiale', phone: '+39 059 000 0000' });
    renderer = new Renderer(i18n, 'Europe/Rome');
  });

  function longest(lang: Lang): RenderedChoice[] {
    const locale = readLocale(lang) as Record<string, Record<string, unknown>>;
    const keys = GROUPS.flatMap((g) => Object.entries(locale[g]).filter(([, v]) => typeof v === 'string').map(([k]) => `${g}.${k}`));
    return keys
      .map((key, i) => ({ key, title: renderer.text(key, SAMPLE as never, lang), value: `tok:${i}` }))
      .sort((a, b) => b.title.length - a.title.length);
  }

  /** The longest titles together, then sliding windows over all of them. */
  function* groupings(all: RenderedChoice[]): Generator<RenderedChoice[]> {
    for (let size = 1; size <= 12; size++) {
      for (let start = 0; start + size <= all.length; start += Math.max(1, Math.floor(size / 2))) yield all.slice(start, start + size);
    }
  }

  const ask = (choices: RenderedChoice[], lines?: string[]): RenderedMessage => ({
    text: lines ? `Quale preferisce?\n${lines.map((l) => `• ${l}`).join('\n')}` : 'Quale preferisce?',
    ...(lines ? { lines } : {}),
    choices,
    awaiting: 'mobility',
  });

  /** What Teams shows for each option: title and the token a click posts back. */
  function teamsOptions(m: TeamsMessage, choices: RenderedChoice[]): { title: string; token: string | undefined }[] {
    const out: { title: string; token: string | undefined }[] = [];
    for (const a of m.suggestedActions ?? []) out.push({ title: a.title, token: matchChoiceTitle(a.value as string, choices) });
    for (const att of m.attachments ?? []) {
      if (att.contentType.endsWith('hero')) for (const b of att.content.buttons as { title: string; value: { token: string } }[]) out.push({ title: b.title, token: b.value.token });
      else {
        const all = elements(att.content);
        const set = all.find((e) => e.type === 'Input.ChoiceSet');
        if (set) for (const c of set.choices as { title: string; value: string }[]) out.push({ title: c.title, token: c.value });
        else for (const s of all.filter((e) => e.type === 'Action.Submit')) out.push({ title: s.title as string, token: (s.data as { token: string }).token });
      }
    }
    return out;
  }

  for (const lang of LANGUAGES) {
    describe(`${lang}`, () => {
      it('Teams: ≤ 3 suggested actions, hero buttons ≤ 6 of one line, else a choice set; every label whole; < 100 KB', () => {
        let n = 0;
        const kinds = new Set<string>();
        for (const choices of groupings(longest(lang))) {
          for (const withBooking of [false, true]) {
            const message = { ...ask(choices), ...(withBooking ? { booking: BOOKING } : {}) };
            const m = renderTeams(message, teamsWords(renderer, lang));
            const context = `${lang} ${choices.length} ${JSON.stringify(choices.map((c) => c.title))}`;
            assert.ok(Buffer.byteLength(JSON.stringify(m)) < TEAMS_LIMITS.budgetBytes, context);
            assert.ok((m.suggestedActions?.length ?? 0) <= TEAMS_LIMITS.suggestedActions, context);
            if (m.suggestedActions) assert.ok(!m.attachments?.length, `${context}: suggested actions with a card`);
            for (const att of m.attachments ?? []) {
              if (att.contentType.endsWith('hero')) {
                const buttons = att.content.buttons as { title: string }[];
                assert.ok(buttons.length <= TEAMS_LIMITS.heroButtons, context);
                assert.ok(buttons.every((b) => b.title.length <= TEAMS_LIMITS.buttonTitle && !b.title.includes('\n')), context);
                kinds.add('hero');
              } else {
                assert.equal(att.content.version, '1.5');
                if (elements(att.content).some((e) => e.type === 'Input.ChoiceSet')) kinds.add('choiceSet');
              }
            }
            if (m.suggestedActions) kinds.add('suggested');
            // Every option shown once, whole, in order, posting back its own token.
            assert.deepEqual(teamsOptions(m, choices), choices.map((c) => ({ title: c.title, token: c.value })), context);
            n++;
          }
        }
        assert.ok(n > 100);
        assert.deepEqual([...kinds].sort(), ['choiceSet', 'hero', 'suggested']);
      });

      it('Teams: the summary is an Adaptive Card with facts and one Action.Submit per choice; the receipt one too', () => {
        const lines = ['Cliente: Maria Beatrice Castelfranchi della Rovere', renderer.text('summary.documents', { documents: 'patente di guida e libretto di circolazione' }, lang), 'Una riga senza etichetta'];
        const choices = [{ title: renderer.text('choice.confirm', undefined, lang), value: 'yes' }, { title: renderer.text('choice.change', undefined, lang), value: 'no' }];
        const m = renderTeams({ ...ask(choices, lines), awaiting: 'confirm' }, teamsWords(renderer, lang));
        assert.equal(m.text, undefined);
        const all = elements(m.attachments![0].content);
        assert.equal((all.find((e) => e.type === 'FactSet')!.facts as unknown[]).length, 2);
        assert.ok(all.some((e) => e.type === 'TextBlock' && e.text === 'Una riga senza etichetta'));
        assert.deepEqual(all.filter((e) => e.type === 'Action.Submit').map((e) => (e.data as { token: string }).token), ['yes', 'no']);
        const receipt = renderTeams({ text: 'Prenotazione confermata', booking: BOOKING }, teamsWords(renderer, lang));
        const facts = elements(receipt.attachments![0].content).find((e) => e.type === 'FactSet')!.facts as { title: string; value: string }[];
        assert.ok(facts.every((f) => f.title && f.value && !f.title.startsWith('teams.') && !f.value.startsWith('service.')), JSON.stringify(facts));
        assert.ok(facts.some((f) => /30/.test(f.value)), 'dates formatted in the dealer zone');
      });

      it('web chat (Bot Framework activities): every choice a postBack of its token, every title whole', () => {
        for (const choices of groupings(longest(lang))) {
          const turn: TurnOutput = { lang, messages: [ask(choices)] };
          const [activity] = replyActivities(turn);
          const actions = activity.suggestedActions!.actions;
          assert.deepEqual(actions.map((a) => [a.type, a.title, a.value]), choices.map((c) => ['postBack', c.title, c.value]));
        }
      });

      it('WhatsApp: within the Cloud API limits, every label whole or numbered', () => {
        const words = whatsAppWords(renderer, lang);
        for (const choices of groupings(longest(lang))) {
          const payloads: WaPayload[] = renderWhatsApp(ask(choices), words);
          for (const p of payloads) {
            if (p.type === 'text') { assert.ok(p.text.body.length <= WA_LIMITS.text); continue; }
            const i = p.interactive;
            if (i.type === 'button') {
              assert.ok(i.action.buttons.length <= WA_LIMITS.buttons && i.action.buttons.every((b) => b.reply.title.length <= WA_LIMITS.buttonTitle));
            } else {
              const rows = i.action.sections.flatMap((s) => s.rows);
              assert.ok(rows.length <= WA_LIMITS.rows && rows.every((r) => r.title.length <= WA_LIMITS.rowTitle && (r.description ?? '').length <= WA_LIMITS.rowDescription));
            }
          }
          const shown = JSON.stringify(payloads);
          for (const c of choices) {
            const whole = [c.title, c.title.replace(/^\d+\.\s+/, ''), renderer.has(`wa.${c.key}`, lang) ? renderer.text(`wa.${c.key}`, undefined, lang) : c.title];
            assert.ok(whole.some((t) => shown.includes(JSON.stringify(t).slice(1, -1))), `${lang}: ${c.title}`);
          }
        }
      });

      it('console: every title whole, numbered, and its number posts the token', () => {
        for (const choices of groupings(longest(lang))) {
          const text = consoleText(ask(choices));
          choices.forEach((c, i) => {
            assert.ok(text.includes(`[${i + 1}] ${c.title}`));
            assert.equal(consoleInput(String(i + 1), choices), c.value);
          });
        }
      });
    });
  }
});
