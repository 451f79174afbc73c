/**
 * A small Modena dealer for the planning tests, valid per the dealer schema.
 * @module
 */
import { dealerSchema, type Dealer } from '../../src/dealer/schema';

/** The instant every planning test searches at: Tuesday 1 December 2026, 09:00 in Modena. */
export const NOW = '2026-12-01T09:00:00+01:00';

const weekday: [string, string][] = [
  ['08:30', '12:30'],
  ['14:00', '18:30'],
];

/** The raw dealer file; tests tweak a copy and parse it again. */
export function rawFixtureDealer(): Record<string, any> {
  return {
    site: {
      id: 'modena',
      name: 'Maserati Modena Test',
      brand: 'Maserati',
      address: 'Via Emilia Ovest 1, 41123 Modena',
      phone: '+39 059 000000',
      timeZone: 'Europe/Rome',
      location: { lat: 44.6471, lon: 10.9252 },
    },
    calendar: {
      hours: { '1': weekday, '2': weekday, '3': weekday, '4': weekday, '5': weekday, '6': [['08:30', '12:30']], '7': [] },
      holidays: [
        { date: '2026-12-08', name: 'Immacolata' },
        { date: '2026-12-25', name: 'Natale' },
        { date: '2026-12-26', name: 'S. Stefano' },
        { date: '2027-01-01', name: 'Capodanno' },
        { date: '2027-01-06', name: 'Epifania' },
      ],
      closures: [{ from: '2027-02-15', to: '2027-02-16', reason: 'Inventario' }],
    },
    workshop: {
      advisors: 2,
      acceptanceMinutes: 30,
      technicianHoursPerDay: 24,
      unplannedReserve: 0.2,
      bookingHorizonDays: 90,
    },
    services: [
      { id: 'maintenance', hours: 3, priceFrom: 450, coveredByWarranty: false },
      { id: 'repair', hours: 6 },
      { id: 'diagnosis', hours: 1, hoursMax: 8 },
    ],
    fleet: [
      { id: 'brand-1', kind: 'courtesy-car-brand', model: 'Grecale GT', plate: 'GA001AA' },
      { id: 'brand-2', kind: 'courtesy-car-brand', model: 'Ghibli', plate: 'GA002AA' },
      {
        id: 'other-1',
        kind: 'courtesy-car-other',
        model: 'Fiat 500e',
        plate: 'GA003AA',
        outOfService: [{ from: '2026-12-14', to: '2026-12-18', reason: 'tagliando' }],
      },
      { id: 'staff-1', kind: 'staff-car', model: 'Grecale', plate: 'GA004AA' },
    ],
    mobility: {
      offered: ['courtesy-car-brand', 'courtesy-car-other', 'rental-car', 'pickup-delivery', 'taxi', 'staff-shuttle', 'public-transport', 'none'],
      prices: { 'courtesy-car-brand': { amount: 90, per: 'day' }, 'rental-car': { amount: 70, per: 'day' } },
      rental: { allowed: true, partner: 'Rent Modena', dailyQuota: 1 },
      pickupDelivery: { radiusKm: 30, driversPerHalfDay: 1, minNoticeHours: 48 },
      staffShuttle: { radiusKm: 15, tripsPerHalfDay: 1 },
    },
    places: [{ name: 'Modena', postcode: '41121', lat: 44.6471, lon: 10.9252 }],
    vehicles: [{ plate: 'GH123KL', model: 'Levante', warrantyUntil: '2027-05-31' }],
  };
}

/** The fixture dealer, parsed; `tweak` edits the raw file first. */
export function fixtureDealer(tweak: (raw: Record<string, any>) => void = () => {}): Dealer {
  const raw = rawFixtureDealer();
  tweak(raw);
  return dealerSchema.parse(raw);
}
