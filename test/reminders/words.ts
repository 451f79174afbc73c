/** The engine's renderer for the Modena dealer file, as the composition root builds it. */
import { createI18n } from '../../src/i18n/i18n';
import type { Dealer } from '../../src/dealer/schema';
import { Renderer } from '../../src/render/render';

export async function rendererFor(dealer: Dealer): Promise<Renderer> {
  const i18n = await createI18n({
    dealer: dealer.site.name, phone: dealer.site.phone, address: dealer.site.address, hours: dealer.calendar.hours,
    pickupRadiusKm: dealer.mobility.pickupDelivery.radiusKm, pickupNoticeHours: dealer.mobility.pickupDelivery.minNoticeHours,
    shuttleRadiusKm: dealer.mobility.staffShuttle.radiusKm,
  });
  return new Renderer(i18n, dealer.site.timeZone);
}

/** RFC 5545 read back: unfolded lines, the events with their properties (parameters dropped), text unescaped. */
export function parseIcs(text: string): { calendar: Record<string, string>; events: Record<string, string>[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').replace(/\n[ \t]/g, '').split(/\r?\n/).filter(Boolean);
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let event: Record<string, string> | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0];
    const value = line.slice(colon + 1).replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT') {
      events.push(event!);
      event = undefined;
    } else if (event) event[name] = value;
    else calendar[name] = value;
  }
  return { calendar, events };
}

/** `20261203T090000Z` → epoch ms (only UTC forms are written). */
export function icsInstant(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: ${value}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}
