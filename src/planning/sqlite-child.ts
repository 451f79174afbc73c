/**
 * The embedded planning's own process (#14), forked by sqlite-process.ts: it opens the SQLite
 * planning (createSqlitePlanning, synchronous better-sqlite3) and answers the calls it is sent
 * over IPC, one after the other. Whatever SQLite does here — wait on a lock, fail on a full disk,
 * die of a SIGBUS on a broken -shm — the bot's event loop goes on; the parent restarts it.
 * @module
 */
import type { PlanningSystem } from './planning';
import { createSqlitePlanning } from './sqlite';
import { CALLS, type FromChild, type ToChild, type WireError } from './sqlite-wire';

let planning: PlanningSystem | undefined;
/** The parent's clock at the current call, when it runs on one (tests); else the system clock. */
let now = 0;

const send = (message: FromChild, then: () => void = () => undefined) => {
  if (process.connected) process.send?.(message, then);
  else then();
};

function wireError(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
}

function exit(code: number): void {
  try {
    void planning?.close();
  } finally {
    process.exit(code);
  }
}

process.on('message', async (message: ToChild) => {
  switch (message.type) {
    case 'open':
      try {
        planning = createSqlitePlanning(message.dealer, {
          file: message.file,
          busyTimeoutMs: message.busyTimeoutMs,
          openBusyTimeoutMs: message.openBusyTimeoutMs,
          holdMinutes: message.holdMinutes,
          ...(message.clocked ? { clock: () => new Date(now) } : {}),
        });
        send({ type: 'ready' });
      } catch (err) {
        send({ type: 'failed', error: wireError(err) }, () => exit(1));
      }
      return;
    case 'call': {
      const { id, method, args } = message;
      if (message.now !== undefined) now = message.now;
      try {
        if (!planning || !CALLS.includes(method)) throw new Error(`planning process: no ${method} here`);
        // Synchronous inside: the call runs to its end before the next message (and clock) comes.
        const value = await (planning[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        send({ type: 'result', id, value });
      } catch (err) {
        send({ type: 'error', id, error: wireError(err) });
      }
      return;
    }
    case 'close':
      exit(0);
  }
});

// The parent has gone (or closed the channel): nothing will ask any more.
process.on('disconnect', () => exit(0));
// Ctrl+C in a terminal reaches the whole process group: the parent closes this process itself,
// after its turns in progress, instead of seeing it die first.
process.on('SIGINT', () => undefined);
