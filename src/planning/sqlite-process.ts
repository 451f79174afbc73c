/**
 * The embedded SQLite planning off the bot's event loop (#14): better-sqlite3 is synchronous, so
 * a lock held by another process (a backup, the sqlite3 CLI) used to stall every request, /healthz
 * included, for the whole busy timeout, and a SIGBUS on the mmap'ed -shm (full disk, a broken
 * -shm) killed the bot with nothing logged. Here the planning runs in a child process
 * (sqlite-child.ts), which a SIGBUS kills alone (a worker thread would take the process with it):
 *
 * - a short busy timeout in the child, and `SQLITE_BUSY` retried from here, asynchronously, with
 *   backoff, for a few seconds at most; then the call fails (the engine's "retry or a person");
 * - every call has a timeout: a hung child never hangs a turn, and is killed and replaced;
 * - a child that dies is logged once and started again (backoff while it cannot open);
 * - `ping` (readiness) is a write under the write lock, with a short timeout, no retry.
 *
 * Same `PlanningSystem` as createSqlitePlanning (which stays usable directly: tests, bench).
 * @module
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import pino, { type Logger } from 'pino';
import type { Dealer } from '../dealer/schema';
import { pacedLog } from '../http/paced-log';
import type { PlanningSystem } from './planning';
import type { SqlitePlanningOptions } from './sqlite';
import type { Call, FromChild, ToChild, WireError } from './sqlite-wire';

export interface SqlitePlanningProcessOptions extends SqlitePlanningOptions {
  /** Failures of the process itself (deaths, restarts, hangs) and readiness changes. */
  logger?: Logger;
  /** SQLite's own wait for another process's lock, in the child, per attempt (default 300 ms). */
  busyTimeoutMs?: number;
  /** How long a busy planning is retried before the call fails (default 3 s). */
  retryForMs?: number;
  /** No answer within this (per attempt): the call fails, the child is killed and replaced (default 5 s). */
  callTimeoutMs?: number;
  /** The readiness write probe's timeout (default 2 s). */
  probeTimeoutMs?: number;
  /** How long opening (migrations, the fleet copy) waits for another process's lock (default 10 s). */
  openBusyTimeoutMs?: number;
}

/** A failure of the planning process or of SQLite in it (the SQLite error's name, message and code). */
export class SqlitePlanningError extends Error {
  constructor(message: string, readonly code?: string, name = 'SqlitePlanningError') {
    super(message);
    this.name = name;
  }
}

const DEFAULTS = { busyTimeoutMs: 300, retryForMs: 3_000, callTimeoutMs: 5_000, probeTimeoutMs: 2_000, openBusyTimeoutMs: 10_000 };
/** Restarts after a death: at once, then backing off while the child cannot open the planning. */
const RESTART_MIN_MS = 100;
const RESTART_MAX_MS = 5_000;

const ENTRY = path.join(__dirname, `sqlite-child${path.extname(__filename)}`);

/** Sources (`tsx src/main.ts`, mocha): the child needs tsx too, unless the parent's flags bring it. */
function childExecArgv(): string[] {
  const inherited = process.execArgv.filter((a) => !a.startsWith('--inspect'));
  if (!ENTRY.endsWith('.ts') || inherited.some((a) => a.includes('tsx'))) return inherited;
  return [...inherited, '--require', require.resolve('tsx/cjs')];
}

const isBusy = (err: unknown) => err instanceof SqlitePlanningError && /^SQLITE_(BUSY|LOCKED)/.test(err.code ?? '');
const fromWire = (e: WireError) => new SqlitePlanningError(e.message, e.code, e.name);

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

interface Running {
  child: ChildProcess;
  /** Resolves once the child has opened the planning; rejects if it cannot. */
  up: Promise<ChildProcess>;
  opened: boolean;
  /** Killed by us for not answering: its exit is no news. */
  killed: boolean;
  /** When each call sent to it and not answered yet was sent (even if its caller gave up). */
  unanswered: Map<number, number>;
}

/**
 * Forks the planning's process and resolves once it has opened the file (rejects, like
 * createSqlitePlanning throws, when it cannot).
 * @example
 * const planning = await createSqlitePlanningProcess(dealer, { file: path.join(dataDir, 'planning.sqlite'), logger });
 */
