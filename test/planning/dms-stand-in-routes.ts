/**
 * The operations of docs/dms-api.yaml on top of any `PlanningSystem`: what a DMS integrator
 * would write. Pure request → reply, so the server around it can inject faults.
 * @module
 */
import type { z } from 'zod';
import type { PlanningSystem, ReservationStatus, VehicleBooked } from '../../src/planning/planning';
import { cancelRequestSchema, reservationRequestSchema, rescheduleRequestSchema, slotQuerySchema } from '../../src/planning/http-dms-schemas';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Incoming {
  method: string;
  path: string;
  query: URLSearchParams;
  idempotencyKey?: string;
  body: unknown;
}

export function problem(status: number, reason: string, title: string): Reply {
  return {
    status,
    body: { type: `/problems/${reason}`, title, status, reason },
    headers: { 'content-type': 'application/problem+json' },
  };
}

const taken = () => problem(409, 'taken', 'The slot is no longer free');
const notFound = () => problem(404, 'not-found', 'No such reservation');

/** A refused hold, booking or move: `taken`, or the vehicle's overlapping appointment, named (#13). */
function refused(result: { reason: 'taken' | 'not-found' } | VehicleBooked): Reply {
  if (result.reason !== 'vehicle-already-booked') return result.reason === 'taken' ? taken() : notFound();
  const reply = problem(409, 'vehicle-already-booked', 'This vehicle already has an overlapping appointment');
  return { ...reply, body: { ...(reply.body as object), existing: result.existing } };
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): { data: T } | { invalid: Reply } {
  const result = schema.safeParse(body);
  if (result.success) return { data: result.data };
  return { invalid: problem(400, 'invalid-request', result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) };
}

export function createRoutes(planning: PlanningSystem) {
  /** Reschedule answers per Idempotency-Key: a retried move gets the first answer again. */
  const rescheduled = new Map<string, Reply>();

  async function reservationRequest(request: Incoming, act: (body: z.infer<typeof reservationRequestSchema>, key: string) => Promise<Reply>) {
    if (!request.idempotencyKey) return problem(400, 'idempotency-key-missing', 'Idempotency-Key header required');
    const body = parseBody(reservationRequestSchema, request.body);
    return 'invalid' in body ? body.invalid : act(body.data, request.idempotencyKey);
  }

  return async function route(request: Incoming): Promise<Reply> {
    const { method, path } = request;
    const byReference = /^\/reservations\/([^/]+)(\/reschedule|\/cancel)?$/.exec(path);
    const reference = byReference ? decodeURIComponent(byReference[1]) : '';

    if (method === 'GET' && path === '/health') {
      return planning.ping().then(() => ({ status: 200, body: { status: 'ok' } }), () => problem(503, 'unavailable', 'Planning store unreachable'));
    }
    if (method === 'POST' && path === '/availability/search') {
      const query = parseBody(slotQuerySchema, request.body);
      return 'invalid' in query ? query.invalid : { status: 200, body: await planning.findSlots(query.data) };
    }
    if (method === 'POST' && path === '/reservations/holds') {
      return reservationRequest(request, async (body, idempotencyKey) => {
        const result = await planning.hold({ ...body, idempotencyKey });
        return result.ok ? { status: 201, body: { reference: result.reference, expiresAt: result.expiresAt } } : refused(result);
      });
    }
    if (method === 'POST' && path === '/reservations') {
      return reservationRequest(request, async (body, idempotencyKey) => {
        const result = await planning.book({ ...body, idempotencyKey });
        return result.ok ? { status: 201, body: result.booking } : refused(result);
      });
    }
    if (method === 'GET' && path === '/reservations') {
      // Present but empty means "no status": nothing is listed.
      const status = request.query.get('status')?.split(',').filter(Boolean) as ReservationStatus[] | undefined;
      const filter = {
        ...(request.query.get('from') ? { from: request.query.get('from') as string } : {}),
        ...(request.query.get('to') ? { to: request.query.get('to') as string } : {}),
        ...(status ? { status } : {}),
      };
      return { status: 200, body: { reservations: await planning.list(filter) } };
    }
    if (byReference && method === 'GET' && !byReference[2]) {
      const found = await planning.get(reference);
      return found ? { status: 200, body: found } : notFound();
    }
    if (byReference && method === 'POST' && byReference[2] === '/cancel') {
      // The body is optional: no body is a cancel by staff.
      const body = parseBody(cancelRequestSchema, request.body ?? {});
      if ('invalid' in body) return body.invalid;
      return (await planning.cancel(reference, body.data.by)) ? { status: 204 } : notFound();
    }
    if (byReference && method === 'POST' && byReference[2] === '/reschedule') {
      const key = request.idempotencyKey;
      if (!key) return problem(400, 'idempotency-key-missing', 'Idempotency-Key header required');
      const replay = rescheduled.get(key);
      if (replay) return replay;
      const body = parseBody(rescheduleRequestSchema, request.body);
      if ('invalid' in body) return body.invalid;
      const { slot, legs, by, force, address, services, need, dryRun } = body.data;
      const result = await planning.reschedule(reference, slot, legs, by, {
        force, ...(address ? { address } : {}), ...(services ? { services } : {}), ...(need !== undefined ? { need } : {}), ...(dryRun ? { dryRun } : {}),
      });
      const reply = result.ok ? { status: 200, body: result.booking } : refused(result);
      rescheduled.set(key, reply);
      return reply;
    }
    return problem(404, 'no-route', `No operation ${method} ${path}`);
  };
}
