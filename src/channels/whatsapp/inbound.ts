/**
 * One customer message, after the webhook has answered: open the window, count it against the
 * number's limit, take the turn, send its messages as WhatsApp payloads in order. A message we
 * cannot read gets a polite "text only" answer, one over the limit at most a "slow down" (once a
 * window), both without touching the conversation.
 * @module
 */
import type { Logger } from 'pino';
import type { Booking, Lang } from '../../../dialogs/model';
import { langOf, type TurnEngine } from '../../engine/turn-engine';
import { renderWhatsApp } from '../../render/whatsapp';
import type { ContactWindow } from './contact-window';
import { OutsideWindowError } from './errors';
import type { AdmitMessage } from './message-limit';
import { localeOfPhone } from './phone-locale';
import type { WhatsAppSender } from './sender';
import type { Inbound } from './webhook-payload';
import type { WordsFor } from './words';

const MAX_REMEMBERED = 10_000;

export interface InboundDeps {
  engine: TurnEngine;
  sender: WhatsAppSender;
  window: ContactWindow;
  words: () => Promise<WordsFor>;
  clock: () => Date;
  logger: Logger;
  defaultLang: Lang;
  /** The number's message limit (message-limit.ts). */
  admit: AdmitMessage;
  /** #13: the booking's calendar file, sent as a document after the receipt (absent: none). */
  calendarFile?: (booking: Booking, lang: Lang) => Promise<{ content: string; filename: string; caption: string }>;
}

export function createInboundHandler(deps: InboundDeps) {
  // The language each conversation last spoke, for the answers that don't go through the engine.
  const langs = new Map<string, Lang>();

  /** #13: the invitation as a document (WhatsApp has no file type for calendars: text/plain, named .ics). */
  async function sendCalendar(m: Inbound, booking: Booking, lang: Lang): Promise<void> {
    try {
      const file = await deps.calendarFile!(booking, lang);
      await deps.sender.sendDocument(m.address, { ...file, type: 'text/plain' });
    } catch (err) {
      deps.logger.warn({ err, conversation: m.conversationId, reference: booking.reference }, 'whatsapp: calendar file not sent');
    }
  }

  return async function handleInbound(m: Inbound): Promise<void> {
    const { logger } = deps;
    await deps.window.recordInbound(m.conversationId, m.at ?? deps.clock());
    const locale = localeOfPhone(m.address.phone);
    const wordsFor = await deps.words();
    const lastLang = () => langs.get(m.conversationId) ?? langOf(locale) ?? deps.defaultLang;
    const admission = await deps.admit(m.conversationId);
    if (admission !== 'take') {
      if (admission === 'drop') return;
      logger.warn({ conversation: m.conversationId, wamid: m.id }, 'whatsapp: over the message limit, no turn (further messages this minute dropped unlogged)');
      await deps.sender.sendText(m.address, wordsFor(lastLang()).text('wa.slowDown'));
      return;
    }
    if (m.unsupported !== undefined) {
      logger.info({ conversation: m.conversationId, wamid: m.id, type: m.unsupported }, 'whatsapp: unreadable message type');
      await deps.sender.sendText(m.address, wordsFor(lastLang()).text('wa.textOnly'));
      return;
    }
    const turn = await deps.engine.handle({
      conversationId: m.conversationId, kind: 'message', text: m.text ?? '', locale, messageId: m.id, reach: { channel: 'whatsapp', address: m.address },
    });
    if (turn.duplicate) {
      logger.debug({ conversation: m.conversationId, wamid: m.id }, 'whatsapp: duplicate delivery ignored');
      return;
    }
    langs.delete(m.conversationId);
    langs.set(m.conversationId, turn.lang);
    if (langs.size > MAX_REMEMBERED) langs.delete(langs.keys().next().value!);
    const words = wordsFor(turn.lang);
    try {
      // In order, one at a time: WhatsApp shows them as they arrive.
      for (const message of turn.messages) {
        for (const payload of renderWhatsApp(message, words)) await deps.sender.send(m.address, payload);
        // #13: the invitation right under the receipt, before any question that follows it
        if (message.booking && deps.calendarFile) await sendCalendar(m, message.booking, turn.lang);
      }
    } catch (err) {
      if (!(err instanceof OutsideWindowError)) throw err;
      logger.warn({ conversation: m.conversationId, wamid: m.id }, 'whatsapp: the window closed before the answer; not sent');
    }
    // The advisor side: src/handoff (the engine opened the handoff; advisors answer through the relay).
    if (turn.handoff) logger.info({ conversation: m.conversationId, reason: turn.handoff }, 'whatsapp: handoff requested');
  };
}
