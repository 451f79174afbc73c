/**
 * The staff planning API's handlers, behind the bearer check (planning-api.ts). Every write goes
 * through the `PlanningSystem` port, so the planning alone decides whether a resource is free;
 * staff bookings are `bookedBy: 'advisor'` and may use the share kept for advisors.
 * @module
 */
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import type { Slot } from '../../../dialogs/model';
import type { Dealer } from '../../dealer/schema';
import type { Actor, PlanningSystem, Reservation } from '../../planning/planning';
import { cancelled, invalid, notFound, sendJson, sendProblem, taken, vehicleAlreadyBooked } from './problem';
import { resourcesBody } from './resources';
import { issuesOf, schemasFor } from './schemas';

export interface HandlerDeps {
  planning: PlanningSystem;
  dealer: Dealer;
  clock: () => Date;
  logger: Logger;
}

export type Handler = (req: Request, res: Response) => Promise<void>;

// Printable ASCII, as in the IETF Idempotency-Key draft; long enough for a UUID with a prefix.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
// Staff keys live apart from the bot's, so a key chosen by a tool can never collide with one.
const KEY_PREFIX = 'staff:';

const reservationPath = (reference: string) => `/api/planning/reservations/${encodeURIComponent(reference)}`;

/** The JSON body, or a 400 when there is none or it is not an object. */
function bodyOf(req: Request, res: Response): Record<string, unknown> | undefined {
  const body: unknown = req.body ?? {};
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body)) return body as Record<string, unknown>;
  sendProblem(res, invalid([{ path: '(body)', message: 'must be a JSON object (Content-Type: application/json)' }]));
  return undefined;
}

/**
 * Who a change is recorded as (#13): the staff token proves a member of the dealer's staff, not
 * which one, so the kind is always `staff`; the name is what the caller says (`by.name`).
 */
const staffActor = (by: { name?: string } | undefined): Actor => (by?.name ? { kind: 'staff', name: by.name } : { kind: 'staff' });

/** The same key with another request: the IETF draft's 422, rather than silently answering the first. */
function sameRequest(r: { solution: string; appointmentAt: string; customerName: string }, slot: Slot, customerName: string): boolean {
  return r.solution === slot.solution && Date.parse(r.appointmentAt) === Date.parse(slot.appointmentAt) && r.customerName === customerName;
}

export function createHandlers({ planning, dealer, clock, logger }: HandlerDeps): Record<string, Handler> {
  const schemas = schemasFor(dealer);
  const full = async (reference: string, fallback: Omit<Reservation, 'idempotencyKey' | 'vehicle'>) =>
    (await planning.get(reference)) ?? fallback;

  return {
    async resources(_req, res) {
      sendJson(res, 200, resourcesBody(dealer, clock()));
    },

    async list(req, res) {
      const query = schemas.listQuery.safeParse(req.query ?? {});
      if (!query.success) return sendProblem(res, invalid(issuesOf(query.error, '(query)')));
      const { from, to, status } = query.data;
      const reservations = await planning.list({ ...(from ? { from } : {}), ...(to ? { to } : {}), ...(status ? { status } : {}) });
      sendJson(res, 200, { ...(from ? { from } : {}), ...(to ? { to } : {}), reservations });
    },

    async get(req, res) {
      const reservation = await planning.get(String(req.params.reference));
      if (!reservation) return sendProblem(res, notFound());
      sendJson(res, 200, reservation);
    },

    async create(req, res) {
      const key = req.header('idempotency-key');
      if (!key || !IDEMPOTENCY_KEY.test(key)) {
        return sendProblem(res, invalid([{ path: 'Idempotency-Key', message: 'header required: 1 to 200 visible ASCII characters' }]));
      }
      const raw = bodyOf(req, res);
      if (!raw) return;
      const parsed = schemas.create.safeParse(raw);
      if (!parsed.success) return sendProblem(res, invalid(issuesOf(parsed.error)));
      const body = parsed.data;
      const result = await planning.book({
        idempotencyKey: KEY_PREFIX + key,
        slot: body.slot,
        ...(body.legs ? { legs: body.legs } : {}),
        customerName: body.customerName,
        vehicle: body.vehicle,
        serviceId: body.serviceId,
        need: body.need,
        ...(body.address ? { address: body.address } : {}),
        bookedBy: 'advisor',
        // #13: only staff may book a car that already has an overlapping appointment, and only on purpose
        force: body.force,
        by: staffActor(body.by),
      });
      if (!result.ok) return sendProblem(res, result.reason === 'vehicle-already-booked' ? vehicleAlreadyBooked(result.existing) : taken());
      const { booking } = result;
      if (!sameRequest(booking, body.slot, body.customerName)) {
        return sendProblem(res, {
          status: 422,
          code: 'idempotency-key-reused',
          title: 'This Idempotency-Key was used for another reservation',
          detail: `It already created ${booking.reference}; use a new key for a new reservation.`,
        });
      }
      // No personal data in the log: the reference finds the rest.
      logger.info({ reference: booking.reference, solution: booking.solution, resourceId: booking.resourceId }, 'reservation booked by staff');
      const reservation = await full(booking.reference, { ...booking, status: 'confirmed', history: [] });
      sendJson(res, 201, reservation, { location: reservationPath(booking.reference) });
    },

    async move(req, res) {
      const raw = bodyOf(req, res);
      if (!raw) return;
      const parsed = schemas.move.safeParse(raw);
      if (!parsed.success) return sendProblem(res, invalid(issuesOf(parsed.error)));
      const reference = String(req.params.reference);
      const { slot, legs, force, address, by } = parsed.data;
      const result = await planning.reschedule(reference, slot, legs, staffActor(by), { force, ...(address ? { address } : {}) });
      if (!result.ok) {
        if (result.reason === 'vehicle-already-booked') return sendProblem(res, vehicleAlreadyBooked(result.existing, 'move'));
        if (result.reason === 'taken') return sendProblem(res, taken());
        // A cancelled reservation is found, but cannot move: say so rather than "no such reservation".
        return sendProblem(res, (await planning.get(reference))?.status === 'cancelled' ? cancelled() : notFound());
      }
      logger.info({ reference, solution: result.booking.solution, resourceId: result.booking.resourceId }, 'reservation moved by staff');
      sendJson(res, 200, await full(reference, { ...result.booking, status: 'confirmed', history: [] }));
    },

    async cancel(req, res) {
      const reference = String(req.params.reference);
      // The body is optional (who cancels); none is a cancel by staff.
      const parsed = schemas.cancel.safeParse(req.body ?? {});
      if (!parsed.success) return sendProblem(res, invalid(issuesOf(parsed.error)));
      if (!(await planning.cancel(reference, staffActor(parsed.data.by)))) return sendProblem(res, notFound());
      logger.info({ reference }, 'reservation cancelled by staff');
      const reservation = await planning.get(reference);
      sendJson(res, 200, reservation ?? { reference, status: 'cancelled' });
    },

    async availability(req, res) {
      const raw = bodyOf(req, res);
      if (!raw) return;
      const parsed = schemas.availability.safeParse(raw);
      if (!parsed.success) return sendProblem(res, invalid(issuesOf(parsed.error)));
      const q = parsed.data;
      const downtimeHours = q.downtimeHours ?? dealer.services.find((s) => s.id === q.serviceId)!.hours;
      const search = await planning.findSlots({
        solution: q.solution,
        ...(q.legs ? { legs: q.legs } : {}),
        serviceId: q.serviceId,
        downtimeHours,
        wish: q.wish,
        now: clock().toISOString(),
      });
      sendJson(res, 200, { downtimeHours, ...search });
    },
  };
}
