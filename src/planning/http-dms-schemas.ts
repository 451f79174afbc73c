/**
 * The wire format of docs/dms-api.yaml as zod schemas: the client validates every answer with
 * them, the test stand-in every request. Objects strip unknown keys, so a DMS may add fields.
 * @module
 */
import { z } from 'zod';
import { LEGS, SERVICE_CATEGORIES, SOLUTIONS } from '../../dialogs/model';

/** ISO-8601 with an offset (or Z): the dealer's local time must survive the round trip. */
const instant = z.iso.datetime({ offset: true });
const solution = z.enum(SOLUTIONS);
const legs = z.enum(LEGS);

export const slotSchema = z.object({
  solution,
  appointmentAt: instant,
  handoverAt: instant,
  returnAt: instant,
});

export const slotQuerySchema = z.object({
  solution,
  legs: legs.optional(),
  serviceId: z.enum(SERVICE_CATEGORIES),
  downtimeHours: z.number().positive(),
  wish: z.object({
    date: z.iso.date().optional(),
    time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
    part: z.enum(['morning', 'afternoon']).optional(),
    asap: z.boolean().optional(),
    text: z.string(),
  }),
  now: instant,
  bookedBy: z.enum(['online', 'advisor']).optional(),
});

export const slotSearchSchema = z.object({
  wished: slotSchema.optional(),
  refusal: z.enum(['past', 'closed', 'holiday', 'full', 'notice', 'beyond-horizon']).optional(),
  refusalDetail: z.string().optional(),
  alternatives: z.array(slotSchema),
});

/** Who made a change (#13). */
export const actorSchema = z.object({
  kind: z.enum(['customer', 'advisor', 'staff']),
  name: z.string().min(1).max(120).optional(),
});

/** In a history entry; `address` (`services`) on both sides when the change gave a new one (added work) (#13). */
const placement = slotSchema.extend({ legs: legs.optional(), address: z.string().optional(), services: z.array(z.string()).optional() });

/** The whole work of a booking with work added (#13), its first service first. */
const workList = z.array(z.enum(SERVICE_CATEGORIES)).min(1).max(10);

/** A pickup & delivery address as the wire carries it. */
const addressText = z.string().trim().min(1).max(300);

/** One entry of a reservation's history (#13). */
export const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), at: instant, by: actorSchema }),
  z.object({ type: z.literal('rescheduled'), at: instant, by: actorSchema, from: placement, to: placement }),
  z.object({ type: z.literal('cancelled'), at: instant, by: actorSchema }),
]);

const vehicle = z.object({ plate: z.string().optional(), vin: z.string().optional(), model: z.string().optional() });

/** The port's BookingRequest without `idempotencyKey`, which travels in the Idempotency-Key header. */
export const reservationRequestSchema = z.object({
  slot: slotSchema,
  legs: legs.optional(),
  customerName: z.string().min(1),
  vehicle,
  serviceId: z.enum(SERVICE_CATEGORIES),
  need: z.string(),
  address: z.string().optional(),
  bookedBy: z.enum(['online', 'advisor']).optional(),
  /** Staff only: book despite an overlapping appointment of the same vehicle (#13). */
  force: z.boolean().optional(),
  /** Who books, for the history (#13); default: the customer online, staff for `advisor`. */
  by: actorSchema.optional(),
});

export const holdSchema = z.object({ reference: z.string().min(1), expiresAt: instant });

export const bookingSchema = z.object({
  reference: z.string().min(1),
  customerName: z.string(),
  solution,
  legs: legs.optional(),
  appointmentAt: instant,
  handoverAt: instant,
  returnAt: instant,
  service: z.string(),
  /** All the work, `service` first, when work was added (#13). */
  services: z.array(z.string()).optional(),
  resourceId: z.string().optional(),
});

export const reservationSchema = bookingSchema.extend({
  status: z.enum(['held', 'confirmed', 'cancelled']),
  idempotencyKey: z.string(),
  vehicle,
  address: z.string().optional(),
  need: z.string().optional(),
  expiresAt: instant.optional(),
  /** Oldest first (#13); a DMS that keeps none sends `[]` (absent is read as `[]`). */
  history: z.array(eventSchema).default([]),
});

export const reservationListSchema = z.object({ reservations: z.array(reservationSchema) });

export const rescheduleRequestSchema = z.object({
  slot: slotSchema,
  legs: legs.optional(),
  /** Who moves it, for the history (#13); default staff. */
  by: actorSchema.optional(),
  /** Staff only: move even onto a span overlapping another appointment of the vehicle (#13). */
  force: z.boolean().optional(),
  /** A new pickup & delivery address (#13); absent keeps the stored one. */
  address: addressText.optional(),
  /** Work added (#13): the whole work from now on, the booking's first service first; absent keeps it. */
  services: workList.optional(),
  /** The customer's words for the whole work (R1), with `services`. */
  need: z.string().max(2000).optional(),
  /** Check only (#13): answer as the change would, change and record nothing. */
  dryRun: z.boolean().optional(),
});

/** The body of a cancel, optional: who cancels, for the history (#13); default staff. */
export const cancelRequestSchema = z.object({ by: actorSchema.optional() });

/** RFC 9457 problem details; `reason` is what the client acts on. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  reason: z.string().optional(),
  /** With `vehicle-already-booked`: the appointment of the same vehicle already there. */
  existing: z.object({ reference: z.string().min(1), appointmentAt: instant }).optional(),
});

export const healthSchema = z.object({ status: z.literal('ok') });
