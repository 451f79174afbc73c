/**
 * The customer's answer to the reminder question (#13), kept with how to reach them: the
 * engine's `reminders` hook. A no forgets any earlier yes for that booking. Without a way to
 * reach the customer later (a Bot Framework request that passed no JWT check, a console) the yes
 * cannot be kept: `unreachable`, and the customer is told.
 * @module
 */
import type { ReminderConsent } from '../engine/turn-engine';
import type { ConversationRef } from '../handoff/handoff';
import type { ReminderStore } from './store';

export function createConsentRecorder(store: ReminderStore, ttlSeconds: number) {
  return async (c: ReminderConsent): Promise<'kept' | 'unreachable'> => {
    if (!c.consent) {
      await store.forget(c.reference);
      return 'kept';
    }
    const reach = reachOf(c);
    if (!reach) return 'unreachable';
    await store.keep({ reference: c.reference, conversationId: c.conversationId, reach, lang: c.lang, consentAt: c.now }, ttlSeconds);
    return 'kept';
  };
}

function reachOf(c: ReminderConsent): ConversationRef | undefined {
  if (c.reach && c.reach.channel !== 'other') return c.reach;
  // The web chat's conversations are ours: the engine id names the conversation to push to.
  if (c.conversationId.startsWith('webchat:')) return { channel: 'webchat', conversationId: c.conversationId };
  return undefined;
}
