/**
 * Slimmer stored snapshots (#15: ≤ 1 KB at every step of a booking). What a snapshot's context
 * repeats — from the session key, from the dealer file, or from the rest of the context through
 * the dialogue's own pure functions — is left out or stored as a token and rebuilt on restore:
 *
 * | field | stored | rebuilt from |
 * |---|---|---|
 * | `conversationId`, `catalogue`, `confirmed`, `attempt`, `misunderstandings` | left out while at their start values (`initialContext`) | the conversation's key, the dealer's services, the start values |
 * | `offers` | `0` when they are all the dealer's plain offers, in its order; else each plain one by its solution id | the dealer's offers |
 * | `search`, `slot`, `heldUntil`, `summaryShown`, `lastPrompt`, `asked`, `booking` | tokens (rebuilt-fields.ts) | the rest of the context |
 *
 * Around the context, xstate's defaults (`status: "active"`, empty `historyValue` and `children`)
 * are left out and put back.
 *
 * A field is tokened or left out only when its rebuild, from the context exactly as the restore
 * will see it, gives it back (same JSON, key order included), so a restored snapshot is the one
 * persisted; keys keep their places. Tokens differ in type from what they stand for, so a
 * snapshot stored whole (before this), or with the tokens of an earlier version (`0` for the
 * conversation's key and the catalogue; the slot by index; the plain wording of the last prompt),
 * is restored as it is. Rebuilt from the dealer file and the code the instance runs now: after a
 * change of either, a conversation restored gets its catalogue, plain offers and question as they
 * are now; an offer whose solution the file no longer has cannot be rebuilt, and the snapshot no
 * longer fits (reset with an apology, as after a machine change).
 * @module
 */
import { initialContext } from '../../dialogs/context';
import type { Offer, ServiceCategory } from '../../dialogs/model';
import { offersFor } from '../../dialogs/policies/entitlement-policy';
import type { Dealer } from '../dealer/schema';
import { REBUILT, type Context } from './rebuilt-fields';
import { sameJson } from './same-json';

export { sameJson } from './same-json';

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

/** Every context's first keys, in their order (`lang` and `now` have no start value: always stored). */
const START_KEYS = Object.keys(initialContext({ conversationId: '', lang: 'it', now: '', catalogue: [] }));

function startValues(conversationId: string, catalogue: ServiceCategory[]): Context {
  const { lang: _lang, now: _now, ...start } = initialContext({ conversationId, lang: 'it', now: '', catalogue });
  return start as unknown as Context;
}

/** `c` with the start keys it leaves out put back in their places (the context's first keys). */
function withStartKeys(c: Context, start: Context): Context {
  if (Object.keys(start).every((k) => Object.hasOwn(c, k))) return c;
  const out: Context = {};
  for (const k of START_KEYS) {
    if (Object.hasOwn(c, k)) out[k] = c[k];
    else if (Object.hasOwn(start, k)) out[k] = start[k];
  }
  for (const k of Object.keys(c)) if (!Object.hasOwn(out, k)) out[k] = c[k];
  return out;
}

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
      let c: Context = { ...s.context };
      // Decided last field first, each against the context as the restore will have it then.
      for (let i = REBUILT.length - 1; i >= 0; i--) {
        const { field, candidates, rebuild } = REBUILT[i];
        const value = c[field];
        if (value === undefined || value === null) continue;
        for (const t of candidates(value, c)) {
          c[field] = t;
          if (sameJson(attempt(() => rebuild(c, t)), value)) break;
          c[field] = value;
        }
      }
      if (Array.isArray(c.offers)) {
        const offers = (c.offers as Offer[]).map(slimOffer);
        c.offers = offers.length === plain.length && offers.every((o, i) => o === plain[i].solution) ? 0 : offers;
      }
      // The start keys last: the restore puts them back first, where they were (the first keys).
      const start = startValues(conversationId, catalogue);
      const keys = Object.keys(c);
      if (START_KEYS.every((k, i) => keys[i] === k && c[k] !== undefined)) {
        for (const k of START_KEYS) if (Object.hasOwn(start, k) && sameJson(c[k], start[k])) delete c[k];
      } else {
        if (c.conversationId === conversationId) c.conversationId = 0;
        if (Array.isArray(c.catalogue) && sameJson(c.catalogue, catalogue)) c.catalogue = 0;
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
      const c: Context = withStartKeys({ ...s.context }, startValues(conversationId, catalogue));
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
