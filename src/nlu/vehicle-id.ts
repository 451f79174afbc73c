/**
 * Vehicle identifiers in free text: Italian plates (1994 format and older provincial ones) and
 * VINs, with the ISO 3779 check digit. Pure functions.
 * @module
 */

/** Letters allowed on 1994+ plates: never I, O, Q, U. */
const PLATE_LETTER = '[A-HJ-NPR-TV-Z]';
const PLATE_RE = new RegExp(`^${PLATE_LETTER}{2}\\d{3}${PLATE_LETTER}{2}$`);
const VIN_CHARS_RE = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Italian province codes, for pre-1994 plates ("MO 123456", "ROMA A12345"). */
const PROVINCES = new Set(
  (
    'AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CI CL CN CO CR CS CT CZ ' +
    'EN FC FE FG FI FM FO FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU ' +
    'OG OR PA PC PD PE PG PI PN PO PR PS PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR SS SU ' +
    'SV TA TE TN TO TP TR TS TV UD VA VB VC VE VI VR VS VT VV ROMA'
  ).split(' '),
);

/** Is this (spaces/dashes removed, uppercase) a valid 1994+ Italian plate? */
export function isItalianPlate(compact: string): boolean {
  return PLATE_RE.test(compact);
}

const TRANSLIT: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The check digit a VIN should carry in position 9 ('0'..'9' or 'X'). */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i];
    const v = c >= '0' && c <= '9' ? Number(c) : (TRANSLIT[c] ?? 0);
    sum += v * WEIGHTS[i];
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * The VIN's check-digit status. Mandatory only in North America: a European VIN often has a
 * letter in position 9 ('absent'); a digit or X that does not match is 'invalid' (warn, don't
 * reject — the dialogue decides).
 */
export function vinCheck(vin: string): 'valid' | 'invalid' | 'absent' {
  const c = vin[8];
  if (!/[0-9X]/.test(c)) return 'absent';
  return c === vinCheckDigit(vin) ? 'valid' : 'invalid';
}

/** What a message says about a vehicle's identity. */
export interface VehicleIdMatch {
  plate?: string;
  vin?: { value: string; checkDigit: 'valid' | 'invalid' | 'absent' };
  /** Looks like an attempt at a plate or VIN, but malformed. */
  bad?: string;
  /** A plate spelled out ("Z-A-9-1-4-H-K") as written: its pieces are no date or hour. */
  spread?: string;
}

const NEW_PLATE_IN_TEXT = /(?<![A-Za-z0-9])([A-Za-z]{2})[ -]?(\d{3})[ -]?([A-Za-z]{2})(?![A-Za-z0-9])/g;
/** A new-format plate with dots or spaces inside its groups: "G.H. 5 2 1 .Z.S.", "gh 58 3nr". */
const SPREAD_PLATE_IN_TEXT = /(?<![A-Za-z0-9])([A-Za-z]\.?[ -]?[A-Za-z]\.?)[ .-]*(\d[ .-]?\d[ .-]?\d)[ .-]*([A-Za-z]\.?[ -]?[A-Za-z])\.?(?![A-Za-z0-9])/g;
const OLD_PLATE_IN_TEXT = /(?<![A-Za-z0-9])(ROMA|[A-Za-z]{2})[ -]?([A-Za-z0-9]{4,6})(?![A-Za-z0-9])/g;
const ALNUM_RUN = /(?<![A-Za-z0-9])[A-Za-z0-9]{5,20}(?![A-Za-z0-9])/g;
const SHORT_WORDS = new Set(
  'fa ha ho da di la le il lo un ma se ne ci vi mi ti si at by in on to of an am is it me my we he go no so do be up ok'.split(' '),
);
/** Model names with digits, never a vehicle id attempt. */
const NOT_IDS = /^(MC20|MC12|MCPURA|GT2|3200GT|4200GT|GT4)$/;

/**
 * Find a plate, a VIN, or a malformed attempt at one in free text.
 * @example findVehicleId("la levante gh 123 kl") // { plate: "GH123KL" }
 */
export function findVehicleId(text: string): VehicleIdMatch {
  const out: VehicleIdMatch = {};
  for (const m of text.matchAll(ALNUM_RUN)) {
    const run = m[0].toUpperCase();
    const digits = (run.match(/\d/g) ?? []).length;
    const letters = run.length - digits;
    if (run.length === 17 && VIN_CHARS_RE.test(run) && digits >= 3 && letters >= 3) {
      out.vin ??= { value: run, checkDigit: vinCheck(run) };
    } else if (run.length >= 11 && run.length <= 20 && digits >= 3 && letters >= 2) {
      out.bad ??= run; // a VIN with the wrong length or forbidden letters
    }
  }
  for (const m of text.matchAll(NEW_PLATE_IN_TEXT)) {
    const compact = (m[1] + m[2] + m[3]).toUpperCase();
    // "fa 100 km", "ha 120 cv": lowercase words around a number are not a plate
    if (m[0].length > 7 && m[1] !== m[1].toUpperCase() && SHORT_WORDS.has(m[1].toLowerCase())) continue;
    if (isItalianPlate(compact)) {
      out.plate ??= compact;
    } else if (m[0].length === 7 || /^[A-Z]+$/.test(m[1] + m[3])) {
      out.bad ??= compact; // I, O, Q or U on a new-format plate
    }
  }
  if (!out.plate) {
    // spelled out: "G.H. 5 2 1 .Z.S.", "E.L. 902 S.P.", "gh 58 3nr"
    for (const m of text.matchAll(SPREAD_PLATE_IN_TEXT)) {
      const head = m[1].replace(/[ .-]/g, '');
      const tail = m[3].replace(/[ .-]/g, '');
      const compact = (head + m[2].replace(/[ .-]/g, '') + tail).toUpperCase();
      const written = head + tail;
      if (written !== written.toUpperCase() && (SHORT_WORDS.has(head.toLowerCase()) || SHORT_WORDS.has(tail.toLowerCase()))) continue;
      if (isItalianPlate(compact)) {
        out.plate = compact;
        out.spread = m[0];
        break;
      }
    }
  }
  if (!out.plate) {
    for (const m of text.matchAll(OLD_PLATE_IN_TEXT)) {
      const prov = m[1].toUpperCase();
      const rest = m[2].toUpperCase();
      if (!PROVINCES.has(prov)) continue;
      if ((rest.match(/\d/g) ?? []).length < 3) continue;
      // "co 22100" is a postcode: lowercase province + 5 digits needs more evidence
      const upperWritten = m[1] === prov;
      if (!upperWritten && /^\d{5}$/.test(rest)) continue;
      if (!upperWritten && !/^\d{6}$|[A-Z]/.test(rest)) continue;
      out.plate = prov + rest;
      break;
    }
  }
  if (!out.plate && !out.vin && !out.bad) {
    // A compact run mixing letters and digits that is almost a plate: "GH12KL", "GH1234KL"
    for (const m of text.matchAll(ALNUM_RUN)) {
      const run = m[0].toUpperCase();
      if (NOT_IDS.test(run)) continue;
      if (/^[A-Z]{1,3}\d{2,4}[A-Z]{1,3}$/.test(run) && run.length >= 5 && run.length <= 9) {
        out.bad = run;
        break;
      }
    }
  }
  return out;
}
