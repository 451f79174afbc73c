/**
 * A street address in a message ("abito in via Giardini 200, 41124 Modena", "Via Emilia Est 120,
 * Modena"), kept whatever was being asked, so that it is not asked again (R6, R7). Only a street
 * word followed by a house number counts; the town is found later by the gazetteer.
 * @module
 */

const STREET = "(?:via|viale|v\\.le|piazza|p\\.zza|p\\.za|piazzale|p\\.le|corso|c\\.so|strada|str\\.|stradello|largo|vicolo|borgo|contrada|localit[aà]|loc\\.|frazione|fraz\\.)";
const NAME_WORD = "[\\p{L}'’.]+";
const NUMBER = '\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:/[\\dA-Za-z]{1,3})?';
/** A town after the number: a postcode and/or up to four words, up to the end of the clause. */
const TOWN = "(?:\\s*[,-]?\\s*(?:\\d{5}\\s*)?(?:[\\p{L}'’]+(?:\\s+[\\p{L}'’]+){0,3})?(?:\\s*\\(?[A-Z]{2}\\)?)?)?";

const ADDRESS = new RegExp(`(?<![\\p{L}])${STREET}\\s+(?:${NAME_WORD}\\s+){0,5}?${NAME_WORD},?\\s*${NUMBER}(?![\\d])${TOWN}`, 'iu');

/** Words that end the town: what follows is another part of the message. */
const AFTER_TOWN = new Set(
  ('e ed o per poi che se ma quando giovedi lunedi martedi mercoledi venerdi sabato domenica domani dopodomani alle il la ' +
    'grazie please thanks and or on for at then tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'potete potreste vorrei mi ci is the next this').split(' '),
);

const plain = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The address written in `text`, or `undefined`. */
export function findAddress(text: string): string | undefined {
  const m = ADDRESS.exec(text.slice(0, 500));
  if (!m) return undefined;
  // Cut the town at the first word that starts another part of the sentence.
  const numberAt = m[0].search(/\d/);
  const head = m[0].slice(0, numberAt);
  const tail = m[0].slice(numberAt).split(/(\s+)/);
  const kept: string[] = [];
  let words = 0;
  for (const piece of tail) {
    if (/^\s+$/.test(piece)) {
      kept.push(piece);
      continue;
    }
    words += 1;
    if (words > 1 && AFTER_TOWN.has(plain(piece.replace(/[,.;:!?]+$/, '')))) break;
    kept.push(piece);
  }
  const address = `${head}${kept.join('')}`.replace(/[\s,;:.!?-]+$/, '').trim();
  return address.length >= 6 ? address : undefined;
}
