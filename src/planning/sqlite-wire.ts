/**
 * What the bot and the planning's own process (sqlite-child.ts) say to each other over IPC
 * (structured clone: `serialization: 'advanced'`).
 * @module
 */
import type { Dealer } from '../dealer/schema';
import type { PlanningSystem } from './planning';

/** The `PlanningSystem` calls the process answers (`ping` is the write probe). */
export const CALLS = ['findSlots', 'hold', 'book', 'reschedule', 'cancel', 'get', 'list', 'ping'] as const;
export type Call = (typeof CALLS)[number] & keyof PlanningSystem;

export type ToChild =
  | { type: 'open'; dealer: Dealer; file: string; busyTimeoutMs: number; openBusyTimeoutMs: number; holdMinutes?: number; clocked: boolean }
  /** `now`: the parent's clock (ms) when it runs on one, the child's clock then stands there. */
  | { type: 'call'; id: number; method: Call; args: unknown[]; now?: number }
  | { type: 'close' };

export interface WireError {
  name: string;
  message: string;
  /** better-sqlite3's `SQLITE_BUSY`, `SQLITE_IOERR_WRITE`... */
  code?: string;
}

export type FromChild =
  | { type: 'ready' }
  | { type: 'failed'; error: WireError }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: WireError };
