/**
 * What the browser posts: a Web Chat message activity — typed text, a postBack/messageBack
 * whose value is a token the bot understands — checked before it reaches the engine.
 * @module
 */
import type { Activity } from 'botbuilder';

export const MAX_TEXT = 2000;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const CLIENT_ID = /^[\w.:|-]{1,128}$/;

export interface Inbound {
  text: string;
  clientActivityID?: string;
  locale?: string;
  /** The posted activity, trimmed to what is echoed back to Web Chat. */
  activity: Partial<Activity>;
}

export function validLocale(locale: unknown): string | undefined {
  return typeof locale === 'string' && LOCALE.test(locale) ? locale : undefined;
}

/** The turn's input, or a reason to refuse the activity (400). */
export function parseInbound(body: unknown): Inbound | { error: string } {
  if (!body || typeof body !== 'object') return { error: 'expected a JSON activity' };
  const a = body as Record<string, unknown>;
  if (a.type !== 'message') return { error: 'only message activities are accepted' };
  const channelData = a.channelData && typeof a.channelData === 'object' ? (a.channelData as Record<string, unknown>) : {};
  const value = a.value as unknown;
  // A clicked choice carries its token in value (as on /api/messages); typed text in text.
  const token = typeof value === 'string' ? value : typeof (value as { token?: unknown })?.token === 'string' ? (value as { token: string }).token : undefined;
  const text = token ?? (typeof a.text === 'string' ? a.text : '');
  if (!text.trim()) return { error: 'the activity has no text' };
  if (text.length > MAX_TEXT) return { error: `text longer than ${MAX_TEXT} characters` };
  const clientActivityID = channelData.clientActivityID;
  if (clientActivityID !== undefined && (typeof clientActivityID !== 'string' || !CLIENT_ID.test(clientActivityID))) {
    return { error: 'channelData.clientActivityID must be a short identifier' };
  }
  const locale = validLocale(a.locale);
  const from = a.from && typeof a.from === 'object' ? (a.from as { id?: unknown; name?: unknown }) : {};
  const messageBack = channelData.messageBack as { displayText?: unknown } | undefined;
  const activity: Partial<Activity> = {
    type: 'message',
    ...(typeof a.text === 'string' ? { text: a.text } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(locale ? { locale } : {}),
    from: { id: typeof from.id === 'string' ? from.id.slice(0, 64) : 'customer', name: typeof from.name === 'string' ? from.name.slice(0, 64) : '', role: 'user' },
    channelData: {
      ...(clientActivityID ? { clientActivityID } : {}),
      // Kept so that Web Chat shows (messageBack with displayText) or hides (postBack) the echo as it did the original.
      ...(channelData.postBack === true ? { postBack: true } : {}),
      ...(typeof messageBack?.displayText === 'string' ? { messageBack: { displayText: messageBack.displayText.slice(0, 200) } } : {}),
    },
  };
  return { text, activity, ...(typeof clientActivityID === 'string' ? { clientActivityID } : {}), ...(locale ? { locale } : {}) };
}
