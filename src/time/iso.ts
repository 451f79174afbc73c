/**
 * Reading ISO-8601 instants fast. Every turn reads several (the turn's `now`, slot times), and
 * luxon's `fromISO` costs a parse plus an object per call. Texts in the RFC 3339 form every part
 * of the bot writes (`2026-11-30T09:00:00+01:00`, with or without milliseconds) go through the
 * engine's native `Date.parse`; anything else goes to luxon, as before.
 * @module
 */
import { DateTime } from 'luxon';

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d{1,3})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

let lastIso: string | undefined;
let lastMs: number | undefined;

/** The epoch ms of an ISO-8601 instant with an offset or Z; `undefined` when it is not one. */
export function isoInstantMs(iso: string): number | undefined {
  // the same instant is read again and again (a turn's `now`, by each part of the recognizer): the last one is kept
  if (iso === lastIso && typeof iso === 'string') return lastMs;
  const ms = readIsoInstantMs(iso);
  lastIso = iso;
  lastMs = ms;
  return ms;
}

function readIsoInstantMs(iso: string): number | undefined {
  const m = typeof iso === 'string' ? RFC3339.exec(iso) : null;
  if (m) {
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) {
      const offset = m[2] ? (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4])) * 60_000 : 0;
      // Date.parse rolls 30 February over into March and takes 24:00: only what reads back the same counts.
      if (new Date(ms + offset).toISOString().startsWith(m[1])) return ms;
    }
  }
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid && !Number.isNaN(t.toMillis()) ? t.toMillis() : undefined;
}
