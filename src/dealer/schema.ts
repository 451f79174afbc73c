/**
 * The dealer file (`DEALER_CONFIG`): one site, its calendar, its catalogue, its mobility fleet and
 * policies, and the embedded demo records. Validated once at start-up; see docs/dealer-config.md.
 * @module
 */
import { z } from 'zod';
import { SERVICE_CATEGORIES, SOLUTIONS } from '../../dialogs/model';

/** What a WhatsApp reminder template's body parameters may carry (src/reminders/content.ts). */
export const REMINDER_PARAMETERS = ['customerName', 'day', 'time', 'appointmentAt', 'place', 'service', 'mobility', 'documents', 'reference', 'dealer', 'phone'] as const;
export type ReminderParameter = (typeof REMINDER_PARAMETERS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-MM-dd');
const euro = z.number().nonnegative();

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Rome');

/** Opening hours of one weekday: zero or more [open, close) intervals. */
const daySchedule = z.array(z.tuple([hhmm, hhmm])).default([]);

export const dealerSchema = z.object({
  site: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    brand: z.string().min(1),
    address: z.string().min(1),
    phone: z.string().min(1),
    timeZone,
    /** Where the dealer is, for the pickup & delivery radius. */
    location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
  }),
  calendar: z.object({
    /** Opening hours per weekday, 1 = Monday … 7 = Sunday (ISO). */
    hours: z.object({
      '1': daySchedule, '2': daySchedule, '3': daySchedule, '4': daySchedule,
      '5': daySchedule, '6': daySchedule, '7': daySchedule,
    }),
    holidays: z.array(z.object({ date: isoDay, name: z.string() })).default([]),
    closures: z.array(z.object({ from: isoDay, to: isoDay, reason: z.string() })).default([]),
  }),
  workshop: z.object({
    advisors: z.number().int().positive(),
    /** Minutes an advisor needs at drop-off to explain the work (R9 "acceptance"). */
    acceptanceMinutes: z.number().int().min(5).max(120),
    /** Technician hours per open day. */
    technicianHoursPerDay: z.number().positive(),
    /** Share of workshop capacity kept free for unplanned work (0.15–0.20 in Maserati guidance). */
    unplannedReserve: z.number().min(0).max(0.9),
    /** How far ahead the bot books, in days. */
    bookingHorizonDays: z.number().int().positive().default(90),
    /**
     * Two workshop appointments of one vehicle (same plate or VIN) whose spans overlap (#13):
     * `refuse` (default) — the planning refuses the second unless staff force it; `flag` — it books
     * it. The planning board flags the overlap either way.
     */
    vehicleOverlap: z.enum(['refuse', 'flag']).default('refuse'),
  }),
  /**
   * #13: how late a customer may change or cancel a booking in the chat (hours before the
   * appointment); later, the chat says so and offers a person.
   */
  bookingChanges: z
    .object({ inChatUntilHours: z.number().min(0).max(720).default(24) })
    .default({ inChatUntilHours: 24 }),
  services: z
    .array(
      z.object({
        id: z.enum(SERVICE_CATEGORIES),
        /** Working hours; a range for unknown work such as diagnosis. */
        hours: z.number().positive(),
        hoursMax: z.number().positive().optional(),
        /** Indicative price of the work, excluding parts. */
        priceFrom: euro.optional(),
        /** Whether work of this kind is covered while the warranty runs. */
        coveredByWarranty: z.boolean().default(false),
      }),
    )
    .min(1),
  fleet: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(['courtesy-car-brand', 'courtesy-car-other', 'staff-car']),
      model: z.string().min(1),
      plate: z.string().min(1),
      outOfService: z.array(z.object({ from: isoDay, to: isoDay, reason: z.string() })).default([]),
    }),
  ),
  mobility: z.object({
    /** Solutions this dealer offers at all, in the order they are presented (R4). */
    offered: z.array(z.enum(SOLUTIONS)).min(1),
    /** A replacement car is free under warranty only when the job takes longer than this (R3). */
    replacementMinHours: z.number().nonnegative().default(4),
    prices: z.partialRecord(
      z.enum(SOLUTIONS),
      z.object({ amount: euro, per: z.enum(['day', 'trip', 'visit']) }),
    ),
    /** What a free benefit is worth, per day or trip, to tell the customer (R3). */
    values: z.partialRecord(z.enum(SOLUTIONS), z.object({ amount: euro, per: z.enum(['day', 'trip', 'visit']) })).default({}),
    deposits: z.partialRecord(z.enum(SOLUTIONS), euro).default({}),
    documents: z.partialRecord(z.enum(SOLUTIONS), z.array(z.string())).default({}),
    /** Documents every customer brings. */
    commonDocuments: z.array(z.string()).default([]),
    rental: z.object({
      allowed: z.boolean(),
      partner: z.string().default(''),
      dailyQuota: z.number().int().nonnegative().default(0),
    }),
    pickupDelivery: z.object({
      radiusKm: z.number().positive(),
      driversPerHalfDay: z.number().int().nonnegative(),
      minNoticeHours: z.number().nonnegative().default(48),
    }),
    staffShuttle: z.object({
      radiusKm: z.number().positive(),
      tripsPerHalfDay: z.number().int().nonnegative(),
    }),
    /** Which solutions warranty work makes free, and which an extension does (R3). */
    warrantyBenefits: z.array(z.enum(SOLUTIONS)).default([]),
    extensionBenefits: z.array(z.enum(SOLUTIONS)).default([]),
    /** Share of each capacity kept for advisors' own bookings (the online quota). */
    advisorShare: z.number().min(0).max(1).default(0),
  }),
  /**
   * #13: the reminder the day before (docs/reminders.md): from `at` to `until`, the dealer's time,
   * to customers who said yes at booking. On WhatsApp outside the 24-hour window only an approved
   * template may be sent: its name, its language code per conversation language, and what goes in
   * its body parameters {{1}}, {{2}}… in order.
   */
  reminders: z.object({
    enabled: z.boolean().default(true),
    at: hhmm.default('18:00'),
    /** Not sent after this hour of the day before (a late start, an outage): no reminder at night. */
    until: hhmm.default('21:00'),
    whatsapp: z.object({
      template: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be the approved template name (lower case, digits, _)'),
      languages: z.object({ it: z.string().min(2), en: z.string().min(2) }),
      parameters: z.array(z.enum(REMINDER_PARAMETERS)).max(10),
    }).optional(),
  }).default({ enabled: true, at: '18:00', until: '21:00' }),
  /** Places the dealer serves, for the pickup & delivery and shuttle radius (embedded gazetteer). */
  places: z.array(
    z.object({
      name: z.string().min(1),
      postcode: z.string().regex(/^\d{5}$/, 'must be a 5-digit postcode'),
      lat: z.number(),
      lon: z.number(),
    }),
  ),
  /** Embedded entitlement records for the demo (a real site uses the manufacturer's system). */
  vehicles: z.array(
    z.object({
      plate: z.string().optional(),
      vin: z.string().optional(),
      model: z.string().min(1),
      year: z.number().int().optional(),
      warrantyUntil: isoDay.optional(),
      extensionUntil: isoDay.optional(),
      programmes: z
        .array(z.object({ id: z.string(), name: z.string(), benefits: z.array(z.enum(SOLUTIONS)), until: isoDay.optional() }))
        .default([]),
    }),
  ),
});

export type Dealer = z.infer<typeof dealerSchema>;
