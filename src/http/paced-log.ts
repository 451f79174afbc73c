/**
 * Log lines for refusals a flood repeats (a bad token, a limit hit, a refused route): the first
 * of each kind in a minute at its level, the rest at debug, and the next line says how many were
 * held back. A flood then costs the log a line a minute, not a line per request. Kinds are fixed
 * names from the code, never taken from a request, so the table stays a few entries long.
 * @module
 */
import type { Logger } from 'pino';

export const PACE_MS = 60_000;

export type PacedLog = (kind: string, level: 'info' | 'warn', details: Record<string, unknown>, message: string) => void;

export function pacedLog(logger: Logger, periodMs = PACE_MS): PacedLog {
  const kinds = new Map<string, { at: number; held: number }>();
  return (kind, level, details, message) => {
    // Real time on purpose: this paces the log, whatever clock the app runs on.
    const now = Date.now();
    const last = kinds.get(kind);
    if (last && now - last.at < periodMs) {
      last.held++;
      logger.debug({ kind, ...details }, message);
      return;
    }
    kinds.set(kind, { at: now, held: 0 });
    logger[level]({ kind, ...details, ...(last?.held ? { heldBack: last.held } : {}) }, `${message} (more of the kind this minute at debug)`);
  };
}