export async function createSqlitePlanningProcess(dealer: Dealer, options: SqlitePlanningProcessOptions): Promise<PlanningSystem> {
  const { busyTimeoutMs, retryForMs, callTimeoutMs, probeTimeoutMs, openBusyTimeoutMs } = { ...DEFAULTS, ...definedOnly(options) };
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'planning-process' });
  const paced = pacedLog(logger);
  const open: ToChild = {
    type: 'open', dealer, file: options.file, busyTimeoutMs, openBusyTimeoutMs, holdMinutes: options.holdMinutes, clocked: Boolean(options.clock),
  };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let current: Running | undefined;
  let closed = false;
  let restartDelay = RESTART_MIN_MS;
  let restartTimer: NodeJS.Timeout | undefined;
  let writable = true;
  /** The first process has opened the planning: from then on a death is restarted. */
  let serving = false;

  function failAll(err: Error): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(err);
    }
  }

  function start(): Running {
    const child = fork(ENTRY, [], { execArgv: childExecArgv(), serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let opened!: (c: ChildProcess) => void;
    let refused!: (err: Error) => void;
    const running: Running = {
      child, opened: false, killed: false, unanswered: new Map(), up: new Promise((resolve, reject) => ((opened = resolve), (refused = reject))),
    };
    running.up.catch(() => undefined);
    let failure: Error | undefined;
    child.on('message', (m: FromChild) => {
      if (m.type === 'ready') {
        running.opened = true;
        restartDelay = RESTART_MIN_MS;
        // Idle, the child keeps nobody alive; a call's timer does while it waits.
        child.unref();
        child.channel?.unref();
        logger.info({ planningPid: child.pid }, 'planning process ready');
        opened(child);
      } else if (m.type === 'failed') {
        failure = fromWire(m.error);
      } else {
        running.unanswered.delete(m.id);
        const p = pending.get(m.id);
        if (!p) return; // timed out meanwhile
        pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.type === 'result') p.resolve(m.value);
        else p.reject(fromWire(m.error));
      }
    });
    child.on('error', (err) => {
      // Not even started (EAGAIN, ENOMEM...): no 'exit' will come.
      if (child.pid === undefined) ended(null, null, err);
      else logger.error({ err, planningPid: child.pid }, 'planning process: IPC failed');
    });
    child.once('exit', (code, signal) => ended(code, signal));
    const ended = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      const why = signal ? `signal ${signal}` : `code ${code}`;
      const err = spawnError ?? failure ?? new SqlitePlanningError(`planning process exited (${why})`, signal ?? undefined);
      refused(err);
      if (current === running) current = undefined;
      failAll(running.opened ? new SqlitePlanningError(`planning process exited (${why})`, signal ?? undefined) : err);
      if (closed || !serving) return; // at start-up the error goes to the caller
      if (running.opened && !running.killed) {
        logger.error({ planningPid: child.pid, code, signal }, `planning process died (${why}); starting another`);
      } else if (!running.opened) {
        paced('planning-open', 'warn', { err, planningPid: child.pid }, 'planning process could not open the planning; trying again');
        restartDelay = Math.min(restartDelay * 2, RESTART_MAX_MS);
      }
      restartTimer = setTimeout(restart, running.opened ? RESTART_MIN_MS : restartDelay);
      restartTimer.unref();
    };
    if (child.pid !== undefined) child.send(open);
    return running;
  }

  function restart(): void {
    restartTimer = undefined;
    if (!closed && !current) current = start();
  }

  /**
   * A child that has left a call unanswered for `callTimeoutMs` is hung (its busy waits are far
   * shorter): killed, and another started. Checked whenever a caller gives up, and again when the
   * oldest unanswered call reaches the timeout: on a loaded machine a call may be sent well after
   * its caller started waiting, so the caller gives up before the child has had the full time.
   */
  function killIfHung(running: Running, method: Call): void {
    if (current !== running || !running.opened || running.killed || running.unanswered.size === 0) return;
    const left = callTimeoutMs - (Date.now() - Math.min(...running.unanswered.values()));
    if (left > 0) {
      setTimeout(() => killIfHung(running, method), left).unref();
      return;
    }
    running.killed = true;
    logger.error({ planningPid: running.child.pid, method, callTimeoutMs }, 'planning process hung; killing it and starting another');
    running.child.kill('SIGKILL');
  }

  /** One attempt: sent once the child is up, failed after `timeoutMs`. */
  function call(method: Call, args: unknown[], timeoutMs: number): Promise<unknown> {
    if (closed) return Promise.reject(new SqlitePlanningError('the planning is closed'));
    const running = current;
    if (!running) return Promise.reject(new SqlitePlanningError('the planning process is restarting'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new SqlitePlanningError(`the planning process did not answer ${method} within ${timeoutMs} ms`, 'ETIMEDOUT'));
        killIfHung(running, method);
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      running.up.then(
        (child) => {
          if (!pending.has(id)) return;
          const message: ToChild = { type: 'call', id, method, args, ...(options.clock ? { now: options.clock().getTime() } : {}) };
          running.unanswered.set(id, Date.now());
          child.send(message, (err) => {
            if (!err) return;
            const p = pending.get(id);
            pending.delete(id);
            clearTimeout(timer);
            p?.reject(new SqlitePlanningError(`planning process unreachable: ${err.message}`));
          });
        },
        () => undefined, // failAll has rejected it
      );
    });
  }

  /** A port call: a busy planning is tried again, with backoff, for `retryForMs` at most. */
  function withRetries<T>(method: Call, args: unknown[]): Promise<T> {
    const deadline = Date.now() + retryForMs;
    const policy = retry(handleWhen((err) => isBusy(err) && Date.now() < deadline), {
      maxAttempts: 100, // the deadline bounds it
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
    });
    return policy.execute(() => call(method, args, callTimeoutMs)) as Promise<T>;
  }

  current = start();
  try {
    await current.up;
    serving = true;
  } catch (err) {
    closed = true;
    throw err;
  }

  return {
    findSlots: (query) => withRetries('findSlots', [query]),
    hold: (request) => withRetries('hold', [request]),
    book: (request) => withRetries('book', [request]),
    reschedule: (...args) => withRetries('reschedule', args),
    cancel: (...args) => withRetries('cancel', args),
    get: (reference) => withRetries('get', [reference]),
    list: (filter) => withRetries('list', [filter]),
    async ping() {
      try {
        await call('ping', [], probeTimeoutMs);
      } catch (err) {
        if (writable) logger.warn({ err }, 'planning cannot write: not ready');
        writable = false;
        throw err;
      }
      if (!writable) logger.info('planning writes again: ready');
      writable = true;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(restartTimer);
      const running = current;
      current = undefined;
      failAll(new SqlitePlanningError('the planning is closed'));
      if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
      running.child.ref();
      if (running.child.connected) running.child.send({ type: 'close' } satisfies ToChild, () => undefined);
      else running.child.kill();
      const timer = setTimeout(() => running.child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The options the caller set (an explicit `undefined` keeps the default). */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
