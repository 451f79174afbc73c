/**
 * The reminder's words, read from the booking as the planning has it now (#13): time, place,
 * mobility (handover and return), documents, in the customer's language — one text for the chat
 * channels, and for WhatsApp the approved template's body parameters in the order the dealer's
 * file names them (template parameters cannot hold line breaks).
 * @module
 */
import { DateTime } from 'luxon';
import type { Lang } from '../../dialogs/model';
import type { Params } from '../../dialogs/output';
import { documentsFor } from '../../dialogs/policies/entitlement-policy';
import { carDocuments } from '../../dialogs/summary-lines';
import type { Dealer, ReminderParameter } from '../dealer/schema';
import type { Reservation } from '../planning/planning';
import type { Renderer } from '../render/render';

export interface ReminderContent {
  text: string;
  /** The WhatsApp template, when the dealer's file names one. */
  template?: { name: string; language: string; components: Record<string, unknown>[] };
}

const REPLACEMENT = new Set(['courtesy-car-brand', 'courtesy-car-other', 'rental-car']);

/** The customer's car is collected from their address (pickup & delivery with a pickup leg). */
const collected = (r: Reservation) => r.solution === 'pickup-delivery' && (r.legs ?? 'both') !== 'delivery';

function mobilityKey(r: Reservation): string {
  if (REPLACEMENT.has(r.solution)) return 'reminder.mobility.replacement';
  if (r.solution === 'pickup-delivery') return `reminder.mobility.pickupDelivery.${r.legs ?? 'both'}`;
  if (r.solution === 'taxi') return 'reminder.mobility.taxi';
  if (r.solution === 'staff-shuttle') return 'reminder.mobility.shuttle';
  return 'reminder.mobility.ready';
}

export function reminderContent(dealer: Dealer, renderer: Renderer, r: Reservation, lang: Lang): ReminderContent {
  const documents = documentsFor(r.solution, dealer.mobility);
  const params: Params = {
    name: r.customerName,
    dealer: dealer.site.name,
    place: collected(r) ? r.address ?? dealer.site.address : dealer.site.address,
    address: r.address ?? '',
    service: r.services ? r.services.map((id) => `service.${id}`) : `service.${r.service}`,
    solution: `solution.${r.solution}`,
    reference: r.reference,
    appointmentAt: r.appointmentAt,
    handoverAt: r.handoverAt,
    returnAt: r.returnAt,
    phone: dealer.site.phone,
  };
  const t = (key: string, p: Params = params) => renderer.text(key, p, lang);
  const leaveInCar = collected(r);
  const docs = leaveInCar ? carDocuments(documents) : documents;
  const mobility = t(mobilityKey(r));
  const documentsLine = docs.length ? t(leaveInCar ? 'reminder.leaveInCar' : 'reminder.documents', { documents: docs }) : '';
  const text = [t(collected(r) ? 'reminder.collection' : 'reminder.dropOff'), mobility, documentsLine, t('reminder.closing')].filter(Boolean).join('\n');

  const wa = dealer.reminders.whatsapp;
  if (!wa) return { text };
  const local = DateTime.fromISO(r.appointmentAt).setZone(dealer.site.timeZone);
  const value: Record<ReminderParameter, () => string> = {
    customerName: () => r.customerName,
    day: () => t('reminder.day', { day: local.toFormat('yyyy-MM-dd') }),
    time: () => local.toFormat('HH:mm'),
    appointmentAt: () => t('reminder.value', { value: r.appointmentAt }),
    place: () => String(params.place),
    // #13: the whole work when work was added
    service: () => t('reminder.value', { value: r.services ? r.services.map((id) => `service.${id}`) : `service.${r.service}` }),
    mobility: () => mobility,
    documents: () => (docs.length ? t('reminder.value', { value: docs }) : '—'),
    reference: () => r.reference,
    dealer: () => dealer.site.name,
    phone: () => dealer.site.phone,
  };
  // Meta refuses a parameter with a line break, a tab or more than four spaces in a row.
  const clean = (s: string) => s.replace(/[\r\n\t]+/g, ' ').replace(/ {4,}/g, '   ').trim() || '—';
  return {
    text,
    template: {
      name: wa.template,
      language: wa.languages[lang],
      components: wa.parameters.length
        ? [{ type: 'body', parameters: wa.parameters.map((p) => ({ type: 'text', text: clean(value[p]()) })) }]
        : [],
    },
  };
}
