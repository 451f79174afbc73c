/**
 * The booking receipt as an Adaptive Card (schema 1.5, which Web Chat and Teams both render),
 * attached to the reply that carries channelData.booking. Labels come from webchat.json, names
 * of services and solutions from the dialogue's words, times in the dealer's zone.
 * @module
 */
import type { Attachment } from 'botbuilder';
import type { Booking, Lang } from '../../../dialogs/model';
import { lookup, type WebChatWords } from './words';

const LOCALE: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

/** The receipt of a booking made in a conversation (its engine id: the calendar link is for it alone). */
export type ReceiptBuilder = (booking: Booking, lang: Lang, conversationId?: string) => Attachment;

/** #13: the link to the booking's calendar file, signed for the conversation that made it (src/invitations/link.ts). */
export type CalendarLinkOf = (booking: Booking, lang: Lang, conversationId: string) => string;

export function createReceiptCard(words: WebChatWords, timeZone: string, calendarLink?: CalendarLinkOf): ReceiptBuilder {
  const formats = new Map<Lang, Intl.DateTimeFormat>();
  const when = (iso: string, lang: Lang) => {
    let f = formats.get(lang);
    if (!f) {
      f = new Intl.DateTimeFormat(LOCALE[lang], { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
      formats.set(lang, f);
    }
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };

  return (booking, lang, conversationId) => {
    const w = (key: string, vars?: Record<string, string>) => lookup(words.page[lang], `receipt.${key}`, vars);
    const name = (kind: 'service' | 'solution', id: string) => {
      const found = lookup(words.dialogue[lang], `${kind}.${id}`);
      return found === `${kind}.${id}` ? id : found;
    };
    const facts = [
      { title: w('customer'), value: booking.customerName },
      { title: w('service'), value: name('service', booking.service) },
      { title: w('appointment'), value: when(booking.appointmentAt, lang) },
      { title: w('solution'), value: name('solution', booking.solution) },
      ...(booking.solution === 'none' ? [] : [{ title: w('handover'), value: when(booking.handoverAt, lang) }]),
      { title: w('return'), value: when(booking.returnAt, lang) },
    ];
    return {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        speak: w('speak', { reference: booking.reference }),
        body: [
          {
            type: 'Container',
            style: 'emphasis',
            bleed: true,
            items: [
              { type: 'TextBlock', text: w('heading'), size: 'Small', weight: 'Bolder', isSubtle: true, wrap: true },
              { type: 'TextBlock', text: booking.reference, size: 'ExtraLarge', weight: 'Bolder', spacing: 'None', wrap: true },
            ],
          },
          { type: 'FactSet', spacing: 'Medium', facts },
          { type: 'TextBlock', text: w('footer'), size: 'Small', isSubtle: true, wrap: true, spacing: 'Medium' },
        ],
        ...(calendarLink && conversationId
          ? { actions: [{ type: 'Action.OpenUrl', title: w('calendar'), url: calendarLink(booking, lang, conversationId) }] }
          : {}),
      },
    };
  };
}
