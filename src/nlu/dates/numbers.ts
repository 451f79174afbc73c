/**
 * Hour and minute words ("nove", "nine", "mezza", "quarter") for the time parsers.
 * @module
 */

const IT_HOURS = [
  'zero', 'una', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici',
  'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove', 'venti',
];
const EN_HOURS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
];

/** Regex alternation of Italian hour words, longest first so "diciassette" beats "sette". */
export const IT_HOUR_WORDS = [...IT_HOURS, 'mezzogiorno', "l'una", 'luna']
  .sort((a, b) => b.length - a.length)
  .join('|');
/** Regex alternation of English hour words. */
export const EN_HOUR_WORDS = [...EN_HOURS, 'noon', 'midday'].sort((a, b) => b.length - a.length).join('|');

/** An hour written as digits or as an Italian/English word; undefined when not an hour. */
export function hourValue(word: string): number | undefined {
  let w = word.toLowerCase();
  if (w === "l'una" || w === 'luna') w = 'una';
  if (/^\d{1,2}$/.test(w)) return Number(w);
  if (w === 'mezzogiorno' || w === 'noon' || w === 'midday') return 12;
  if (w === 'una' || w === 'luna') return 13;
  const it = IT_HOURS.indexOf(w);
  if (it >= 0) return it;
  const en = EN_HOURS.indexOf(w);
  return en >= 0 ? en : undefined;
}

/** Minutes after the hour for "e mezza", "e un quarto", "e 20", "tre quarti". */
export function minuteValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d{1,2}$/.test(w)) return Number(w);
  const table: Record<string, number> = {
    mezza: 30, mezzo: 30, trenta: 30, 'un quarto': 15, quarto: 15, quindici: 15, 'tre quarti': 45,
    quarantacinque: 45, dieci: 10, venti: 20, cinque: 5, venticinque: 25, quaranta: 40, cinquanta: 50,
    half: 30, quarter: 15, 'a quarter': 15, ten: 10, twenty: 20, five: 5, 'twenty five': 25,
  };
  return table[w];
}
