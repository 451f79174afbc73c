/**
 * `PlanningSystem` over HTTP to a dealer's DMS speaking docs/dms-api.yaml. Every call is bounded
 * by a timeout, retried with backoff when the DMS was unreachable or said "try again" (safe:
 * every mutating call carries an Idempotency-Key or is idempotent by design), and goes through a
 * circuit breaker so that a DMS that is down fails fast. Answers are validated; anything outside
 * the contract is an Error, and the dialogue apologises and offers a human.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Legs, Slot } from '../../dialogs/model';
import { STAFF, type Actor, type BookingRequest, type ListFilter, type PlanningSystem, type RescheduleOptions, type VehicleBooked } from './planning';
import { DmsInvalidResponseError } from './http-dms-errors';
import { createDmsPolicies } from './http-dms-policy';
import { createDmsTransport, type DmsAnswer } from './http-dms-transport';
import {
  bookingSchema,
  healthSchema,
  holdSchema,
  problemSchema,
  reservationListSchema,
  reservationSchema,
  slotSearchSchema,
} from './http-dms-schemas';

export interface HttpDmsPlanningOptions {
  /** E.g. `https://dms.example.it/mobility/v1`. */
  baseUrl: string;
  token: string;
  /** Bound of one attempt (connect, headers and body). */
  timeoutMs: number;
  /** Used for Retry-After dates. */
  clock?: () => Date;
  fetch?: typeof fetch;
  /** Further attempts after the first (default 2). */
  retries?: number;
  /** Consecutive failed attempts that open the circuit (default 5), and when to probe again (default 30 s). */
  breaker?: { threshold: number; halfOpenAfterMs: number };
  /** Retry backoff (default 200 ms doubling, at most 2 s). */
  backoff?: { initialDelayMs: number; maxDelayMs: number };
  /** Longest Retry-After honoured (default 5 s); longer fails the call at once. */
  maxRetryAfterMs?: number;
}

export { DmsHttpError, DmsInvalidResponseError, DmsNetworkError, DmsTimeoutError } from './http-dms-errors';

function parse<T>(schema: z.ZodType<T>, answer: DmsAnswer, label: string): T {
  const result = schema.safeParse(answer.body);
  if (result.success) return result.data;
  const where = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new DmsInvalidResponseError(label, `status ${answer.status}, ${where.join('; ')}`);
}

/** A 409 must say why; only `taken` has a meaning for the port. */
function taken(answer: DmsAnswer, label: string): { ok: false; reason: 'taken' } {
  const problem = parse(problemSchema, answer, label);
  if (problem.reason !== 'taken') throw new DmsInvalidResponseError(label, `409 with reason ${problem.reason ?? '(none)'}`);
  return { ok: false, reason: 'taken' };
}

/** A 409 to a hold, a booking or a move: `taken`, or the vehicle's overlapping appointment (#13), which it must name. */
function refused(answer: DmsAnswer, label: string): { ok: false; reason: 'taken' } | VehicleBooked {
  const problem = parse(problemSchema, answer, label);
  if (problem.reason !== 'vehicle-already-booked') return taken(answer, label);
  if (!problem.existing) throw new DmsInvalidResponseError(label, '409 vehicle-already-booked without existing');
  return { ok: false, reason: 'vehicle-already-booked', existing: problem.existing };
}

/** The port's request without its key: the key travels in the Idempotency-Key header. */
function reservationBody({ idempotencyKey: _key, ...body }: BookingRequest) {
  return body;
}

const encode = encodeURIComponent;

