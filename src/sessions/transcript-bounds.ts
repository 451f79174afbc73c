/**
 * How much of a conversation a store keeps: each entry's text cut to a length, and the whole
 * transcript to a byte budget (the oldest entries go first), besides its entry count. So that
 * nobody can make the dealer store megabytes per conversation for 30 days.
 * @module
 */
import type { TranscriptEntry } from './session-store';

/** A transcript entry's text is cut to this many characters (an advisor's reply is at most 4,000). */
export const MAX_ENTRY_CHARS = 4000;
/** A conversation's transcript is capped at this many bytes by default. */
export const MAX_TRANSCRIPT_BYTES = 256 * 1024;

/** The text cut to `max` characters, an ellipsis marking the cut (never half a surrogate pair). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

export function boundedEntry(entry: TranscriptEntry): TranscriptEntry {
  return entry.text.length <= MAX_ENTRY_CHARS ? entry : { ...entry, text: cutText(entry.text, MAX_ENTRY_CHARS) };
}
