/**
 * The one renderer's WhatsApp module: a rendered message → Cloud API message payloads (without
 * the recipient), always within WA_LIMITS, because Meta rejects an over-long label instead of
 * cutting it — and we never cut one either.
 *
 * Choices: reply buttons when there are at most 3 and every label fits 20 characters; otherwise
 * a list (at most 10 rows); more than 10 become numbered text the customer answers by number.
 * A label is the locale's short `wa.<key>` when there is one (the full title then shows as the
 * row description), else the title. When a label still doesn't fit, every option becomes its
 * number ("1", "2", …) and the options are spelled out, numbered, in the body.
 * @module
 */
import type { Booking } from '../../dialogs/model';
import type { Params } from '../../dialogs/output';
import type { RenderedChoice, RenderedMessage } from './render';
import { fits, WA_LIMITS as L } from './whatsapp-limits';
import { splitForBody, splitText } from './whatsapp-split';

export { WA_LIMITS } from './whatsapp-limits';

export interface WaText {
  type: 'text';
  text: { body: string; preview_url: false };
}
export interface WaButton {
  type: 'reply';
  reply: { id: string; title: string };
}
export interface WaRow {
  id: string;
  title: string;
  description?: string;
}
export interface WaButtons {
  type: 'interactive';
  interactive: { type: 'button'; body: { text: string }; action: { buttons: WaButton[] } };
}
export interface WaList {
  type: 'interactive';
  interactive: { type: 'list'; body: { text: string }; action: { button: string; sections: { title?: string; rows: WaRow[] }[] } };
}
export type WaInteractive = WaButtons | WaList;
export type WaPayload = WaText | WaInteractive;

/** The conversation's words: `has` tells a short variant from a missing one. */
export interface WaWords {
  has(key: string): boolean;
  text(key: string, params?: Params): string;
}

export function renderWhatsApp(message: RenderedMessage, words: WaWords): WaPayload[] {
  const out: WaPayload[] = message.choices?.length ? withChoices(message.text, message.choices, words) : texts(message.text);
  if (message.booking) out.push(...texts(receipt(message.booking, words)));
  return out;
}

export function textPayload(body: string): WaText {
  return { type: 'text', text: { body, preview_url: false } };
}

const texts = (text: string): WaText[] => splitText(text, L.text).map(textPayload);

/** The short label of a choice, or its title. */
export function labelOf(choice: RenderedChoice, words: WaWords): string {
  const short = choice.key ? `wa.${choice.key}` : undefined;
  return short && words.has(short) ? words.text(short) : choice.title;
}

/** "1. Monday…" stays "Monday…" once the option is shown as number 1. */
const withoutNumber = (title: string, n: number) => title.replace(new RegExp(`^${n}\\.\\s+`), '');
const numbered = (choices: RenderedChoice[]) => choices.map((c, i) => `${i + 1}. ${withoutNumber(c.title, i + 1)}`).join('\n');

function withChoices(text: string, choices: RenderedChoice[], words: WaWords): WaPayload[] {
  if (choices.length > L.rows) return texts(`${text}\n\n${numbered(choices)}`);
  const labels = choices.map((c) => labelOf(c, words));
  const distinct = new Set(labels).size === labels.length;
  if (choices.length <= L.buttons && distinct && labels.every((l) => fits(l, L.buttonTitle))) {
    return buttons(text, choices.map((c, i) => ({ id: c.value, title: labels[i] })));
  }
  const asLabels = distinct && labels.every((l) => fits(l, L.rowTitle));
  if (!asLabels && choices.length <= L.buttons) {
    return buttons(`${text}\n\n${numbered(choices)}`, choices.map((c, i) => ({ id: c.value, title: String(i + 1) })));
  }
  const rows: WaRow[] = choices.map((c, i) => {
    const title = asLabels ? labels[i] : String(i + 1);
    const full = asLabels ? c.title : withoutNumber(c.title, i + 1);
    return { id: c.value, title, ...(full !== title && fits(full, L.rowDescription) ? { description: full } : {}) };
  });
  return list(asLabels ? text : `${text}\n\n${numbered(choices)}`, rows, words);
}

function buttons(text: string, replies: { id: string; title: string }[]): WaPayload[] {
  const { before, body } = splitForBody(text, L.buttonBody, L.text);
  const interactive: WaButtons = {
    type: 'interactive',
    interactive: { type: 'button', body: { text: body }, action: { buttons: replies.map((reply) => ({ type: 'reply', reply })) } },
  };
  return [...before.map(textPayload), interactive];
}

function list(text: string, rows: WaRow[], words: WaWords): WaPayload[] {
  const { before, body } = splitForBody(text, L.listBody, L.text);
  const interactive: WaList = {
    type: 'interactive',
    interactive: { type: 'list', body: { text: body }, action: { button: words.text('wa.list.button'), sections: [{ rows }] } },
  };
  return [...before.map(textPayload), interactive];
}

/** The receipt the customer keeps: reference and times, formatted by the renderer. */
function receipt(b: Booking, words: WaWords): string {
  return [
    words.text('wa.receipt.title', { reference: b.reference }),
    words.text('wa.receipt.appointment', { at: b.appointmentAt }),
    words.text('wa.receipt.solution', { solution: `solution.${b.solution}` }),
    ...(b.solution === 'none' ? [] : [words.text('wa.receipt.handover', { at: b.handoverAt })]),
    words.text('wa.receipt.return', { at: b.returnAt }),
  ].join('\n');
}
