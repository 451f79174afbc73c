/**
 * Dates and times in a message → a `DateWish` (days in the dealer's time zone). Built on
 * `chrono-node`'s Italian and British-English parsers, extended with our parsers and refiners.
 *
 * Conventions: a weekday alone is its next occurrence strictly after today; "il 7" is the next
 * 7th, today included; day/month order for numeric dates; an hour from 1 to 6 without "mattina"
 * or am/pm is afternoon (the workshop is closed at 3 a.m.); a part of the day ("mattina") is a
 * `part`, not an hour; a time without a day comes without `date`; dates in the past are kept.
 * @module
 */
import { DaysInWordsParser, HolidayParser, TomorrowShorthandParser } from './holidays';
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { DateWish, Lang } from '../../../dialogs/model';
import { isoInstantMs } from '../../time/iso';
import { LiteralGates, passes, type RegExpGate, regExpGate } from '../literals';
import { findAsap } from './asap';
import { FourDigitTimeParser } from './four-digit';
import { EnglishBareHourParser, ItalianBareHourParser } from './bare-hour';
import { clockForms } from './clock-forms';
import { DayAfterParser, DayAfterRefiner, ItalianDayAfterTomorrowParser } from './day-after';
import { BarePartRefiner, findDayPart } from './day-part';
import { EnglishBareOrdinalParser, EnglishDayAfterTomorrowParser, EnglishDayOfMonthParser, EnglishHalfHourParser, EnglishMonthDayParser, EnglishPastToParser, EnglishTimeParser } from './en-parsers';
import { ItalianDayOfMonthParser, ItalianTimeParser } from './it-parsers';
import { EnglishMonthPartParser, ItalianMonthPartParser } from './month-part';
import { NextWeekdayRefiner } from './next-weekday-refiner';
import { ItalianNoonParser } from './noon';
import { EasterParser, NthWeekdayParser } from './nth-weekday';
import { blankNotDates, cancels } from './not-dates';
import { leavingSpans, refusedSpans } from './refused';
import { DayMonthSlashParser } from './slash-date-parser';
import { ItalianWeekAloneParser, WeekdayInWeekRefiner, WeekOffsetParser } from './week-offset';
import { WeekdayDayParser, WeekdayOfDateRefiner, weekdayConflict } from './weekday-day';
import { WeeksFromDayParser } from './weeks-from';

/**
 * A date wish, and when the message names two or more different days ("mercoledì o giovedì"),
 * each of them in the order said (the wish is then the last one, as after a correction). When
 * the wish's weekday is not its date's ("lunedì 9", the 9th a Wednesday), `conflict` holds the two
 * days it may mean, in calendar order, each with the hour or part of the day said: not one of
 * them picked silently (the wish is then the date said).
 */
export type FoundDate = DateWish & { either?: DateWish[]; conflict?: DateWish[] };

/** Finds the date wish in a message. */
export type DateRecognizer = (input: {
  text: string;
  normalised: string;
  lang: Lang;
  now: string;
  timeZone: string;
  /** The bot asked for a date: a part of the day alone ("di mattina") is an answer. */
  awaitingDate?: boolean;
}) => FoundDate | undefined;

/** A sentence's end after a word (not "ven. 3", "10.30"): the next sentence is no continuation. */
const SENTENCE_END = /([a-z]{4,})[.!?](?=\s)/g;

/**
 * A part of the day wished for in a message that names no day and answers no date question:
 * "afternoons only", "mornings are best", "preferibilmente di mattina", "this afternoon?" (#12,
 * twenty-fourth writers). Said alone, "in the morning when it's cold" tells when a symptom shows.
 */
const PARTS = '(?:mornings?|afternoons?|mattina|mattine|mattino|pomeriggio|pomeriggi)';
const WISHED_PART = new RegExp(
  `\\b((?:only|solo\\s+(?:di|al|il|nel)|soltanto\\s+(?:di|al|il|nel)|any|qualsiasi|qualunque|preferibilmente|preferably|ideally|di\\s+preferenza|better|meglio|prefer\\w*|free|liber[oa]|disponibile|available)\\s+(?:\\w+\\s+){0,2}${PARTS}|${PARTS}\\s+(?:\\w+\\s+){0,1}(?:only|solo|preferibilmente|preferably|ideally|if\\s+possible|se\\s+possibile|please|pls|per\\s+favore|is\\s+best|are\\s+best|would\\s+be|works|suits|va\\s+bene|andrebbe|meglio|better))\\b`,
);
const TODAYS_PART = /\b(this|questo)\s+(afternoon|pomeriggio)\b/;
/** Asking for a time: "could you fit it in this afternoon?", "ce la fate oggi pomeriggio?" (not "stolen this afternoon"). */
const todaysWished = (normalised: string) => TODAYS_PART.test(normalised) && WISH_VERB.test(normalised);
const WISH_VERB = /\b(can|could|would|any\s+chance|possible|possibile|fit|come\s+in|bring|drop|ce\s+la\s+fate|riuscite|potete|posso|possiamo|si\s+puo|disponibil\w*|va\s+bene|free|liber[oa]|even|anche)\b/;

