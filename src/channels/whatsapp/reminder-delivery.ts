/**
 * #13: a reminder on WhatsApp. The day before, the customer's 24-hour window is usually closed,
 * and Meta then allows only an approved template: the dealer file's template, in the
 * conversation's language, with its body parameters (src/reminders/content.ts). Without a template
 * configured the plain text goes only inside the window; outside it the reminder cannot be sent.
 * @module
 */
import type { ReminderDelivery } from '../../reminders/scheduler';
import { OutsideWindowError } from './errors';
import type { WhatsAppSender } from './sender';

export function createWhatsAppReminderDelivery(sender: WhatsAppSender): ReminderDelivery {
  return async (record, content) => {
    if (record.reach.channel !== 'whatsapp') return 'unreachable';
    const to = record.reach.address;
    if (content.template) {
      await sender.sendTemplate(to, content.template.name, content.template.language, content.template.components);
      return 'sent';
    }
    try {
      await sender.sendText(to, content.text);
      return 'sent';
    } catch (err) {
      if (err instanceof OutsideWindowError) return 'unreachable';
      throw err;
    }
  };
}
