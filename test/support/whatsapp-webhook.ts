/**
 * A WhatsApp Cloud API webhook delivery as Meta sends it (one text message), signed with the
 * app secret in `X-Hub-Signature-256`, posted to a bot's `/api/whatsapp`.
 */
import { createHmac } from 'node:crypto';

export interface WebhookText {
  phoneNumberId: string;
  secret: string;
  from: string;
  id: string;
  body: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
}

/** Posts the signed delivery; resolves with the webhook's response. */
export function postWhatsAppText(base: string, m: WebhookText): Promise<Response> {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{
      id: '102290129340398',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: m.phoneNumberId },
          contacts: [{ profile: { name: 'Marco Rossi' }, wa_id: m.from }],
          messages: [{ from: m.from, id: m.id, timestamp: String(m.timestamp ?? Math.floor(Date.now() / 1000)), type: 'text', text: { body: m.body } }],
        },
      }],
    }],
  });
  const signature = `sha256=${createHmac('sha256', m.secret).update(raw).digest('hex')}`;
  return fetch(`${base}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
}