/** A part of the day that is not a wish: "good morning", "ogni mattina", "stamattina" in a story. */
const NOT_A_PART = /\b(good\s+(morning|afternoon)|ogni\s+(mattina|pomeriggio)|every\s+(morning|afternoon)|this\s+morning|stamattina|stamani|buon\s+pomeriggio)\b/;
/**
 * "Morning, thursday 17th, crack in the windscreen": a message that opens with "morning" and goes
 * on about something else is greeting (not when a date was asked, nor "morning on the 16th").
 */
const GREETING_FIRST =
  /^(?:good\s+)?(?:morning|afternoon|evening)(?:\s+(?:all|guys|team|there|folks|mate|everyone))?\s+(?=(?:\S+\s+){2}\S)(?!(?:of|on|in|at|for|please|pls|slot|would|works|is|if|only|preferably|ideally|best|or|and|then|appointment)\b)/;

/** `first` run before chrono's own parsers, and win when they read the same words ("end of January"). */
function extend(base: chrono.Chrono, lang: Lang, parsers: chrono.Parser[], first: chrono.Parser[] = []): chrono.Chrono {
  const c = base.clone();
  // "the day after" is ours, not chrono's "tomorrow"
  c.parsers.unshift(new DayAfterParser(), ...first);
  c.parsers.push(new DayMonthSlashParser(), new WeekdayDayParser(lang), new WeekOffsetParser(), new WeeksFromDayParser(), ...parsers);
  // before chrono's merging: a part of the day alone merged "afternoon on wednesday" and lost Wednesday
  c.refiners.unshift(new BarePartRefiner());
  // after chrono's own merging, before nothing: the last word on weekdays is ours
  c.refiners.push(new NextWeekdayRefiner(), new WeekdayInWeekRefiner(), new WeekdayOfDateRefiner(), new DayAfterRefiner());
  c.refiners = c.refiners.map((r) => (RELATIVE_FOLLOWED_BY_DATE.test(r.constructor.name) ? new Unfailing(r) : r));
  c.parsers = c.parsers.map((p) => new Gated(p));
  return c;
}

/** The date parsers' literals: their own index, read on the texts chrono reads. */
const DATE_GATES = new LiteralGates();
/** Matches nothing, at once (sticky: tried at the start only). */
const NEVER = /(?!)/y;

/**
 * A parser that is not run on a text lacking every literal its pattern needs (src/nlu/literals.ts):
 * it would find nothing there. Most parsers look for words most messages do not have (month
 * names, "ago", "next week"...): chrono tries each of them on every message (#12).
 */
class Gated implements chrono.Parser {
  /** The inner parser's last pattern and its gate (most parsers keep one pattern; a few make a new one each time). */
  private re?: RegExp;
  private gate?: RegExpGate;
  constructor(private readonly inner: chrono.Parser) {}
  pattern(context: chrono.ParsingContext): RegExp {
    const re = this.inner.pattern(context);
    if (re !== this.re) {
      if (!this.re || re.source !== this.re.source || re.flags !== this.re.flags) this.gate = regExpGate(re, DATE_GATES);
      this.re = re;
    }
    return this.gate === undefined || passes(this.gate, context.text, DATE_GATES) ? re : NEVER;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray) {
    return this.inner.extract(context, match);
  }
}

/** chrono's "[2 settimane dopo] [venerdì]" merging, which throws on "[mercoledì della settimana dopo] [a mezzogiorno]". */
const RELATIVE_FOLLOWED_BY_DATE = /^(?:IT|EN)MergeRelativeFollowByDateRefiner$/;

/**
 * A refiner that leaves the results as they were when it throws: chrono.it's merging of a relative
 * date and a date after it reads "mercoledì della settimana dopo" (ours, ending in "dopo") as a
 * duration it cannot parse, and the whole message was lost (refiners build new results, so the
 * ones handed in are intact).
 */
