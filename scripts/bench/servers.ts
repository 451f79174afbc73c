/**
 * The processes under test, each started fresh for one run: the echo bots, the built bot
 * (`node dist/src/main.js`) and the redis-server it talks to, all pinned to the server core with
 * `taskset` when there is one (a pinned process's children, the planning's SQLite child, inherit
 * the pin). A PostgreSQL planning gets a throw-away database on the machine's server
 * (127.0.0.1:5432, trust); that server is shared and is not pinned.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { processTree } from './procstat';

const ROOT = path.resolve(__dirname, '../..');
export const SERVER_CORE = '1';
export const LOAD_CORE = '0';

export const hasTaskset = !spawnSync('taskset', ['-c', '0', 'true']).error && spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** Spawns `command` pinned to `core` (taskset execs it: the pid is the command's own). */
export function spawnPinned(core: string, command: string, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  return hasTaskset ? spawn('taskset', ['-c', core, command, ...args], options) : spawn(command, args, options);
}

/** Pins this process (the orchestrator, beside the load generator). */
export function pinSelf(core: string): void {
  if (hasTaskset) spawnSync('taskset', ['-cp', core, String(process.pid)], { stdio: 'ignore' });
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function get(port: number, p: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: p, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
  });
}

async function until(what: string, child: ChildProcess, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** What one run measures: the server's processes, and those of its stores, apart. */
export interface Running {
  url: string;
  /** The server process and its children (the SQLite planning child). */
  serverPids(): number[];
  redisPid?: number;
  /** PostgreSQL backends serving the bot's database (found when asked: the pool opens them lazily). */
  postgresPids?: () => Promise<number[]>;
  stop(): Promise<void>;
}

/** Only what a process needs from the environment: no REDIS_URL or PLANNING_URL of the caller leaks in. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];
  return Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
}

export async function startEcho(mode: 'plain' | 'cached', logDir: string, script = path.join(__dirname, 'echo-bot.cjs')): Promise<Running> {
  const port = await freePort();
  const log = createWriteStream(path.join(logDir, `echo-${mode}-${port}.log`));
  const child = spawnPinned(SERVER_CORE, process.execPath, mode === 'cached' ? [script, 'cached'] : [script], {
    env: { ...baseEnv(), PORT: String(port), NODE_ENV: 'production', NODE_PATH: path.join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  await until('echo bot', child, async () => (await get(port, '/')) !== 0);
  return { url: `http://127.0.0.1:${port}/api/messages`, serverPids: () => [child.pid!], stop: () => stopProcess(child) };
}

async function startRedis(dir: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawnPinned(SERVER_CORE, 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  await until('redis-server', child, () => new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  }));
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopProcess(child) };
}

const PG_ADMIN = ['postgres://root@127.0.0.1:5432/postgres', 'postgres://postgres@127.0.0.1:5432/postgres'];

async function pgAdmin(): Promise<{ client: Client; url: string }> {
  for (const url of PG_ADMIN) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return { client, url };
    } catch {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`no PostgreSQL at ${PG_ADMIN.join(' or ')}`);
}

export type BotSetup = 'embedded' | 'redis' | 'postgres';

/**
 * The built bot with the setup's stores: `embedded` (no REDIS_URL: SQLite sessions and the SQLite
 * planning child, in a temp DATA_DIR), `redis` (REDIS_URL: sessions in its own redis-server,
 * planning the default SQLite child) or `postgres` (REDIS_URL and PLANNING_URL=postgres://…: the
 * several-instance setup).
 */
export async function startBot(setup: BotSetup, dealerFile: string, workDir: string, entry = path.join(ROOT, 'dist/src/main.js'),
  extra: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<Running> {
  const dir = mkdtempSync(path.join(workDir, `${setup}-`));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const env: Record<string, string> = {
    ...baseEnv(), NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'error', DEALER_CONFIG: dealerFile, DATA_DIR: path.join(dir, 'data'), ...extra.env,
  };
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  let postgresPids: Running['postgresPids'];
  try {
    if (setup !== 'embedded') {
      redis = await startRedis(dir);
      cleanups.unshift(redis.stop);
      env.REDIS_URL = redis.url;
    }
    if (setup === 'postgres') {
      const { client, url } = await pgAdmin();
      const name = `mc_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
      await client.query(`CREATE DATABASE ${name}`);
      cleanups.unshift(async () => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await client.end();
      });
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      env.PLANNING_URL = dbUrl.toString();
      postgresPids = async () => (await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name])).rows.map((r) => r.pid);
    }
    const port = await freePort();
    env.PORT = String(port);
    const log = createWriteStream(path.join(workDir, `bot-${setup}-${port}.log`));
    const child = spawnPinned(SERVER_CORE, process.execPath, [...(extra.nodeArgs ?? []), entry], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    cleanups.unshift(() => stopProcess(child));
    await until('bot', child, async () => (await get(port, '/readyz')) === 200);
    const tree = processTree(child.pid!);
    return {
      url: `http://127.0.0.1:${port}/api/messages`,
      serverPids: () => tree,
      redisPid: redis?.pid,
      postgresPids,
      stop: async () => {
        for (const c of cleanups) await c();
      },
    };
  } catch (err) {
    for (const c of cleanups) await c().catch(() => undefined);
    throw err;
  }
}

/** The demo dealer with the yardstick's capacity (nobody runs out), `vehicleOverlap` as given; written to `dir`. */
export function benchDealerFile(dir: string, demo: Record<string, any>, vehicleOverlap?: 'refuse' | 'flag'): string {
  const dealer = structuredClone(demo);
  dealer.workshop.advisors = 400;
  dealer.workshop.technicianHoursPerDay = 8000;
  if (vehicleOverlap) dealer.workshop.vehicleOverlap = vehicleOverlap;
  const file = path.join(dir, `dealer-${dealer.workshop.vehicleOverlap}.json`);
  writeFileSync(file, JSON.stringify(dealer, null, 2));
  return file;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mc-bench-'));
}
