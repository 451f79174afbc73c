/**
 * A phone number for a call back: Italian (landline 0…, mobile 3…, with or without +39/0039) or
 * any E.164 number. Returns it in E.164, or undefined. Deliberately small: the advisor calls it,
 * so a plausible number is enough; no numbering-plan database.
 * @module
 */

/** Digits a message must contain to be read as an attempt at a phone number. */
export const PHONE_ATTEMPT = /(?:\d[\s./()-]*){6,}/;

export function normalizePhone(text: string): string | undefined {
  const compact = text.trim().replace(/[\s./()-]/g, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return undefined;
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : undefined;
  if (international !== undefined) {
    if (international.startsWith('39')) return italian(international.slice(2));
    // E.164: a country code (not 0) and at most 15 digits in all.
    return /^[1-9]\d{7,14}$/.test(international) ? `+${international}` : undefined;
  }
  return italian(compact);
}

/** Italian national numbers: mobiles 3xx (9–10 digits), landlines 0… (6–11 digits). */
function italian(national: string): string | undefined {
  if (/^3\d{8,9}$/.test(national) || /^0\d{5,10}$/.test(national)) return `+39${national}`;
  return undefined;
}
