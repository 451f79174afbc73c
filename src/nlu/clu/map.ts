/**
 * A CLU prediction → our intent and entities. Intents are ours by name (CLU's `None` is
 * `outOfDomain`); list components give their key (`extraInformation` `ListKey`), a learned match
 * without one is read by the local rules from the entity's words; prebuilt DateTime gives days,
 * hours and parts of the day (`DateTimeResolution`, `TemporalSpanResolution`); prebuilt Number and
 * Ordinal give a choice. Pure, but for `readWords`.
 * @module
 */
import { DateTime } from 'luxon';
import { LANGUAGES, LEGS, SERVICE_CATEGORIES, SOLUTIONS, type DateWish, type DayPart, type MobilityWish } from '../../../dialogs/model';
import { INTENTS, type Entities, type Intent } from '../../../dialogs/understanding';
import type { RemoteUnderstanding } from '../cloud/guarded';
import { CHANGE_KEYS, CLU_ENTITY, CLU_NONE } from './lists';
import type { CluEntity, CluPrediction, CluResolution } from './wire';

/** What the local rules read in an entity's words, when CLU matched it without a list key. */
export type ReadWords = (text: string, kind: 'service' | 'model' | 'mobility' | 'legs' | 'choice' | 'language') => Promise<Entities>;

export interface MapContext {
  now: string;
  timeZone: string;
  readWords: ReadWords;
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): v is T => v !== undefined && (list as readonly string[]).includes(v);
const listKey = (e: CluEntity) => e.extraInformation?.find((x) => x.extraInformationKind === 'ListKey')?.key;

export function cluIntent(category: string): Intent | undefined {
  if (category === CLU_NONE) return 'outOfDomain';
  return oneOf(INTENTS, category) ? category : undefined;
}

const DAY = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2})?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

function partOf(beginHour: number, endHour: number): DayPart | undefined {
  if (beginHour < 12 && endHour <= 13) return 'morning';
  if (beginHour >= 12 && endHour <= 20) return 'afternoon';
  return undefined;
}

/** One DateTime entity → a wish; of an ambiguous day ("Monday": last or this), the first not before today. */
function dateWish(e: CluEntity, today: string): Omit<DateWish, 'text'> | undefined {
  const candidates: Omit<DateWish, 'text'>[] = [];
  for (const r of e.resolutions ?? []) {
    const wish = fromResolution(r);
    if (wish) candidates.push(wish);
  }
  return candidates.find((c) => !c.date || c.date >= today) ?? candidates[0];
}

function fromResolution(r: CluResolution): Omit<DateWish, 'text'> | undefined {
  if (r.resolutionKind === 'DateTimeResolution' && typeof r.value === 'string') {
    if (r.dateTimeSubKind === 'Set') return undefined; // "every Monday": no day
    const day = DAY.exec(r.value);
    if (day) return day[2] ? { date: day[1], time: `${day[2]}:${day[3]}` } : { date: day[1] };
    const time = TIME.exec(r.value);
    if (time) return { time: `${time[1]}:${time[2]}` };
    return undefined;
  }
  if (r.resolutionKind === 'TemporalSpanResolution' && r.begin && r.end) {
    const [b, e] = [DAY.exec(r.begin), DAY.exec(r.end)];
    if (b && e) {
      if (b[1] !== e[1]) return undefined; // "next week", "June": no day
      const part = b[2] && e[2] ? partOf(Number(b[2]), Number(e[2])) : undefined;
      return part ? { date: b[1], part } : { date: b[1] };
    }
    const [tb, te] = [TIME.exec(r.begin), TIME.exec(r.end)];
    const part = tb && te ? partOf(Number(tb[1]), Number(te[1])) : undefined;
    return part ? { part } : undefined;
  }
  return undefined;
}

function choiceOf(e: CluEntity): number | undefined {
  for (const r of e.resolutions ?? []) {
    if (r.resolutionKind === 'OrdinalResolution' || r.resolutionKind === 'NumberResolution') {
      const n = Number(r.value);
      if (Number.isInteger(n) && n >= 1 && n <= 20) return n;
    }
  }
  const key = Number(listKey(e));
  return Number.isInteger(key) && key >= 1 && key <= 20 ? key : undefined;
}