export function createHttpDmsPlanning(options: HttpDmsPlanningOptions): PlanningSystem & { readonly breaker: ReturnType<typeof createDmsPolicies>['breaker'] } {
  const policies = createDmsPolicies({
    timeoutMs: options.timeoutMs,
    retries: options.retries ?? 2,
    breaker: options.breaker ?? { threshold: 5, halfOpenAfterMs: 30_000 },
    backoff: options.backoff ?? { initialDelayMs: 200, maxDelayMs: 2000 },
    maxRetryAfterMs: options.maxRetryAfterMs ?? 5000,
  });
  const transport = createDmsTransport({
    baseUrl: options.baseUrl,
    token: options.token,
    timeoutMs: options.timeoutMs,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock: options.clock ?? (() => new Date()),
    policies,
  });
  let closed = false;
  const send: typeof transport.send = (call) =>
    closed ? Promise.reject(new Error('DMS planning is closed')) : transport.send(call);

  return {
    breaker: policies.breaker,
    async findSlots(query) {
      // A search changes nothing: safe to repeat without a key.
      const answer = await send({ method: 'POST', path: '/availability/search', body: query });
      return parse(slotSearchSchema, answer, 'POST /availability/search');
    },
    async hold(request) {
      const label = 'POST /reservations/holds';
      const answer = await send({ method: 'POST', path: '/reservations/holds', body: reservationBody(request), idempotencyKey: request.idempotencyKey, answers: [409] });
      if (answer.status === 409) return refused(answer, label);
      return { ok: true, ...parse(holdSchema, answer, label) };
    },
    async book(request) {
      const label = 'POST /reservations';
      const answer = await send({ method: 'POST', path: '/reservations', body: reservationBody(request), idempotencyKey: request.idempotencyKey, answers: [409] });
      if (answer.status === 409) return refused(answer, label);
      return { ok: true, booking: parse(bookingSchema, answer, label) };
    },
    async reschedule(reference: string, slot: Slot, legs?: Legs, by: Actor = STAFF, options: RescheduleOptions = {}) {
      const label = 'POST /reservations/{reference}/reschedule';
      // One key per call, reused by its retries: a key derived from reference + slot alone would
      // make the DMS replay a stale answer when a booking is moved A → B → A → B.
      const idempotencyKey = `reschedule/${reference}/${randomUUID()}`;
      const answer = await send({
        method: 'POST',
        path: `/reservations/${encode(reference)}/reschedule`,
        body: { slot, ...(legs ? { legs } : {}), by, ...(options.force ? { force: true } : {}), ...(options.address ? { address: options.address } : {}),
          ...(options.services?.length ? { services: options.services } : {}), ...(options.need !== undefined ? { need: options.need } : {}),
          ...(options.dryRun ? { dryRun: true } : {}) },
        idempotencyKey,
        answers: [404, 409],
      });
      if (answer.status === 404) return { ok: false, reason: 'not-found' };
      if (answer.status === 409) return refused(answer, label);
      return { ok: true, booking: parse(bookingSchema, answer, label) };
    },
    async cancel(reference, by: Actor = STAFF) {
      // Idempotent by design: cancelling a cancelled reservation answers 204 again (and records nothing).
      const answer = await send({ method: 'POST', path: `/reservations/${encode(reference)}/cancel`, body: { by }, answers: [404] });
      return answer.status !== 404;
    },
    async get(reference) {
      const answer = await send({ method: 'GET', path: `/reservations/${encode(reference)}`, answers: [404] });
      if (answer.status === 404) return undefined;
      return parse(reservationSchema, answer, 'GET /reservations/{reference}');
    },
    async list(filter: ListFilter = {}) {
      const params = new URLSearchParams();
      if (filter.from) params.set('from', filter.from);
      if (filter.to) params.set('to', filter.to);
      // An empty list is sent too: it means "no status", so nothing is listed.
      if (filter.status) params.set('status', filter.status.join(','));
      const query = params.size > 0 ? `?${params}` : '';
      const answer = await send({ method: 'GET', path: `/reservations${query}` });
      return parse(reservationListSchema, answer, 'GET /reservations').reservations;
    },
    async ping() {
      const answer = await send({ method: 'GET', path: '/health', once: true });
      parse(healthSchema, answer, 'GET /health');
    },
    async close() {
      closed = true;
    },
  };
}
