/**
 * Booking references a customer can read out on the phone.
 * @module
 */
import { randomInt } from 'node:crypto';

/** No 0/O, no 1/I: nothing a customer can misread. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REFERENCE_PATTERN = /^MC-[A-HJ-NP-Z2-9]{6}$/;

/** A random reference such as `MC-7K3QX2`; the store checks uniqueness. */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `MC-${code}`;
}
