/**
 * What never leaves the dealer's network: plates and VINs are read by the local rules and
 * replaced by placeholders before a message is sent to a cloud recognizer.
 * @module
 */
import { findVehicleId } from '../vehicle-id';

export const PLATE_MASK = '[PLATE]';
export const VIN_MASK = '[VIN]';
/** Something shaped like a plate or VIN but malformed: masked too (it may be a real one mistyped). */
export const ID_MASK = '[VEHICLE-ID]';

/** The compact id written as the customer wrote it: any case, spaces or dashes between characters. */
function looseRe(compact: string): RegExp {
  const body = [...compact].map((c) => c.replace(/[^A-Za-z0-9]/g, '')).join('[ -]?');
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'gi');
}

/** The text with every plate, VIN and vehicle-id attempt replaced; repeated until none is left. */
export function maskVehicleIds(text: string): string {
  let out = text;
  for (let i = 0; i < 5; i++) {
    const found = findVehicleId(out);
    const hits: [string, string][] = [];
    if (found.vin) hits.push([found.vin.value, VIN_MASK]);
    if (found.plate) hits.push([found.plate, PLATE_MASK]);
    // a plate spelled out ("G.H. 5 2 1 .Z.S.") is masked as written
    if (found.spread) {
      out = out.replace(found.spread, PLATE_MASK);
      continue;
    }
    if (found.bad) hits.push([found.bad, ID_MASK]);
    if (!hits.length) return out;
    let changed = false;
    for (const [value, mask] of hits) {
      const next = out.replace(looseRe(value), mask);
      changed ||= next !== out;
      out = next;
    }
    if (!changed) return out;
  }
  return out;
}
