/**
 * What the staff planning API accepts, validated with zod. Built per dealer so that a solution
 * the dealer does not offer, or a service it does not do, is refused by name (400), not later
 * as a vague `taken`.
 * @module
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { LEGS, SERVICE_CATEGORIES, SOLUTIONS } from '../../../dialogs/model';
import type { Dealer } from '../../dealer/schema';
import type { ReservationStatus } from '../../planning/planning';
import { clip } from './problem';

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const STATUSES = ['held', 'confirmed', 'cancelled'] as const satisfies readonly ReservationStatus[];

// Enough to fix a request; a body wrong in a thousand ways gets the first few, briefly.
const MAX_ISSUES = 5;

/** Zod issues as `{ path, message }`, the path dotted (`slot.appointmentAt`); `root` when it names no field. */
export function issuesOf(error: z.ZodError, root = '(body)'): { path: string; message: string }[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: clip(i.path.map(String).join('.') || root, 60), message: clip(i.message, 100) }));
}

export function schemasFor(dealer: Dealer) {
  const offered = (s: string) => (dealer.mobility.offered as string[]).includes(s);
  const solution = z.enum(SOLUTIONS).refine(offered, 'not offered by this dealer');
  const serviceId = z.enum(SERVICE_CATEGORIES).refine((s) => dealer.services.some((x) => x.id === s), 'not a service of this dealer');

  const slot = z
    .object({ solution, appointmentAt: instant, handoverAt: instant, returnAt: instant })
    .strict()
    .refine((s) => Date.parse(s.returnAt) >= Date.parse(s.handoverAt), { message: 'must not be before handoverAt', path: ['returnAt'] });

  const vehicle = z
    .object({
      plate: z.string().trim().min(2).max(16).optional(),
      vin: z.string().trim().regex(/^[A-HJ-NPR-Z0-9]{17}$/i, 'must be a 17-character VIN').optional(),
      model: z.string().trim().min(1).max(80).optional(),
    })
    .strict()
    .refine((v) => v.plate || v.vin, { message: 'give a plate or a VIN', path: ['plate'] });

  /** Who at the desk (#13): a name only, since the staff token says "staff" but not who. */
  const by = z.object({ name: z.string().trim().min(1).max(80).optional() }).strict();

  const create = z
    .object({
      slot,
      legs: z.enum(LEGS).optional(),
      customerName: z.string().trim().min(1).max(120),
      vehicle,
      serviceId,
      /** The customer's words or the advisor's note. */
      need: z.string().trim().max(2000).default(''),
      address: z.string().trim().min(1).max(300).optional(),
      /** #13: book although this vehicle already has an overlapping appointment (staff decide). */
      force: z.boolean().default(false),
      by: by.optional(),
    })
    .strict();

  const move = z
    .object({
      slot,
      legs: z.enum(LEGS).optional(),
      /** #13: move onto a span overlapping another appointment of the same vehicle (staff decide). */
      force: z.boolean().default(false),
      /** #13: a new pickup & delivery address (recorded old → new in the history). */
      address: z.string().trim().min(1).max(300).optional(),
      by: by.optional(),
    })
    .strict();

  const cancel = z.object({ by: by.optional() }).strict();

  const availability = z
    .object({
      solution,
      legs: z.enum(LEGS).optional(),
      serviceId,
      /** Working hours of the job; the dealer's catalogue value when absent. */
      downtimeHours: z.number().positive().max(400).optional(),
      wish: z
        .object({
          date: day.optional(),
          time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm').optional(),
          part: z.enum(['morning', 'afternoon']).optional(),
          asap: z.boolean().optional(),
          text: z.string().max(500).default(''),
        })
        .strict()
        .default({ asap: true, text: '' }),
    })
    .strict();

  // A date means a whole local day at the dealer: `from` its start, `to` its end (inclusive).
  const bound = (edge: 'from' | 'to') =>
    z.union([instant, day]).transform((v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(v).toISOString();
      const start = DateTime.fromISO(v, { zone: dealer.site.timeZone }).startOf('day');
      return (edge === 'from' ? start : start.plus({ days: 1 })).toUTC().toISO()!;
    });

  const listQuery = z
    .object({
      from: bound('from').optional(),
      to: bound('to').optional(),
      status: z
        .string()
        .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
        .pipe(z.array(z.enum(STATUSES)).min(1))
        .optional(),
    })
    .strict()
    .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'must be after from', path: ['to'] });

  return { create, move, cancel, availability, listQuery };
}

export type PlanningSchemas = ReturnType<typeof schemasFor>;
