/**
 * Answers of the staff planning API: JSON, and RFC 9457 problem+json for every failure, with a
 * stable `code` integrators can switch on. Sent raw so restify's formatters (and its error
 * handler's `{ error }` shape) never touch them.
 * @module
 */
import type { Response } from 'restify';

export interface Problem {
  status: number;
  /** Stable, machine-readable: `unauthorized`, `invalid-request`, `not-found`, `taken`, … */
  code: string;
  title: string;
  detail?: string;
  /** For `invalid-request`: which field is wrong, and why. */
  errors?: { path: string; message: string }[];
  /** For `vehicle-already-booked`: the appointment the vehicle already has. */
  existing?: { reference: string; appointmentAt: string };
}

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.sendRaw(status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
}

export function sendProblem(res: Response, problem: Problem, headers: Record<string, string> = {}): void {
  const body = { type: `urn:mobility-concierge:problem:${problem.code}`, ...problem };
  res.sendRaw(problem.status, JSON.stringify(body), {
    'content-type': 'application/problem+json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
}

export const notFound = (detail?: string): Problem => ({ status: 404, code: 'not-found', title: 'No such reservation', ...(detail ? { detail } : {}) });

export const taken = (): Problem => ({
  status: 409,
  code: 'taken',
  title: 'The slot is no longer free',
  detail: 'Another booking took the resource, or the slot is not one the calendar can give; search availability again.',
});

export const vehicleAlreadyBooked = (existing: { reference: string; appointmentAt: string }, action: 'book' | 'move' = 'book'): Problem => ({
  status: 409,
  code: 'vehicle-already-booked',
  title: 'This vehicle already has an overlapping appointment',
  detail: `${existing.reference} at ${existing.appointmentAt}; send "force": true to ${action === 'book' ? 'book a second appointment' : 'move it there'} anyway.`,
  existing,
});

export const cancelled = (): Problem => ({
  status: 409,
  code: 'cancelled',
  title: 'The reservation is cancelled',
  detail: 'A cancelled reservation cannot be moved; book a new one.',
});

/** A reason stays short: a caller's unknown keys or long values are not echoed back at length. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const invalid = (errors: { path: string; message: string }[]): Problem => ({
  status: 400,
  code: 'invalid-request',
  title: 'The request is not valid',
  detail: clip(errors.map((e) => `${e.path}: ${e.message}`).join('; '), 300),
  errors,
});

export const tooManyFailures = (): Problem => ({
  status: 429,
  code: 'too-many-requests',
  title: 'Too many failed attempts',
  detail: 'Try again after the time in Retry-After.',
});

export const unavailable = (): Problem => ({
  status: 503,
  code: 'planning-unavailable',
  title: 'The planning cannot be reached',
  detail: 'Nothing was changed. Try again in a moment.',
});

export const internal = (): Problem => ({ status: 500, code: 'internal', title: 'Internal error' });
