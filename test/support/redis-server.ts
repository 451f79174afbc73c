/**
 * A private redis-server for the tests: on a free port, in a temp dir, without persistence
 * unless asked (`stop()` saves, so that `start()` again on the same port finds the data, like a
 * Redis restarting or a replica taking over). Without the binary, `REDIS_URL` is used instead (it
 * cannot be stopped); with neither, the suite is skipped — except on CI, where that is a failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

export const REDIS_BINARY = process.env.REDIS_SERVER_BIN ?? 'redis-server';

export interface TestRedis {
  url: string;
  port: number;
  /** False for an external REDIS_URL: it cannot be stopped or restarted. */
  controllable: boolean;
  /** SHUTDOWN SAVE: the data survives a later start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Pauses/resumes the server (SIGSTOP/SIGCONT): a hung Redis. */
  freeze(): void;
  thaw(): void;
  /** Stops it for good and removes its directory. */
  dispose(): Promise<void>;
}

export function hasRedisBinary(): boolean {
  return !spawnSync(REDIS_BINARY, ['--version']).error;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once Redis answers PING; rejects after `timeoutMs`. */
export async function waitForRedis(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch (err) {
      client.disconnect();
      if (Date.now() > deadline) throw new Error(`redis at ${url} did not answer: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Starts a private Redis (or returns the external one). In a mocha hook pass `this` as `ctx`, so
 * that a missing Redis skips the suite outside CI.
 */
export async function startTestRedis(ctx?: Mocha.Context): Promise<TestRedis> {
  if (!hasRedisBinary()) {
    const external = process.env.REDIS_URL;
    if (external) return externalRedis(external);
    const message = `no ${REDIS_BINARY} binary and no REDIS_URL`;
    if (process.env.CI === 'true' || !ctx) throw new Error(message);
    ctx.skip();
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'redis-test-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const exit = (c: ChildProcess) =>
    new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())));
  const start = async () => {
    const c = spawn(REDIS_BINARY, [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no',
      '--dbfilename', 'dump.rdb', '--protected-mode', 'no', '--loglevel', 'warning',
    ], { stdio: 'ignore' });
    child = c;
    const exited = exit(c).then(() => {
      throw new Error(`redis-server exited (${c.exitCode ?? c.signalCode})`);
    });
    exited.catch(() => undefined);
    await Promise.race([waitForRedis(url), exited]);
  };
  const stop = async () => {
    const c = child;
    if (!c) return;
    child = undefined;
    const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    await client.call('SHUTDOWN', 'SAVE').catch(() => undefined); // the connection drops: expected
    client.disconnect();
    await exit(c);
  };
  await start();
  return {
    url, port, controllable: true, stop, start,
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    dispose: async () => {
      const c = child;
      child = undefined;
      if (c) {
        c.kill('SIGCONT');
        c.kill('SIGKILL');
        await exit(c);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function externalRedis(url: string): TestRedis {
  const cannot = async () => {
    throw new Error('an external REDIS_URL cannot be stopped or started');
  };
  return {
    url, port: Number(new URL(url).port || 6379), controllable: false, stop: cannot, start: cannot,
    freeze: () => undefined, thaw: () => undefined, dispose: async () => undefined,
  };
}

/** A key prefix of its own per suite, so that runs sharing an external Redis don't meet. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
}
