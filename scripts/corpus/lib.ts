/**
 * Helpers for the corpus generator (#12): the corpus `now`, dates computed with luxon, items with
 * their origin (free sentence or template) and failure-kind tags, a seeded random source and the
 * "voices" (lower case, no accents, abbreviations, typos) applied to the filler words only.
 * @module
 */
import { DateTime } from 'luxon';

export const NOW_ISO = '2026-11-30T09:00:00+01:00';
export const ZONE = 'Europe/Rome';
export const NOW = DateTime.fromISO(NOW_ISO, { zone: ZONE });

export type Ent = Record<string, string | number | boolean>;
export interface Item {
  text: string;
  awaiting?: string;
  intent: string;
  entities: Ent;
  question?: string;
}
export interface Tagged extends Item {
  origin: 'free' | 'template';
  tags: string[];
}

const WEEKDAYS = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;
type Wd = keyof typeof WEEKDAYS;
const iso = (d: DateTime) => d.toISODate()!;

/** `days` after today. */
export const plus = (days: number) => iso(NOW.plus({ days }));
/** A weekday said alone: its next occurrence strictly after today (the recognizer's and the corpus' convention). */
export const next = (wd: Wd) => {
  let d = NOW.plus({ days: 1 });
  while (d.weekday !== WEEKDAYS[wd]) d = d.plus({ days: 1 });
  return iso(d);
};
/** That weekday in the calendar week `n` weeks after this one ("la settimana prossima martedì", "in 2 weeks on Friday"). */
export const inWeek = (n: number, wd: Wd) => iso(NOW.startOf('week').plus({ weeks: n, days: WEEKDAYS[wd] - 1 }));
/** A day of the month: the next such day (today included); a month before this one is next year's. */
export const dm = (day: number, month?: number) => {
  if (month === undefined) {
    let d = NOW.startOf('day');
    while (d.day !== day) d = d.plus({ days: 1 });
    return iso(d);
  }
  const year = month < NOW.month ? NOW.year + 1 : NOW.year;
  return iso(DateTime.fromObject({ year, month, day }, { zone: ZONE }));
};
/** A weekday with its day of the month ("martedì 8"): checked to be that weekday. */
export const wdd = (wd: Wd, day: number, month?: number) => {
  const d = dm(day, month);
  const w = DateTime.fromISO(d, { zone: ZONE }).weekday;
  if (w !== WEEKDAYS[wd]) throw new Error(`${d} is no ${wd}`);
  return d;
};

/** Shorthands used in the item lists. */
export const D = {
  tom: plus(1),
  dat: plus(2),
  mon: next('mon'), tue: next('tue'), wed: next('wed'), thu: next('thu'), fri: next('fri'), sat: next('sat'),
  nw: Object.fromEntries(Object.keys(WEEKDAYS).map((w) => [w, inWeek(1, w as Wd)])) as Record<Wd, string>,
  w2: Object.fromEntries(Object.keys(WEEKDAYS).map((w) => [w, inWeek(2, w as Wd)])) as Record<Wd, string>,
  w3: Object.fromEntries(Object.keys(WEEKDAYS).map((w) => [w, inWeek(3, w as Wd)])) as Record<Wd, string>,
  /** The middle of the month, as the recognizer's convention reads it: the first day of days 10-20 still ahead. */
  midMonth: dm(10, 12),
};

/** Deterministic random numbers (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick<T>(xs: readonly T[]): T {
      return xs[Math.floor(next() * xs.length)];
    },
    chance(p: number) {
      return next() < p;
    },
    shuffle<T>(xs: T[]): T[] {
      const a2 = [...xs];
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

export const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const IT_ABBR: [RegExp, string][] = [
  [/\bper\b/g, 'x'], [/\bnon\b/g, 'nn'], [/\bcomunque\b/g, 'cmq'], [/\bperch[eé]\b/g, 'xké'], [/\bche\b/g, 'ke'],
  [/\bgrazie\b/g, 'grz'], [/\bsono\b/g, 'sn'], [/\bquesto\b/g, 'qsto'], [/\bbene\b/g, 'bn'], [/\bmessaggio\b/g, 'msg'],
  [/\bqualcosa\b/g, 'qlcs'], [/\btutto\b/g, 'tt'], [/\bsei\b/g, '6'],
];
const EN_ABBR: [RegExp, string][] = [
  [/\bplease\b/g, 'pls'], [/\byou\b/g, 'u'], [/\bthanks\b/g, 'thx'], [/\bthank you\b/g, 'tnx'], [/\bbecause\b/g, 'cos'],
  [/\byour\b/g, 'ur'], [/\bare\b/g, 'r'], [/\bI am\b/g, 'im'], [/\bI'm\b/g, 'im'], [/\bgoing to\b/g, 'gonna'], [/\bwant to\b/g, 'wanna'],
];

/** A voice for filler words: abbreviations and at most one typo (adjacent letters swapped or one doubled). */
export function fillerVoice(r: Rng, lang: 'it' | 'en', s: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  let t = s;
  if (r.chance(0.35)) {
    const before = t;
    for (const [re, by] of lang === 'it' ? IT_ABBR : EN_ABBR) if (r.chance(0.7)) t = t.replace(re, by);
    if (t !== before) tags.push('abbreviations');
  }
  if (r.chance(0.2)) {
    const words = t.split(' ');
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{6,}$/.test(w));
    if (long.length) {
      const [w, i] = r.pick(long);
      const k = 1 + Math.floor(r.next() * (w.length - 3));
      words[i] = r.chance(0.5) ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) : w.slice(0, k) + w[k] + w.slice(k);
      t = words.join(' ');
      tags.push('typo');
    }
  }
  return { text: t, tags };
}

/** A voice for the whole message: lower case, no accents, no final punctuation, or as written. */
export function messageVoice(r: Rng, s: string): { text: string; tags: string[] } {
  const x = r.next();
  if (x < 0.3) return { text: stripAccents(s.toLowerCase()).replace(/[.!]+$/, ''), tags: ['lowercase-no-accents'] };
  if (x < 0.45) return { text: stripAccents(s), tags: ['no-accents'] };
  if (x < 0.55) return { text: s.charAt(0).toUpperCase() + s.slice(1), tags: [] };
  return { text: s, tags: [] };
}
