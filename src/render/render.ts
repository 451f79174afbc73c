/**
 * The dialogue's output → words, in the conversation's language, channel-neutral. Channels
 * (src/channels/*) fit the result to what they can show.
 *
 * Parameter conventions: a string naming a word (`solution.taxi`, `service.tyres`, `doc.keys`,
 * `legs.both`, `right.warranty`) is translated; a list of them becomes a natural list; an ISO
 * instant becomes a date and time in the dealer's zone; a `yyyy-MM-dd` day a long date (with its
 * weekday when the parameter is named `day`);
 * `amount` and `total` are money in euro; a line with `was` is marked as changed, with its new value only.
 * @module
 */
import type { i18n } from 'i18next';
import type { Awaiting, Booking, Lang } from '../../dialogs/model';
import type { HandoffReason, Line, Output, Params } from '../../dialogs/output';

export interface RenderedChoice {
  title: string;
  value: string;
  /** The locale key of the title: a channel with short labels looks up its own variant (`wa.<key>`). */
  key?: string;
}

export interface RenderedMessage {
  text: string;
  /** The lines of a list, also included in `text`; a channel may show them as a card. */
  lines?: string[];
  choices?: RenderedChoice[];
  awaiting?: Awaiting;
  booking?: Booking;
}

export interface RenderedTurn {
  messages: RenderedMessage[];
  handoff?: HandoffReason;
  /** #13: the customer answered the reminder question in this turn (recorded by the engine). */
  reminders?: { reference: string; consent: boolean };
}

const WORD = /^(solution|service|legs|right|doc|change)\.[a-z-]+$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCALE: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };
const MAX_TEXTS = 5000;
const MONEY = new Set(['amount', 'total']);

/** Parameters as a cache key: names in order, `undefined` kept apart from a missing one. */
function paramsKey(params: Params): string {
  let key = '';
  for (const [name, value] of Object.entries(params)) key += `${name}\u0001${value === undefined ? '\u0002' : JSON.stringify(value)}\u0001`;
  return key;
}

export class Renderer {
  private readonly formats = new Map<Lang, { instant: Intl.DateTimeFormat; day: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat; money: Intl.NumberFormat; list: Intl.ListFormat }>();

  /**
   * Texts already rendered, by language, key and parameters: a conversation shows the same
   * prompts and choice titles over and over, and i18next's lookup and interpolation cost more
   * than the key. Cleared when the resources change; past the bound it starts again.
   */
  private readonly texts = new Map<string, string>();

  constructor(private readonly i18n: i18n, private readonly timeZone: string) {
    const forget = () => this.texts.clear();
    i18n.store?.on?.('added', forget);
    i18n.store?.on?.('removed', forget);
    i18n.on?.('initialized', forget);
  }

  render(outputs: Output[], lang: Lang): RenderedTurn {
    const turn: RenderedTurn = { messages: [] };
    let booking: Booking | undefined;
    for (const o of outputs) {
      if (o.type === 'booked') booking = o.booking;
      else if (o.type === 'handoff') turn.handoff = o.reason;
      else if (o.type === 'reminders') turn.reminders = { reference: o.reference, consent: o.consent };
      else {
        const lines = o.lines?.map((l) => this.line(l, lang));
        const head = this.text(o.key, o.params, lang);
        const message: RenderedMessage = { text: lines?.length ? `${head}\n${lines.map((l) => `• ${l}`).join('\n')}` : head };
        if (lines?.length) message.lines = lines;
        if (o.type === 'ask') {
          message.awaiting = o.awaiting;
          if (o.choices?.length) message.choices = o.choices.map((c) => ({ title: this.text(c.key, c.params, lang), value: c.value, key: c.key }));
        }
        // The confirmation carries the booking (channelData.booking).
        if (booking) {
          message.booking = booking;
          booking = undefined;
        }
        turn.messages.push(message);
      }
    }
    return turn;
  }

  /** A line of a list; a changed one shows its new value, marked as changed (the old one is no longer true). */
  line(l: Line, lang: Lang): string {
    const now = this.text(l.key, l.params, lang);
    if (!l.was) return now;
    const was = this.text(l.key, l.was, lang);
    const colon = now.indexOf(': ');
    if (l.showWas && colon > 0 && was.slice(0, colon + 2) === now.slice(0, colon + 2)) {
      return this.text('changed.fromTo', { label: now.slice(0, colon), was: was.slice(colon + 2), now: now.slice(colon + 2) }, lang);
    }
    if (colon > 0 && was.slice(0, colon + 2) === now.slice(0, colon + 2)) {
      return this.text('changed.labelled', { label: now.slice(0, colon), was: was.slice(colon + 2), now: now.slice(colon + 2) }, lang);
    }
    return this.text('changed.plain', { was, now }, lang);
  }

  /** Whether a language has words for a key (e.g. a channel's shorter variant). */
  has(key: string, lang: Lang): boolean {
    return this.i18n.exists(key, { lng: lang });
  }

  text(key: string, params: Params | undefined, lang: Lang): string {
    const memo = `${lang}\u0000${key}\u0000${params === undefined ? '' : paramsKey(params)}`;
    const known = this.texts.get(memo);
    if (known !== undefined) return known;
    const values: Record<string, string | number | boolean | undefined> = {};
    for (const [name, value] of Object.entries(params ?? {})) values[name] = this.format(name, value, lang);
    const text = this.i18n.t(key, { ...values, lng: lang });
    if (typeof text === 'string') {
      if (this.texts.size >= MAX_TEXTS) this.texts.clear();
      this.texts.set(memo, text);
    }
    return text;
  }

  private format(name: string, value: Params[string], lang: Lang): string | number | boolean | undefined {
    const f = this.formatsFor(lang);
    if (Array.isArray(value)) return f.list.format(value.map((v) => String(this.format(name, v, lang))));
    if (typeof value === 'number') return MONEY.has(name) ? f.money.format(value) : value;
    if (typeof value !== 'string') return value;
    if (WORD.test(value)) return this.i18n.t(value, { lng: lang });
    if (INSTANT.test(value)) return f.instant.format(new Date(value));
    if (DAY.test(value)) return (name === 'day' ? f.weekday : f.day).format(new Date(`${value}T12:00:00Z`));
    return value;
  }

  private formatsFor(lang: Lang) {
    let f = this.formats.get(lang);
    if (!f) {
      const locale = LOCALE[lang];
      f = {
        instant: new Intl.DateTimeFormat(locale, {
          weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: this.timeZone,
        }),
        day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
        weekday: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
        money: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
        list: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
      };
      this.formats.set(lang, f);
    }
    return f;
  }
}