class Unfailing implements chrono.Refiner {
  constructor(private readonly inner: chrono.Refiner) {}
  refine(context: chrono.ParsingContext, results: chrono.ParsingResult[]): chrono.ParsingResult[] {
    try {
      return this.inner.refine(context, results);
    } catch {
      return results;
    }
  }
}

/**
 * Cheap gate before chrono: a digit or a calendar word must be present. English month and day
 * names and abbreviations count only where a word ends ("nextmonday" does, "Marco" does not).
 */
const MAYBE_DATE = new RegExp(
  '\\d|lun|mart|merc|giov|vener|sabat|domen|domani|oggi|stamani|stasera|settiman|mese|mattin|pomerig|' +
    'genn|febbr|marz|april|magg|giugn|lugl|agost|settem|ottob|novem|dicem|nove|dieci|undici|dodici|mezzogiorno|una|due|tre|quattro|cinque|sei|sette|otto|' +
    'today|tomorrow|tonight|week|fortnight|month|morning|afternoon|evening|noon|midday|' +
    '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
    'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\b|' +
    'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter|past|' +
    'pranzo|lunch|prima ora|apertura|aprite|first thing|you open|opening|pom|matt\\b|arvo|' +
    // "di buon'ora" with its "ora" blanked as "now"; not "buongiorno"
    'buon(?:ora|\\s\\s)|' +
    'ieri|yesterday|scors|last|' +
    // holidays, days counted in words, "2moro" (holidays.ts)
    'pasqu|easter|angelo|' +
    'natal|christmas|boxing|stefano|capodanno|silvestro|new year|epifania|epiphany|befana|dell anno|giorni|days',
);

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds the chrono instances once; the returned function is cheap per message. */
export function createDateRecognizer(): DateRecognizer {
  const it = extend(chrono.it.casual, 'it', [new ItalianTimeParser(), new ItalianDayOfMonthParser(), new ItalianBareHourParser(), new ItalianDayAfterTomorrowParser(), new ItalianWeekAloneParser()], [
    new ItalianMonthPartParser(), new ItalianNoonParser(), new FourDigitTimeParser(), new HolidayParser(), new DaysInWordsParser(), new TomorrowShorthandParser(), new NthWeekdayParser(), new EasterParser(),
  ]);
  const en = extend(chrono.en.GB, 'en', [
    new EnglishTimeParser(), new EnglishPastToParser(), new EnglishHalfHourParser(), new EnglishDayOfMonthParser(), new EnglishBareOrdinalParser(), new EnglishDayAfterTomorrowParser(), new EnglishBareHourParser(),
  ], [new EnglishMonthDayParser(), new EnglishMonthPartParser(), new FourDigitTimeParser(), new HolidayParser(), new DaysInWordsParser(), new TomorrowShorthandParser(), new NthWeekdayParser(), new EasterParser()]);

  return ({ text: rawText, normalised, lang, now, timeZone, awaitingDate }) => {
    // a sentence's end is no joint: chrono merged "…the same evening. Thursday would…" and lost Thursday
    const text = clockForms(blankNotDates(rawText)).replace(SENTENCE_END, '$1;');
    if (cancels(normalised)) return undefined;
    const asap = findAsap(normalised);
    if (asap) return { asap: true, text: asap };

    if (!MAYBE_DATE.test(text)) return undefined;
    const local = wallClock(now, timeZone);
    if (!local) return undefined;
    // chrono works in the process's zone: hand it the dealer's wall clock as if it were local
    const ref = new Date(local.year, local.month - 1, local.day, local.hour, local.minute);
    const primary = lang === 'en' ? en : it;
    const secondary = lang === 'en' ? it : en;
    let results = primary.parse(text, ref, { forwardDate: true });
    if (results.length === 0) results = secondary.parse(text, ref, { forwardDate: true });
    results = withoutRefused(results, text);

    let wish: FoundDate | undefined;
    let conflict: [string, string] | undefined;
    const texts: string[] = [];
    let pm = false;
    const todayIso = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
    // A correction names the date last: the last result with a day wins
    for (const r of [...results].reverse()) {
      const s = r.start;
      const hasDay = s.isCertain('day') || s.isCertain('weekday');
      const hasTime = s.isCertain('hour');
      if (!hasDay && !hasTime) continue;
      wish ??= { text: '' };
      if (hasDay && !wish.date) {
        wish.date = recentPast(`${s.get('year')}-${pad(s.get('month') ?? 1)}-${pad(s.get('day') ?? 1)}`, s.isCertain('year'), local);
        conflict = conflictOf(s, wish.date, todayIso);
        texts.unshift(r.text);
      }
      if (hasTime && !wish.time) {
        wish.time = `${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}`;
        pm = s.isCertain('meridiem') || r.tags().has('meridiemKnown');
        if (!texts.includes(r.text)) texts.unshift(r.text);
      }
      if (wish.date && wish.time) break;
    }
    const part = NOT_A_PART.test(normalised) ? undefined : findDayPart(awaitingDate ? normalised : normalised.replace(GREETING_FIRST, ''));
    if (wish?.time) {
      const [h, m] = wish.time.split(':').map(Number);
      if (!pm && h >= 1 && h <= 6 && part?.part !== 'morning') wish.time = `${pad(h + 12)}:${pad(m)}`;
    } else if (part && (wish?.date || awaitingDate || WISHED_PART.test(normalised) || todaysWished(normalised))) {
      wish ??= { text: '' };
      // "this afternoon", "questo pomeriggio": today's (chrono reads no day in them)
      if (!wish.date && todaysWished(normalised)) wish.date = todayIso;
      wish.part = part.part;
      if (!texts.some((t) => normaliseLite(t).includes(part.text))) texts.push(part.text);
    }
    if (!wish) return undefined;
    wish.text = texts.join(' ').replace(/\s+/g, ' ').trim();
    if (conflict) {
      const { time, part: wishPart, text } = wish;
      wish.conflict = conflict.map((date) => ({ date, ...(time ? { time } : wishPart ? { part: wishPart } : {}), text }));
    }
    const either = daysNamed(results, local, todayIso, part?.part);
    if (either.length > 1) wish.either = either;
    return wish;
  };
}

