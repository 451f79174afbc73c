/**
 * The calendar invitation of a booking (#13), made with the `ics` library: the appointment (the
 * drop-off at the dealer, or the car collected from the customer's address), the handover of the
 * mobility solution when it is at another time, and the return (the car ready at the dealer, the
 * replacement car given back, or the car brought home). Times are exact instants: written in UTC
 * (`…Z`, which every calendar reads and shows in the reader's zone), converted from the booking's
 * ISO times with the dealer's offset — so a DST change cannot shift them; the calendar names the
 * dealer's zone (`X-WR-TIMEZONE`), and the words say the times as the dealer's clock shows them.
 * @module
 */
import { createEvents, type EventAttributes } from 'ics';
import type { Booking, Lang } from '../../dialogs/model';
import type { Params } from '../../dialogs/output';
import { documentsFor } from '../../dialogs/policies/entitlement-policy';
import { carDocuments } from '../../dialogs/summary-lines';
import type { Dealer } from '../dealer/schema';
import type { Renderer } from '../render/render';

export interface CalendarFile {
  filename: string;
  /** text/calendar (RFC 5545). */
  content: string;
}

/** What the invitation needs: the booking, and the customer's address for pickup & delivery. */
export type InvitedBooking = Booking & { address?: string };

const REPLACEMENT = new Set(['courtesy-car-brand', 'courtesy-car-other', 'rental-car']);
const HANDED_OVER = new Set([...REPLACEMENT, 'taxi', 'staff-shuttle']);
const RETURN_MINUTES = 30;

export function calendarFile(dealer: Dealer, renderer: Renderer, b: InvitedBooking, lang: Lang): CalendarFile {
  const legs = b.legs ?? 'both';
  const collected = b.solution === 'pickup-delivery' && legs !== 'delivery';
  const broughtHome = b.solution === 'pickup-delivery' && legs !== 'pickup';
  const home = b.address || dealer.site.address;
  const documents = documentsFor(b.solution, dealer.mobility);
  const params: Params = {
    dealer: dealer.site.name, reference: b.reference, service: b.services ? b.services.map((id) => `service.${id}`) : `service.${b.service}`, solution: `solution.${b.solution}`,
    documents: collected ? carDocuments(documents) : documents, phone: dealer.site.phone,
  };
  const t = (key: string) => renderer.text(key, params, lang);
  const description = t('calendar.description');
  const ms = (iso: string) => Date.parse(iso);
  const event = (kind: string, title: string, start: number, minutes: number, location: string): EventAttributes => ({
    uid: `${b.reference}-${kind}@${dealer.site.id}.mobility-concierge`,
    title, description, location, status: 'CONFIRMED', busyStatus: 'BUSY',
    start, startInputType: 'utc', startOutputType: 'utc',
    end: start + minutes * 60_000, endInputType: 'utc', endOutputType: 'utc',
  });

  const events: EventAttributes[] = [
    event('appointment', t(collected ? 'calendar.collection' : 'calendar.dropOff'), ms(b.appointmentAt), dealer.workshop.acceptanceMinutes, collected ? home : dealer.site.address),
  ];
  if (HANDED_OVER.has(b.solution) && Math.abs(ms(b.handoverAt) - ms(b.appointmentAt)) >= 60_000) {
    events.push(event('handover', t('calendar.handover'), ms(b.handoverAt), RETURN_MINUTES, dealer.site.address));
  }
  const back = broughtHome ? 'calendar.delivery' : REPLACEMENT.has(b.solution) ? 'calendar.returnCar' : 'calendar.ready';
  events.push(event('return', t(back), ms(b.returnAt), RETURN_MINUTES, broughtHome ? home : dealer.site.address));

  const { error, value } = createEvents(events, { productId: 'mobility-concierge', method: 'PUBLISH', calName: dealer.site.name });
  if (error || !value) throw error ?? new Error('ics: no calendar');
  // The calendar's own zone, for readers that show it (the instants themselves are UTC).
  const content = value.replace(/\r?\nBEGIN:VEVENT/, `\r\nX-WR-TIMEZONE:${dealer.site.timeZone}$&`);
  return { filename: renderer.text('calendar.filename', { reference: b.reference }, lang).replace(/[^\w.-]+/g, '-'), content };
}