/** The prediction as our understanding (intent undefined when it is none of ours). */
export async function fromClu(prediction: CluPrediction, context: MapContext): Promise<RemoteUnderstanding> {
  const top = prediction.intents.find((i) => i.category === prediction.topIntent);
  const intent = cluIntent(prediction.topIntent);
  const entities: Entities = {};
  const today = DateTime.fromISO(context.now, { zone: context.timeZone }).toISODate() ?? '';
  const dates: DateWish[] = [];
  let part: DayPart | undefined;
  let asap: string | undefined;
  // the most confident first: the first of a kind wins
  const ordered = [...prediction.entities].sort((a, b) => b.confidenceScore - a.confidenceScore || a.offset - b.offset);
  for (const e of ordered) {
    const key = listKey(e);
    const words = e.text.trim().slice(0, 200);
    if (!words) continue;
    switch (e.category) {
      case CLU_ENTITY.service: {
        if (entities.service) break;
        if (oneOf(SERVICE_CATEGORIES, key)) entities.service = { id: key, text: words };
        else {
          const read = (await context.readWords(words, 'service')).service;
          if (read) entities.service = { id: read.id, text: words };
        }
        break;
      }
      case CLU_ENTITY.model:
        entities.model ??= key ?? (await context.readWords(words, 'model')).model;
        break;
      case CLU_ENTITY.mobility: {
        if (entities.mobility) break;
        const wish: MobilityWish | undefined = key === 'replacement' || oneOf(SOLUTIONS, key) ? key : (await context.readWords(words, 'mobility')).mobility;
        if (wish) entities.mobility = wish;
        break;
      }
      case CLU_ENTITY.legs:
        if (!entities.legs) entities.legs = oneOf(LEGS, key) ? key : (await context.readWords(words, 'legs')).legs;
        break;
      case CLU_ENTITY.name:
        entities.name ??= words;
        break;
      case CLU_ENTITY.address:
        entities.address ??= words;
        break;
      case CLU_ENTITY.postcode: {
        const code = words.replace(/\s/g, '');
        if (/^\d{5}$/.test(code)) entities.postcode ??= code;
        break;
      }
      case CLU_ENTITY.choice:
        entities.choice ??= choiceOf(e) ?? (await context.readWords(words, 'choice')).choice;
        break;
      case CLU_ENTITY.language:
        entities.language ??= oneOf(LANGUAGES, key) ? key : (await context.readWords(words, 'language')).language;
        break;
      case CLU_ENTITY.change:
        if (oneOf(CHANGE_KEYS, key)) entities.change ??= key;
        break;
      case CLU_ENTITY.part:
        if (key === 'morning' || key === 'afternoon') part ??= key;
        break;
      case CLU_ENTITY.asap:
        asap ??= words;
        break;
      case CLU_ENTITY.date: {
        const wish = dateWish(e, today);
        if (wish) dates.push({ ...wish, text: words });
        break;
      }
      default:
        break; // a dealer's own entity: not ours
    }
  }
  if (entities.mobility && entities.mobility !== 'pickup-delivery' && entities.legs) delete entities.legs;
  if (entities.legs) entities.mobility = 'pickup-delivery';
  // in the order said
  dates.sort((a, b) => prediction.entities.findIndex((e) => e.text === a.text) - prediction.entities.findIndex((e) => e.text === b.text));
  const days = [...new Map(dates.filter((d) => d.date).map((d) => [d.date, d])).values()];
  const first: DateWish | undefined = dates.find((d) => d.date) ?? dates[0];
  if (first || part || asap) {
    const wish: DateWish = { ...(first ?? {}), text: [first?.text, asap].filter(Boolean).join(' ') || (part ?? '') };
    const time = dates.find((d) => d.time)?.time;
    if (time && !wish.time) wish.time = time;
    if (part && !wish.part && !wish.time) wish.part = part;
    if (asap && !wish.date) wish.asap = true;
    entities.date = wish;
    if (days.length >= 2 && intent !== 'correction') entities.dateOptions = days.map((d) => ({ date: d.date, text: d.text }));
  }
  return { intent, score: top?.confidenceScore ?? 0, entities, readsActs: false };
}
