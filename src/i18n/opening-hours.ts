/**
 * The dealer's opening hours in words, per language, from the calendar in the dealer file:
 * weekdays with the same hours grouped ("lunedì–venerdì 8:30–12:30 e 14:00–18:30; sabato
 * 8:30–12:30"); closed days left out. Only Intl's words: no sentence is built here.
 * @module
 */
import type { Lang } from '../../dialogs/model';

/** Opening hours per ISO weekday, 1 = Monday … 7 = Sunday: [open, close) intervals as HH:mm. */
export type WeekHours = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>;

const LOCALE: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };
/** 1 January 2024 was a Monday. */
const weekday = (iso: number, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, iso)));
const time = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

export function openingHoursText(hours: WeekHours, lang: Lang): string {
  const list = new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' });
  const spans = (day: number) => hours[String(day) as keyof WeekHours] ?? [];
  const groups: { from: number; to: number; text: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    const s = spans(day);
    if (s.length === 0) continue;
    const text = list.format(s.map(([a, b]) => `${time(a)}–${time(b)}`));
    const last = groups.at(-1);
    if (last && last.to === day - 1 && last.text === text) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  return groups
    .map((g) => `${weekday(g.from, lang)}${g.to > g.from ? `–${weekday(g.to, lang)}` : ''} ${g.text}`)
    .join('; ');
}
