/**
 * Postback tokens: the `value` of every choice the bot offers, understood exactly when posted
 * back (a click), so buttons never depend on the recognizer.
 * @module
 */
import { LANGUAGES, LEGS, SERVICE_CATEGORIES, SOLUTIONS } from './model';
import type { DayPart, Lang, Legs, MobilityWish, ServiceCategory } from './model';
import { MANAGE_ACTS, MANAGE_PARTS, type Entities, type Intent, type ManageAct, type ManagePart } from './understanding';

export type ChangeTarget = NonNullable<Entities['change']>;
const CHANGE_TARGETS: readonly ChangeTarget[] = ['date', 'mobility', 'service', 'vehicle', 'name'];

export const token = {
  mobility: (wish: MobilityWish) => `mobility:${wish}`,
  legs: (legs: Legs) => `legs:${legs}`,
  slot: (n: number) => `slot:${n}`,
  service: (id: ServiceCategory) => `service:${id}`,
  lang: (lang: Lang) => `lang:${lang}`,
  change: (what: ChangeTarget) => `change:${what}`,
  asap: 'date:asap',
  /** What to do with a booking already made (#13). */
  manage: (act: ManageAct) => `manage:${act}`,
  /** A part of a booking already made to change, e.g. its pickup & delivery address (#13). */
  part: (part: ManagePart) => `part:${part}`,
  /** One of the customer's bookings, chosen among several (#13). */
  booking: (reference: string) => `booking:${reference.toLowerCase()}`,
  /** A day, maybe with an hour or a part of it: `when:2026-12-03`, `when:2026-12-03-1000`, `when:2026-12-03-morning`. */
  when: (w: { date: string; time?: string; part?: DayPart }) =>
    `when:${w.date}${w.time ? `-${w.time.replace(':', '')}` : w.part ? `-${w.part}` : ''}`,
  yes: 'yes',
  no: 'no',
  human: 'human',
  help: 'help',
  restart: 'restart',
  cancel: 'cancel',
  retry: 'retry',
} as const;

export interface TokenMeaning {
  intent: Intent;
  entities: Entities;
}

const simple: Record<string, Intent> = {
  yes: 'affirm', no: 'deny', human: 'human', help: 'help', restart: 'restart', cancel: 'cancel', retry: 'affirm',
};

const oneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** The meaning of a token, or `undefined` when the text is not one. */
export function parseToken(text: string): TokenMeaning | undefined {
  const t = text.trim();
  if (t in simple) return { intent: simple[t], entities: {} };
  const m = /^([a-z]+):([a-z0-9-]+)$/.exec(t);
  if (!m) return undefined;
  const [, kind, v] = m;
  switch (kind) {
    case 'mobility':
      return v === 'replacement' || oneOf(SOLUTIONS, v) ? { intent: 'inform', entities: { mobility: v as MobilityWish } } : undefined;
    case 'legs':
      return oneOf(LEGS, v) ? { intent: 'inform', entities: { mobility: 'pickup-delivery', legs: v } } : undefined;
    case 'slot':
      return /^\d+$/.test(v) ? { intent: 'inform', entities: { choice: Number(v) } } : undefined;
    case 'service':
      return oneOf(SERVICE_CATEGORIES, v) ? { intent: 'inform', entities: { service: { id: v, text: v } } } : undefined;
    case 'lang':
      return oneOf(LANGUAGES, v) ? { intent: 'switchLanguage', entities: { language: v } } : undefined;
    case 'change':
      return oneOf(CHANGE_TARGETS, v) ? { intent: 'correction', entities: { change: v } } : undefined;
    case 'manage':
      return oneOf(MANAGE_ACTS, v) ? { intent: 'inform', entities: { manage: v } } : undefined;
    case 'part':
      return oneOf(MANAGE_PARTS, v) ? { intent: 'inform', entities: { manage: 'change', managePart: v } } : undefined;
    case 'booking':
      return /^mc-[a-z0-9]{6}$/.test(v) ? { intent: 'inform', entities: { reference: v.toUpperCase() } } : undefined;
    case 'date':
      return v === 'asap' ? { intent: 'inform', entities: { date: { asap: true, text: 'asap' } } } : undefined;
    case 'when': {
      const w = /^(\d{4}-\d{2}-\d{2})(?:-(\d{2})(\d{2})|-(morning|afternoon))?$/.exec(v);
      if (!w) return undefined;
      const date = { date: w[1], text: v, ...(w[2] ? { time: `${w[2]}:${w[3]}` } : {}), ...(w[4] ? { part: w[4] as DayPart } : {}) };
      return { intent: 'inform', entities: { date } };
    }
    default:
      return undefined;
  }
}
