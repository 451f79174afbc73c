/**
 * Sending to one customer. Free-form and interactive messages only inside the 24-hour window
 * (refused here with OutsideWindowError rather than by Meta after the fact); templates at any
 * time, for reminders to opted-in customers.
 * @module
 */
import type { WaInteractive, WaPayload } from '../../render/whatsapp';
import { textPayload } from '../../render/whatsapp';
import { WA_LIMITS } from '../../render/whatsapp-limits';
import { splitText } from '../../render/whatsapp-split';
import { isOpen, type ContactWindow } from './contact-window';
import { GraphApiError, OutsideWindowError, REENGAGEMENT_CODE } from './errors';
import type { GraphClient } from './graph-client';
import { conversationIdOf, type WaAddress } from './webhook-payload';

/** A template component as Meta defines it (header/body/button parameters). */
export type TemplateComponent = Record<string, unknown>;

export interface WhatsAppSender {
  /** Split at paragraph or line boundaries when longer than a message; resolves to the last wamid. */
  sendText(to: WaAddress, text: string): Promise<string | undefined>;
  sendInteractive(to: WaAddress, payload: WaInteractive): Promise<string | undefined>;
  /** Any payload of the renderer, inside the window. */
  send(to: WaAddress, payload: WaPayload): Promise<string | undefined>;
  /** An approved template: the only thing allowed outside the window. `language` e.g. `it`, `en_GB`. */
  sendTemplate(to: WaAddress, name: string, language: string, components?: TemplateComponent[]): Promise<string | undefined>;
  /** #13: a file as a document message (uploaded first), inside the window. */
  sendDocument(to: WaAddress, file: { content: string; filename: string; type: string; caption?: string }): Promise<string | undefined>;
}

export function createSender(graph: GraphClient, window: ContactWindow, clock: () => Date): WhatsAppSender {
  // Meta's advice: send to the phone number when known; the user id alone otherwise.
  const recipient = (to: WaAddress) => (to.phone ? { to: to.phone } : { recipient: to.userId });

  const inWindow = async (to: WaAddress, payload: WaPayload) => {
    const conversationId = conversationIdOf(to);
    if (!isOpen(await window.lastInbound(conversationId), clock())) throw new OutsideWindowError(conversationId);
    try {
      return await graph.send({ ...recipient(to), ...payload });
    } catch (err) {
      // Meta's own clock disagreed with ours: same meaning for the caller.
      if (err instanceof GraphApiError && err.code === REENGAGEMENT_CODE) throw new OutsideWindowError(conversationId);
      throw err;
    }
  };

  return {
    send: inWindow,
    sendText: async (to, text) => {
      let id: string | undefined;
      for (const piece of splitText(text, WA_LIMITS.text)) id = await inWindow(to, textPayload(piece));
      return id;
    },
    sendInteractive: (to, payload) => inWindow(to, payload),
    sendDocument: async (to, file) => {
      // the window is checked before the upload: nothing is uploaded that cannot be sent
      if (!isOpen(await window.lastInbound(conversationIdOf(to)), clock())) throw new OutsideWindowError(conversationIdOf(to));
      const id = await graph.upload(file);
      return inWindow(to, { type: 'document', document: { id, filename: file.filename, ...(file.caption ? { caption: file.caption } : {}) } } as unknown as WaPayload);
    },
    sendTemplate: (to, name, language, components) =>
      graph.send({ ...recipient(to), type: 'template', template: { name, language: { code: language }, ...(components?.length ? { components } : {}) } }),
  };
}