const namesDay = (r: chrono.ParsedResult) => r.start.isCertain('day') || r.start.isCertain('weekday');

/**
 * Without the days named only to rule them out ("mercoledì, non martedì", "not tomorrow, the day
 * after") or as the day the customer leaves ("il 29 alle 10, che il 30 parto"), when another day
 * is named: they are neither the wish nor an option to ask about.
 */
function withoutRefused(results: chrono.ParsedResult[], text: string): chrono.ParsedResult[] {
  return withoutRefusedHours(withoutRefusedDays(results, text), text);
}

function withoutRefusedDays(results: chrono.ParsedResult[], text: string): chrono.ParsedResult[] {
  const days = results.filter(namesDay);
  if (days.length < 2) return results;
  const refused = refusedSpans(text, days);
  const leaving = leavingSpans(text, days);
  const kept = results.filter((r) => !refused.has(r) && !leaving.has(r));
  return kept.some(namesDay) ? kept : results;
}

const namesHour = (r: chrono.ParsedResult) => r.start.isCertain('hour');

/**
 * Without an hour named only to rule it out ("sì però alle 9 e mezza non alle 9", "at 9.30, not at
 * 9", "alle 9 no, alle 10") when another hour is named: the last hour said is otherwise the wish.
 * An hour that comes with its day is left to the days.
 */
function withoutRefusedHours(results: chrono.ParsedResult[], text: string): chrono.ParsedResult[] {
  const hours = results.filter(namesHour);
  if (hours.length < 2) return results;
  const refused = refusedSpans(text, hours);
  const kept = results.filter((r) => !refused.has(r) || namesDay(r));
  return kept.some(namesHour) ? kept : results;
}

/** The two days a result may mean when its weekday and its date disagree. */
function conflictOf(s: chrono.ParsedComponents, date: string, todayIso: string): [string, string] | undefined {
  if (!s.isCertain('weekday') || !s.isCertain('day')) return undefined;
  return weekdayConflict(s.get('weekday') ?? 0, date, todayIso);
}

/**
 * Each different day named, in the order said, with its own hour (or the message's part of the
 * day); a weekday and a date that disagree name both their days.
 */
function daysNamed(results: chrono.ParsedResult[], today: WallClock, todayIso: string, part: DateWish['part']): DateWish[] {
  const days: DateWish[] = [];
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('day') && !s.isCertain('weekday')) continue;
    const said = recentPast(`${s.get('year')}-${pad(s.get('month') ?? 1)}-${pad(s.get('day') ?? 1)}`, s.isCertain('year'), today);
    for (const date of conflictOf(s, said, todayIso) ?? [said]) {
      if (days.some((d) => d.date === date)) continue;
      const day: DateWish = { date, text: r.text };
      if (s.isCertain('hour')) day.time = `${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}`;
      else if (part) day.part = part;
      days.push(day);
    }
  }
  return days;
}

