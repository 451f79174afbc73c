/**
 * The context fields a stored snapshot keeps as tokens because the rest of the context rebuilds
 * them (#15, snapshot-codec.ts), in restore order: each may read the fields before it (rebuilt)
 * and the ones after it (still tokens).
 *
 * | field | token | rebuilt from |
 * |---|---|---|
 * | `search` | its slots as tuples (slot-code.ts) | `now` |
 * | `slot` | its index in `search.alternatives` (`-1`: `search.wished`); else a tuple | the search; `now` |
 * | `heldUntil` | milliseconds after `now` | `now` |
 * | `summaryShown` | `0` | `summaryLines(context)` |
 * | `lastPrompt` | the index of its wording in `WORDINGS` | the prompt `asked` names, without its lines |
 * | `asked` | `[prompt, times]` | its key is the last prompt's |
 * | `booking` | its reference; `[reference, rest]` with what else the planning gave (a courtesy car's id) | the slot, the customer's name and the service |
 *
 * A token differs in type from what it stands for, so a field stored whole is restored as it is.
 * @module
 */
import { promptIn, WORDINGS, type PromptName } from '../../dialogs/asking';
import type { Asked, BookingContext, SlotChoice } from '../../dialogs/context';
import type { Slot } from '../../dialogs/model';
import { prompts } from '../../dialogs/prompts';
import { summaryLines } from '../../dialogs/summary-lines';
import { sameJson } from './same-json';
import { slotCode, slotOf, type SlotCode } from './slot-code';

export type Context = Record<string, unknown>;

export interface Rebuilt {
  field: string;
  /** Tokens that could stand for `value`, the shortest first: the first that rebuilds it is stored. */
  candidates(value: unknown, ctx: Context): unknown[];
  isToken(stored: unknown): boolean;
  rebuild(ctx: Context, token: unknown): unknown;
}

const ctxOf = (c: Context) => c as unknown as BookingContext;
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Each slot coded when it comes back exactly, after the slot before it. */
const codedSlots = (slots: Slot[], now: string): unknown[] => slots.map((s, i) => slotCode(s, now, slots[i - 1]) ?? s);

/** The slots again (undefined for a code that is none). */
function decodedSlots(list: unknown[], now: string): (Slot | undefined)[] {
  let previous: Slot | undefined;
  return list.map((s) => (previous = Array.isArray(s) ? slotOf(s as SlotCode, now, previous) : (s as Slot)));
}

const isCodedSearch = (v: unknown) => {
  const s = v as { wished?: unknown; alternatives?: unknown } | null;
  return typeof s === 'object' && s !== null && (Array.isArray(s.wished) || (Array.isArray(s.alternatives) && s.alternatives.some(Array.isArray)));
};

/** What a booking repeats of the slot, the customer's name and the service: the rest (the planning's resource) is stored after its reference. */
const BOOKING_REBUILT = new Set(['reference', 'customerName', 'solution', 'handoverAt', 'returnAt', 'appointmentAt', 'service']);

const askedName = (asked: unknown): string | undefined => (Array.isArray(asked) ? asked[0] : (asked as Asked | undefined)?.prompt);

export const REBUILT: Rebuilt[] = [
  {
    field: 'search',
    candidates: (search, c) => {
      const s = { ...(search as SlotChoice) } as Context;
      const now = ctxOf(c).now;
      if (s.wished) s.wished = slotCode(s.wished as Slot, now) ?? s.wished;
      if (Array.isArray(s.alternatives)) s.alternatives = codedSlots(s.alternatives as Slot[], now);
      return isCodedSearch(s) ? [s] : [];
    },
    isToken: isCodedSearch,
    rebuild: (c, coded) => {
      const s = { ...(coded as Context) };
      const now = ctxOf(c).now;
      if (Array.isArray(s.wished)) s.wished = slotOf(s.wished as SlotCode, now);
      if (Array.isArray(s.alternatives)) s.alternatives = decodedSlots(s.alternatives, now);
      const broken = (s.wished === undefined && (coded as Context).wished !== undefined) || (Array.isArray(s.alternatives) && s.alternatives.includes(undefined));
      return broken ? undefined : s;
    },
  },
  {
    field: 'slot',
    candidates: (slot, c) => {
      const { search, now } = ctxOf(c);
      if (search?.wished && sameJson(slot, search.wished)) return [-1];
      const i = search?.alternatives?.findIndex((s) => sameJson(slot, s)) ?? -1;
      if (i >= 0) return [i];
      const code = slotCode(slot as Slot, now);
      return code ? [code] : [];
    },
    isToken: (v) => typeof v === 'number' || Array.isArray(v),
    rebuild: (c, t) => {
      const { search, now } = ctxOf(c);
      if (Array.isArray(t)) return slotOf(t as SlotCode, now);
      return copy<Slot | undefined>(t === -1 ? search?.wished : search?.alternatives?.[t as number]);
    },
  },
  {
    field: 'heldUntil',
    candidates: (until, c) => {
      const ms = Date.parse(until as string) - Date.parse(ctxOf(c).now);
      return Number.isFinite(ms) ? [ms] : [];
    },
    isToken: (v) => typeof v === 'number',
    rebuild: (c, ms) => new Date(Date.parse(ctxOf(c).now) + (ms as number)).toISOString(),
  },
  { field: 'summaryShown', candidates: () => [0], isToken: (v) => v === 0, rebuild: (c) => summaryLines(ctxOf(c)) },
  {
    field: 'lastPrompt',
    candidates: () => WORDINGS.map((_, i) => i),
    isToken: (v) => typeof v === 'number' && v >= 0 && v < WORDINGS.length,
    rebuild: (c, i) => {
      const name = askedName(c.asked);
      if (!name || !Object.hasOwn(prompts, name)) return undefined;
      const { lines: _lines, ...shown } = promptIn(ctxOf(c), name as PromptName, WORDINGS[i as number]);
      return shown;
    },
  },
  {
    field: 'asked',
    candidates: (asked) => {
      const { prompt, times } = asked as Asked;
      return [[prompt, times]];
    },
    isToken: Array.isArray,
    rebuild: (c, t) => {
      const [prompt, times] = t as [string, number];
      const key = (c.lastPrompt as { key?: unknown } | undefined)?.key;
      return typeof key === 'string' ? { prompt, key, times } : undefined;
    },
  },
  {
    field: 'booking',
    candidates: (b) => {
      const { reference } = b as { reference?: unknown };
      if (typeof reference !== 'string') return [];
      const rest = Object.fromEntries(Object.entries(b as Context).filter(([k]) => !BOOKING_REBUILT.has(k)));
      return Object.keys(rest).length ? [[reference, rest]] : [reference];
    },
    isToken: (v) => typeof v === 'string' || Array.isArray(v),
    rebuild: (c, t) => {
      const [reference, rest] = typeof t === 'string' ? [t, {}] : (t as [string, Context]);
      const { slot, need, customerName } = ctxOf(c);
      if (!slot || !need) return undefined;
      return {
        reference, customerName, solution: slot.solution, handoverAt: slot.handoverAt, returnAt: slot.returnAt, appointmentAt: slot.appointmentAt, service: need.serviceId, ...rest,
      };
    },
  },
];
