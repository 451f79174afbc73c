/**
 * What the WhatsApp Cloud API accepts (FACTS.md): an over-long field makes Meta reject the
 * whole message, so every payload is built within these, and the tests check them.
 * @module
 */
export const WA_LIMITS = {
  text: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  buttonBody: 1024,
  rows: 10,
  rowTitle: 24,
  rowId: 200,
  rowDescription: 72,
  listButton: 20,
  sectionTitle: 24,
  listBody: 4096,
} as const;

/** WhatsApp counts characters; UTF-16 units are never fewer, so this errs on the safe side. */
export const fits = (s: string, max: number): boolean => s.length > 0 && s.length <= max;
