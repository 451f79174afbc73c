/**
 * Slimmer stored snapshots (#15: ≤ 1 KB at every step of a booking). What a snapshot's context
 * repeats — from the session key, from the dealer file, or from the rest of the context through
 * the dialogue's own pure functions — is stored as a token and rebuilt on restore:
 *
 * | field | token | rebuilt from |
 * |---|---|---|
 * | `conversationId` | `0` | the conversation's key |
 * | `catalogue` | `0` | the dealer's services |
 * | `offers` | `0` when they are all the dealer's plain offers, in its order; else each plain one by its solution id | the dealer's offers |
 * | `slot` | its index in `search.alternatives` (`-1`: `search.wished`) | the search |
 * | `summaryShown` | `0` | `summaryLines(context)` |
 * | `lastPrompt` | `0` | the prompt `asked.prompt` names, without its lines |
 * | `booking` | its reference | the slot, the customer's name and the service |
 *
 * Around the context, xstate's defaults (`status: "active"`, empty `historyValue` and `children`)
 * are left out and put back.
 *
 * A field is tokened only when its rebuild, from the context exactly as the restore will see it,
 * gives it back (same JSON, key order included), so a restored snapshot is the one persisted;
 * keys keep their places. Tokens differ in type from what they stand for, so a snapshot stored
 * whole (before this) is restored as it is. Rebuilt from the dealer file and the code the
 * instance runs now: after a change of either, a conversation restored gets its catalogue, plain
 * offers and question as they are now; an offer whose solution the file no longer has cannot be
 * rebuilt, and the snapshot no longer fits (reset with an apology, as after a machine change).
 * @module
 */
import type { BookingContext } from '../../dialogs/context';
import type { Offer, Slot } from '../../dialogs/model';
import { offersFor } from '../../dialogs/policies/entitlement-policy';
import { prompts } from '../../dialogs/prompts';
import { summaryLines } from '../../dialogs/summary-lines';
import type { Dealer } from '../dealer/schema';

type Context = Record<string, unknown>;

interface PersistedSnapshot {
  context?: Context;
  [key: string]: unknown;
}

export interface SnapshotCodec {
  /** The persisted snapshot with the tokens in (copies: the actor's own snapshot is not touched). */
  slim(snapshot: unknown, conversationId: string): unknown;
  /** The persisted snapshot again; undefined when a token cannot be rebuilt (the dealer file changed). */
  fill(snapshot: unknown, conversationId: string): unknown;
}

/** A context field rebuilt from the fields before it (in this order) and the ones after it as stored. */
interface Rebuilt {
  field: string;
  /** The token for `value`, if any could stand for it. */
  token(value: unknown, ctx: Context): unknown;
  isToken(stored: unknown): boolean;
  rebuild(ctx: Context, token: unknown): unknown;
}

const ctxOf = (c: Context) => c as unknown as BookingContext;
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** After the dealer's fields, in restore order: each may read those before it. */
const REBUILT: Rebuilt[] = [
  {
    field: 'slot',
    token: (slot, c) => {
      const search = ctxOf(c).search;
      if (search?.wished && sameJson(slot, search.wished)) return -1;
      const i = search?.alternatives?.findIndex((s) => sameJson(slot, s)) ?? -1;
      return i >= 0 ? i : undefined;
    },
    isToken: (v) => typeof v === 'number',
    rebuild: (c, i) => copy<Slot | undefined>(i === -1 ? ctxOf(c).search?.wished : ctxOf(c).search?.alternatives?.[i as number]),
  },
  { field: 'summaryShown', token: () => 0, isToken: (v) => v === 0, rebuild: (c) => summaryLines(ctxOf(c)) },
  {
    field: 'lastPrompt',
    token: () => 0,
    isToken: (v) => v === 0,
    rebuild: (c) => {
      const name = ctxOf(c).asked?.prompt;
      if (!name || !Object.hasOwn(prompts, name)) return undefined;
      const { lines: _lines, ...shown } = prompts[name as keyof typeof prompts](ctxOf(c));
      return shown;
    },
  },
  {
    field: 'booking',
    token: (b) => (b as { reference?: unknown }).reference,
    isToken: (v) => typeof v === 'string',
    rebuild: (c, reference) => {
      const { slot, need, customerName } = ctxOf(c);
      if (!slot || !need) return undefined;
      return {
        reference, customerName, solution: slot.solution, handoverAt: slot.handoverAt, returnAt: slot.returnAt, appointmentAt: slot.appointmentAt, service: need.serviceId,
      };
    },
  },
];

