/**
 * `Places` backed by the dealer file's `places`: finds the town in a free-text address and
 * measures how far it is from the dealer, for the pickup & delivery and shuttle radius (R6, R7).
 * @module
 */
import type { Dealer } from '../dealer/schema';
import type { Located, Places } from './places';

type Place = Dealer['places'][number];
type Point = { lat: number; lon: number };

/** Words that start a street name: the "Modena" in "via Modena 3, Carpi" is not the town. */
const STREET_WORDS = new Set([
  'via', 'v', 'viale', 'v le', 'piazza', 'p za', 'piazzale', 'p le', 'corso', 'c so', 'strada',
  'str', 'stradello', 'largo', 'vicolo', 'borgo', 'contrada', 'galleria', 'street', 'road',
]);

export function createGazetteer(dealer: Dealer): Places {
  const home = dealer.site.location;
  const byPostcode = new Map<string, Place>();
  const byName = new Map<string, Place>();
  // The first entry of a town (e.g. Modena 41121, its centre) stands for it when only the name is given.
  for (const place of dealer.places) {
    if (!byPostcode.has(place.postcode)) byPostcode.set(place.postcode, place);
    const key = normalise(place.name);
    if (!byName.has(key)) byName.set(key, place);
  }
  // Longest first, so "castelfranco emilia" is taken before any shorter name inside it.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);

  const find = (address: string): Place | undefined =>
    findByPostcode(address, byPostcode) ?? findByName(normalise(address), names, byName);

  return {
    async locate(address: string, radiusKm: number): Promise<Located> {
      const place = find(address);
      if (!place) return { status: 'unknown' };
      const exact = haversineKm(home, place);
      const distanceKm = Math.round(exact * 10) / 10;
      return exact <= radiusKm
        ? { status: 'ok', place: place.name, postcode: place.postcode, distanceKm }
        : { status: 'outside', place: place.name, distanceKm, radiusKm };
    },
  };
}

function findByPostcode(address: string, byPostcode: Map<string, Place>): Place | undefined {
  for (const [code] of address.matchAll(/(?<!\d)\d{5}(?!\d)/g)) {
    const place = byPostcode.get(code);
    if (place) return place;
  }
  return undefined;
}

/**
 * Whole-word match on normalised text. Overlaps go to the longer name; names that follow a street
 * word are dropped; of the rest the last wins, since Italian addresses end with the town.
 */
function findByName(text: string, names: string[], byName: Map<string, Place>): Place | undefined {
  const padded = ` ${text} `;
  const taken: Array<{ start: number; end: number; name: string; inStreet: boolean }> = [];
  for (const name of names) {
    let from = 0;
    for (;;) {
      const at = padded.indexOf(` ${name} `, from);
      if (at < 0) break;
      const start = at + 1;
      const end = start + name.length;
      from = end;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      taken.push({ start, end, name, inStreet: followsStreetWord(padded.slice(0, start)) });
    }
  }
  // "Via Roma 1" alone names a street found in every town, not Rome.
  const towns = taken.filter((t) => !t.inStreet);
  if (towns.length === 0) return undefined;
  const last = towns.reduce((a, b) => (b.start > a.start ? b : a));
  return byName.get(last.name);
}

function followsStreetWord(before: string): boolean {
  const words = before.trim().split(' ');
  const one = words.at(-1) ?? '';
  const two = words.slice(-2).join(' ');
  return STREET_WORDS.has(one) || STREET_WORDS.has(two);
}

/** Lower case, no accents, punctuation as spaces: "Forlì" and "FORLI'" both read "forli". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance; the radius rules are "as the crow flies", not by road. */
export function haversineKm(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