/**
 * "il 20 novembre" said on 30 November is a slip about a day just gone, not a wish for next
 * year: a day-and-month up to 60 days back stays in this year, so the dialogue can say it has
 * passed instead of silently proposing a date eleven months away.
 */
function recentPast(date: string, yearSaid: boolean, today: WallClock): string {
  if (yearSaid) return date;
  return recentPastFast(date, today) ?? recentPastLuxon(date, today.at());
}

/** The fields of a `DateTime` the recognizer reads, and the `DateTime` itself when luxon must decide. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  at(): DateTime;
}

const HOUR_MS = 3_600_000;
/** Offsets per zone and UTC day (`null`: the offset changes that day, ask luxon). */
const offsets = new Map<string, Map<number, number | null>>();
const MAX_OFFSET_DAYS = 5000;

/**
 * `DateTime.fromISO(now, { setZone: true }).setZone(timeZone)`'s wall clock, without a time-zone
 * look-up per message (each costs an `Intl` offset computation): the zone's offset is kept per
 * UTC day; a day whose offset changes is answered by luxon. `undefined` when either is invalid.
 */
function wallClock(now: string, timeZone: string): WallClock | undefined {
  const slow = (): WallClock | undefined => {
    const t = DateTime.fromISO(now, { setZone: true }).setZone(timeZone);
    return t.isValid ? { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, at: () => t } : undefined;
  };
  const ms = isoInstantMs(now);
  if (ms === undefined) return undefined;
  let byDay = offsets.get(timeZone);
  if (!byDay) {
    if (!DateTime.fromMillis(0, { zone: timeZone }).isValid) return undefined;
    offsets.set(timeZone, (byDay = new Map()));
  }
  const utcDay = Math.floor(ms / DAY_MS);
  let offset = byDay.get(utcDay);
  if (offset === undefined) {
    if (byDay.size >= MAX_OFFSET_DAYS) byDay.clear();
    const first = DateTime.fromMillis(utcDay * DAY_MS, { zone: timeZone }).offset;
    const last = DateTime.fromMillis((utcDay + 1) * DAY_MS - 1, { zone: timeZone }).offset;
    offset = first === last ? first * 60_000 : null;
    byDay.set(utcDay, offset);
  }
  if (offset === null || offset % 60_000 !== 0) return slow();
  const wall = new Date(ms + offset);
  const year = wall.getUTCFullYear();
  if (year < 1001 || year > 9999 || Math.abs(offset) > 24 * HOUR_MS) return slow();
  let at: DateTime | undefined;
  return {
    year, month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(),
    at: () => (at ??= DateTime.fromMillis(ms, { zone: timeZone })),
  };
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * {@link recentPast} in plain calendar arithmetic (luxon's zone offsets are what it costs): the
 * comparisons are between local days, so UTC day numbers give the same answers. `undefined`
 * when the day is not an ordinary valid date (luxon decides those).
 */
function recentPastFast(date: string, today: WallClock): string | undefined {
  const m = ISO_DAY.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1001 || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  // minus one year, the 29th of February becoming the 28th (as luxon does)
  const lastYearDay = Math.min(d, new Date(Date.UTC(y - 1, mo, 0)).getUTCDate());
  const todayDay = Date.UTC(today.year, today.month - 1, today.day);
  const daysBack = (todayDay - Date.UTC(y - 1, mo - 1, lastYearDay)) / DAY_MS;
  // At the edges, a zone whose midnight moves (DST at 00:00) makes luxon's difference fractional.
  if (daysBack === 0 || daysBack === 60 || daysBack === 61) return undefined;
  // The wished day's midnight is after now exactly when the day is after today.
  return Date.UTC(y, mo - 1, d) > todayDay && daysBack > 0 && daysBack <= 60 ? `${y - 1}-${pad(mo)}-${pad(lastYearDay)}` : date;
}

function recentPastLuxon(date: string, today: DateTime): string {
  const forward = DateTime.fromISO(date, { zone: today.zone });
  const thisYear = forward.minus({ years: 1 });
  const daysBack = today.startOf('day').diff(thisYear.startOf('day'), 'days').days;
  return forward > today && daysBack > 0 && daysBack <= 60 ? thisYear.toISODate()! : date;
}

function normaliseLite(t: string): string {
  return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