export function createSnapshotCodec(dealer: Dealer): SnapshotCodec {
  const catalogue = dealer.services.map((s) => s.id);
  // With no right to anything (no vehicle record), an offer depends on the dealer file alone.
  const plain = offersFor(dealer.mobility, { id: catalogue[0], hours: 1, coveredByWarranty: false }, null, { hours: 1, days: 1 }, '2000-01-01');
  const plainJson = new Map<string, string>(plain.map((o) => [o.solution, JSON.stringify(o)]));
  const plainOffer = new Map<string, Offer>(plain.map((o) => [o.solution, o]));
  const slimOffer = (o: Offer): Offer | string => {
    const p = plainOffer.get(o.solution);
    return p && sameJson(o, p) ? o.solution : o;
  };

  return {
    slim(snapshot, conversationId) {
      const s = snapshot as PersistedSnapshot;
      if (!s.context) return snapshot;
      const c: Context = { ...s.context };
      // Decided last field first, each against the context as the restore will have it then.
      for (let i = REBUILT.length - 1; i >= 0; i--) {
        const { field, token, rebuild } = REBUILT[i];
        const value = c[field];
        if (value === undefined || value === null) continue;
        const t = token(value, c);
        if (t === undefined) continue;
        c[field] = t;
        if (!sameJson(attempt(() => rebuild(c, t)), value)) c[field] = value;
      }
      if (c.conversationId === conversationId) c.conversationId = 0;
      if (Array.isArray(c.catalogue) && sameJson(c.catalogue, catalogue)) c.catalogue = 0;
      if (Array.isArray(c.offers)) {
        const offers = (c.offers as Offer[]).map(slimOffer);
        c.offers = offers.length === plain.length && offers.every((o, i) => o === plain[i].solution) ? 0 : offers;
      }
      const { status, historyValue, children, ...rest } = s;
      return {
        ...(status === 'active' ? {} : { status }), ...rest, context: c,
        ...(isEmpty(historyValue) ? {} : { historyValue }), ...(isEmpty(children) ? {} : { children }),
      };
    },
    fill(snapshot, conversationId) {
      const s = snapshot as PersistedSnapshot;
      if (!s.context) return snapshot;
      const c: Context = { ...s.context };
      if (c.conversationId === 0) c.conversationId = conversationId;
      if (c.catalogue === 0) c.catalogue = [...catalogue];
      if (c.offers === 0) c.offers = plain.map((o) => o.solution);
      if (Array.isArray(c.offers)) {
        const offers: unknown[] = [];
        for (const o of c.offers as unknown[]) {
          if (typeof o !== 'string') offers.push(o);
          else if (plainJson.has(o)) offers.push(JSON.parse(plainJson.get(o)!));
          else return undefined;
        }
        c.offers = offers;
      }
      for (const { field, isToken, rebuild } of REBUILT) {
        if (!isToken(c[field])) continue;
        const value = attempt(() => rebuild(c, c[field]));
        if (value === undefined) return undefined;
        c[field] = value;
      }
      return { status: 'active', historyValue: {}, children: {}, ...s, context: c };
    },
  };
}

const isEmpty = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length === 0;

function attempt(f: () => unknown): unknown {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** The same JSON, key order included (what a stored snapshot would show); undefined members count as absent. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Context)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Context)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameJson((a as Context)[ka[i]], (b as Context)[kb[i]])) return false;
  }
  return true;
}
