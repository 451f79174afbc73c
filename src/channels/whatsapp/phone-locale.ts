/**
 * The language of a new WhatsApp conversation, from the customer's number: Italian numbers
 * (+39) get Italian, every other one English. The engine keeps it sticky after that.
 * @module
 */
export function localeOfPhone(phone: string | undefined): 'it-IT' | 'en-GB' {
  return /^\+?39/.test(phone?.trim() ?? '') ? 'it-IT' : 'en-GB';
}
