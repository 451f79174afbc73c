/**
 * A slot as a short tuple for stored snapshots (#15: ≤ 1 KB at every step of a booking):
 * `[solution, appointment, handover, return]`, where the appointment is counted in minutes from
 * the minute of the conversation's `now`, the handover from the appointment and the return from
 * the handover. A time whose offset differs from the one it is counted from carries its own
 * (`"2880+02:00"`: summer time). The solution is left out when the slot before it in the same
 * list has the same one: `[appointment, handover, return]`.
 *
 * Lossless or nothing: a slot is coded only when its code gives it back exactly (same JSON, key
 * order included), so a time with seconds or in another format stays as it was. The times are
 * read and written here, without `Date` (a slot is coded at every turn that keeps one).
 * @module
 */
import type { Slot } from '../../dialogs/model';

/** Minutes, with the offset when it is not the one counted from. */
type TimeCode = number | string;
export type SlotCode = [string, TimeCode, TimeCode, TimeCode] | [TimeCode, TimeCode, TimeCode];

/** `2027-02-01T11:00:00+01:00`: the form the planning writes (`now` may have seconds and milliseconds). */
const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?([+-]\d\d:\d\d)$/;
const WITH_OFFSET = /^(-?\d+)([+-]\d\d:\d\d)$/;
const SLOT_KEYS = ['solution', 'appointmentAt', 'handoverAt', 'returnAt'];

/** An instant in whole minutes since 1970 (UTC), and the offset it was written with. */
interface Mark {
  minute: number;
  offset: string;
}

const offsetMinutes = (offset: string) => (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The civil date of a day since 1970-01-01 (`civil_from_days`). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The minute an ISO time falls in (seconds dropped) and its offset; undefined when it is not one. */
function parse(iso: unknown): Mark | undefined {
  const m = typeof iso === 'string' ? ISO.exec(iso) : null;
  if (!m) return undefined;
  const local = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * 1440 + Number(m[4]) * 60 + Number(m[5]);
  return { minute: local - offsetMinutes(m[7]), offset: m[7] };
}

// The same `now` is read for every slot of a snapshot.
let lastNow: { iso: string; mark: Mark | undefined } | undefined;
function nowMark(now: string): Mark | undefined {
  if (lastNow?.iso !== now) lastNow = { iso: now, mark: parse(now) };
  return lastNow.mark;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The planning's form of a minute written with `offset`. */
function isoAt({ minute, offset }: Mark): string {
  const local = minute + offsetMinutes(offset);
  const days = Math.floor(local / 1440);
  const [y, mo, d] = civilFromDays(days);
  const inDay = local - days * 1440;
  return `${y}-${two(mo)}-${two(d)}T${two(Math.floor(inDay / 60))}:${two(inDay % 60)}:00${offset}`;
}

/** The code of time `iso` (read as `mark`) counted from `from`; undefined when it would not come back exactly. */
function timeCode(iso: string, mark: Mark | undefined, from: Mark): TimeCode | undefined {
  if (!mark || isoAt(mark) !== iso) return undefined;
  const minutes = mark.minute - from.minute;
  return mark.offset === from.offset ? minutes : `${minutes}${mark.offset}`;
}

function timeOf(code: unknown, from: Mark): Mark | undefined {
  if (typeof code === 'number') return Number.isInteger(code) ? { minute: from.minute + code, offset: from.offset } : undefined;
  const m = typeof code === 'string' ? WITH_OFFSET.exec(code) : null;
  return m ? { minute: from.minute + Number(m[1]), offset: m[2] } : undefined;
}

const isSlotShaped = (slot: Slot) => {
  const keys = Object.keys(slot);
  return keys.length === SLOT_KEYS.length && keys.every((k, i) => k === SLOT_KEYS[i]) && typeof slot.solution === 'string';
};

/** The code of `slot` in a conversation at `now`, after `previous` in the same list; undefined when it would not come back exactly. */
export function slotCode(slot: Slot, now: string, previous?: Slot): SlotCode | undefined {
  const start = nowMark(now);
  if (!start || !isSlotShaped(slot)) return undefined;
  const appointment = parse(slot.appointmentAt);
  const handover = parse(slot.handoverAt);
  const a = timeCode(slot.appointmentAt, appointment, start);
  const h = appointment && timeCode(slot.handoverAt, handover, appointment);
  const r = handover && timeCode(slot.returnAt, parse(slot.returnAt), handover);
  if (a === undefined || h === undefined || r === undefined) return undefined;
  return previous?.solution === slot.solution ? [a, h, r] : [slot.solution, a, h, r];
}

/** The slot `code` stands for in a conversation at `now`, after `previous`; undefined when it is no code. */
export function slotOf(code: SlotCode, now: string, previous?: Slot): Slot | undefined {
  if (!Array.isArray(code) || (code.length !== 3 && code.length !== 4)) return undefined;
  const solution = code.length === 4 ? code[0] : previous?.solution;
  const [a, h, r] = code.length === 4 ? code.slice(1) : code;
  const start = nowMark(now);
  if (typeof solution !== 'string' || !start) return undefined;
  const appointment = timeOf(a, start);
  const handover = appointment && timeOf(h, appointment);
  const back = handover && timeOf(r, handover);
  return back ? ({ solution, appointmentAt: isoAt(appointment!), handoverAt: isoAt(handover!), returnAt: isoAt(back) } as Slot) : undefined;
}
