/**
 * "Il vostro autista può venire a prendere la macchina e poi riportarmela?", "can your driver
 * fetch the car from my house and bring it back?": the driver moves the CAR and the customer
 * stays, so it is pickup & delivery, not the staff shuttle (which drives the customer). True
 * when the message names the staff only as who does it (a driver, one of yours), never as
 * driving the customer ("mi accompagna", "drive me").
 * @module
 */
import { MOBILITY } from './mobility';

/** Staff named as the doer, not as driving the customer. */
const WHO = /^(?:un vostro (?:dipendente|autista|collaboratore)|vostro autista|your driver|(?:uno|qualcuno) dei vostri|courtesy driver)$/;

export function driverMovesCar(norm: string): boolean {
  const shuttle = MOBILITY.occurrences(norm).filter((m) => m.label === 'staff-shuttle');
  return shuttle.length > 0 && shuttle.every((m) => WHO.test(m.text));
}
