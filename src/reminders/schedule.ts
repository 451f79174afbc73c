/**
 * When a booking's reminder is due: on the day before the appointment, in the dealer's time zone,
 * from the hour the dealer's file sets (`reminders.at`) until `reminders.until` — never at night
 * after a late start. A customer who said yes only once that window had begun (booked in the
 * evening for the next morning) has just read the receipt: no reminder.
 * @module
 */
import { DateTime } from 'luxon';
import type { Dealer } from '../dealer/schema';

export interface ReminderWindow {
  from: number;
  until: number;
}

const at = (day: DateTime, hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/** The window on the day before the appointment, in the dealer's zone (DST-safe: luxon). */
export function reminderWindow(dealer: Dealer, appointmentAt: string): ReminderWindow {
  const dayBefore = DateTime.fromISO(appointmentAt, { setZone: false }).setZone(dealer.site.timeZone).minus({ days: 1 });
  return { from: at(dayBefore, dealer.reminders.at).toMillis(), until: at(dayBefore, dealer.reminders.until).toMillis() };
}

export function isDue(dealer: Dealer, appointmentAt: string, consentAt: string, now: number): boolean {
  const w = reminderWindow(dealer, appointmentAt);
  return now >= w.from && now < w.until && now < Date.parse(appointmentAt) && Date.parse(consentAt) < w.from;
}
