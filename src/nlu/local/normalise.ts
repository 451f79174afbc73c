/**
 * Text normalisation shared by every matcher: one canonical form so that rules and the corpus
 * meet customers' spelling ("Martedi'", "tagliandoooo", "cortesía").
 * @module
 */

/** Longest input considered: long pastes would only cost time, the need is in the first lines. */
export const MAX_INPUT = 500;

/** Emoji that answer a yes/no question: 👍 is a yes, 👎 a no. */
const EMOJI: Record<string, string> = { '👍': 'ok', '👌': 'ok', '✅': 'ok', '👎': 'no', '❌': 'no', '🙏': 'grazie' };
const EMOJI_WORDS = /👍|👌|✅|👎|❌|🙏/gu;

/**
 * Lowercase, strip accents, fold letters repeated 3+ times to one, turn apostrophes and
 * punctuation into spaces (keeping `/`, `:` and `.` between digits for dates and times).
 * @example normalise("Vorrei l'AUTO di cortesía!!") // "vorrei l auto di cortesia"
 */
export function normalise(text: string): string {
  return text
    .slice(0, MAX_INPUT)
    .replace(EMOJI_WORDS, (e) => ` ${EMOJI[e] ?? ''} `)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/(\d)[:.](\d)/g, '$1\u0000$2')
    .replace(/(\d)\/(\d)/g, '$1\u0001$2')
    .replace(/[^a-z0-9\u0000\u0001]+/g, ' ')
    .replace(/\u0000/g, ':')
    .replace(/\u0001/g, '/')
    .trim();
}

/** Split a normalised text into words. */
export function tokens(normalised: string): string[] {
  return normalised ? normalised.split(' ') : [];
}

/** Chat abbreviations customers use, expanded before matching. */
const ABBREVIATIONS: Record<string, string> = {
  x: 'per',
  // weekdays as WhatsApp writes them: "giov 3", "ven 11 h 14"
  giov: 'giovedi',
  ven: 'venerdi',
  merc: 'mercoledi',
  mart: 'martedi',
  weds: 'wednesday',
  thurs: 'thursday',
  nn: 'non',
  cmq: 'comunque',
  xke: 'perche',
  xche: 'perche',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  u: 'you',
  ur: 'your',
  tmrw: 'tomorrow',
  dmn: 'domani',
  // tomorrow in dialect (#12, tenth to fourteenth writers): Neapolitan, Sicilian, Apulian
  dimane: 'domani',
  dumani: 'domani',
  domane: 'domani',
  crai: 'domani',
  tmr: 'tomorrow',
  tomorow: 'tomorrow',
  appt: 'appointment',
  app: 'appuntamento',
  nxt: 'next',
  asap: 'asap',
  grz: 'grazie',
  tnx: 'thanks',
  sn: 'sono',
  qnd: 'quando',
  ke: 'che',
  k: 'ok',
  okay: 'ok',
  okk: 'ok',
  im: 'i m',
  dont: 'don t',
  cant: 'can t',
  wont: 'won t',
  doesnt: 'doesn t',
  isnt: 'isn t',
  arent: 'aren t',
  didnt: 'didn t',
  thats: 'that s',
  whats: 'what s',
  theres: 'there s',
  ill: 'i ll',
  id: 'i d',
  ive: 'i ve',
};

/** Expand chat abbreviations word by word. */
export function expandAbbreviations(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    // own keys only: "constructor" or "toString" in a message is a word, not Object.prototype's
    const e = Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w] : undefined;
    if (e) out.push(...e.split(' '));
    else out.push(w);
  }
  return out;
}
