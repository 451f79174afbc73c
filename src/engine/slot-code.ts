/**
 * A slot as a short tuple for stored snapshots (#15: ≤ 1 KB at every step of a booking):
 * `[solution, appointment, handover, return]`, where the appointment is counted in minutes from
 * the minute of the conversation's `now`, the handover from the appointment and the return from
 * the handover. A time whose offset differs from the one it is counted from carries its own
 * (`"2880+02:00"`: summer time). The solution is left out when the slot before it in the same
 * list has the same one: `[appointment, handover, return]`.
 *
 * Lossless or nothing: a slot is coded only when its code gives it back exactly (same JSON, key
 * order included), so a time with seconds or in another format stays as it was.
 * @module
 */
import type { Slot } from '../../dialogs/model';
import { sameJson } from './same-json';

/** Minutes, with the offset when it is not the one counted from. */
type TimeCode = number | string;
export type SlotCode = [string, TimeCode, TimeCode, TimeCode] | [TimeCode, TimeCode, TimeCode];

const MINUTE = 60_000;
const OFFSET = /([+-])(\d\d):(\d\d)$/;
const WITH_OFFSET = /^(-?\d+)([+-]\d\d:\d\d)$/;

/** An ISO time's instant (whole minutes) and offset, as the time is counted from. */
interface Mark {
  minute: number;
  offset: string;
}

function markOf(iso: string, floor: boolean): Mark | undefined {
  const ms = Date.parse(iso);
  const offset = OFFSET.exec(iso)?.[0];
  if (!Number.isFinite(ms) || !offset) return undefined;
  if (!floor && ms % MINUTE !== 0) return undefined;
  return { minute: Math.floor(ms / MINUTE), offset };
}

/** `2027-02-01T11:00:00+01:00`: the form the planning writes. */
function isoAt(minute: number, offset: string): string | undefined {
  const m = OFFSET.exec(offset);
  if (!m) return undefined;
  const shift = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return `${new Date((minute + shift) * MINUTE).toISOString().slice(0, 19)}${offset}`;
}

function timeCode(iso: string, from: Mark): TimeCode | undefined {
  const mark = markOf(iso, false);
  if (!mark) return undefined;
  const minutes = mark.minute - from.minute;
  return mark.offset === from.offset ? minutes : `${minutes}${mark.offset}`;
}

function timeOf(code: unknown, from: Mark): string | undefined {
  if (typeof code === 'number') return Number.isInteger(code) ? isoAt(from.minute + code, from.offset) : undefined;
  const m = typeof code === 'string' ? WITH_OFFSET.exec(code) : null;
  return m ? isoAt(from.minute + Number(m[1]), m[2]) : undefined;
}

/** The code of `slot` in a conversation at `now`, after `previous` in the same list; undefined when it would not come back exactly. */
export function slotCode(slot: Slot, now: string, previous?: Slot): SlotCode | undefined {
  const start = markOf(now, true);
  const appointment = markOf(slot.appointmentAt, false);
  const handover = markOf(slot.handoverAt, false);
  if (!start || !appointment || !handover || typeof slot.solution !== 'string') return undefined;
  const times = [timeCode(slot.appointmentAt, start), timeCode(slot.handoverAt, appointment), timeCode(slot.returnAt, handover)];
  if (times.some((t) => t === undefined)) return undefined;
  const [a, h, r] = times as TimeCode[];
  const code: SlotCode = previous?.solution === slot.solution ? [a, h, r] : [slot.solution, a, h, r];
  return sameJson(slotOf(code, now, previous), slot) ? code : undefined;
}

/** The slot `code` stands for in a conversation at `now`, after `previous`; undefined when it is no code. */
export function slotOf(code: SlotCode, now: string, previous?: Slot): Slot | undefined {
  if (!Array.isArray(code) || (code.length !== 3 && code.length !== 4)) return undefined;
  const solution = code.length === 4 ? code[0] : previous?.solution;
  const [a, h, r] = code.length === 4 ? code.slice(1) : code;
  const start = markOf(now, true);
  if (typeof solution !== 'string' || !start) return undefined;
  const appointmentAt = timeOf(a, start);
  const handoverAt = appointmentAt && timeOf(h, markOf(appointmentAt, false)!);
  const returnAt = handoverAt && timeOf(r, markOf(handoverAt, false)!);
  return returnAt ? ({ solution, appointmentAt: appointmentAt!, handoverAt: handoverAt!, returnAt } as Slot) : undefined;
}
