/**
 * Real Redis Sentinel and Cluster topologies, and a TLS-only Redis, for the tests: every process
 * on loopback, on a free port, in one temp dir that dispose() removes. Every wait is bounded and
 * names what it waited for. Without redis-server (or, for TLS, openssl or TLS support) the suite
 * is skipped — except on CI, where that is a failure.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { REDIS_BINARY, freePort, hasRedisBinary, waitForRedis } from './redis-server';

const HOST = '127.0.0.1';
const REDIS_CLI = process.env.REDIS_CLI_BIN ?? path.join(path.dirname(REDIS_BINARY), 'redis-cli');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** In a mocha hook: skip without redis-server and redis-cli, but fail on CI (it must run there). */
export function requireRedisBinary(ctx: Mocha.Context): void {
  if (hasRedisBinary() && !spawnSync(REDIS_CLI, ['--version']).error) return;
  const message = `no ${REDIS_BINARY} or ${REDIS_CLI} binary: Sentinel and Cluster tests need their own servers`;
  if (process.env.CI === 'true') throw new Error(message);
  ctx.skip();
}

/** Polls `check` until it returns something truthy; fails after `timeoutMs`, naming `what`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}${last ? ` (${(last as Error).message})` : ''}`);
    await sleep(50);
  }
}

/** One command on a fresh connection to a node (a node may be dead or just promoted: no stale client). */
export async function command(port: number, ...args: (string | number)[]): Promise<unknown> {
  const client = new Redis({
    host: HOST, port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0,
    enableOfflineQueue: false, connectTimeout: 1000, commandTimeout: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(String(args[0]), ...args.slice(1));
  } finally {
    client.disconnect();
  }
}

/** `INFO`-style text or a flat [k, v, k, v] reply → a record. */
export function fields(reply: unknown): Record<string, string> {
  if (typeof reply === 'string') {
    return Object.fromEntries(reply.split(/\r?\n/).filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
  }
  const flat = reply as string[];
  return Object.fromEntries(flat.flatMap((v, i) => (i % 2 ? [] : [[v, String(flat[i + 1])]])));
}

/** redis-server exited while starting (a port taken under it, most often). */
class PortExit extends Error {}

/** The processes of one topology and their directory. */
class Lab {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'redis-topology-'));
  private readonly children = new Map<number, ChildProcess>();

  /**
   * Starts redis-server (args after the config file, if any) and waits until it answers PING
   * (through `answers`, plain TCP by default); an exit names its last output.
   */
  async spawn(port: number, args: string[], answers = (p: number) => waitForRedis(`redis://${HOST}:${p}`)): Promise<void> {
    const child = spawn(REDIS_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
    this.children.set(port, child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-1000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new PortExit(`redis-server on ${port} exited (${code ?? signal}): ${output.trim()}`))));
    exited.catch(() => undefined);
    await Promise.race([answers(port), exited]);
  }

  /**
   * Like spawn, on ports chosen just now: a port found free may be taken (by any outgoing
   * connection) before redis-server binds it, so an exit at start is retried on new ports.
   */
  async spawnOnFreePorts(count: number, args: (...ports: number[]) => string[], answers?: (port: number) => Promise<void>): Promise<number[]> {
    for (let attempt = 1; ; attempt++) {
      const ports: number[] = [];
      for (let i = 0; i < count; i++) ports.push(await freePort());
      try {
        await this.spawn(ports[0], args(...ports), answers);
        return ports;
      } catch (err) {
        this.children.delete(ports[0]);
        if (!(err instanceof PortExit) || attempt === 5 || /tls|bad directive/i.test(err.message)) throw err;
      }
    }
  }

  /** SIGKILL: a crash, no goodbye to replicas or sentinels. */
  async kill(port: number): Promise<void> {
    const child = this.children.get(port);
    this.children.delete(port);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.children.keys()].map((port) => this.kill(port)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Runs `start`; on failure nothing is left behind. */
  async guard<T>(start: () => Promise<T>): Promise<T> {
    try {
      return await start();
    } catch (err) {
      await this.dispose();
      throw err;
    }
  }
}

const dataArgs = (dir: string, port: number) => [
  '--port', String(port), '--bind', HOST, '--protected-mode', 'no', '--dir', dir, '--dbfilename', `dump-${port}.rdb`,
  '--save', '', '--appendonly', 'no', '--loglevel', 'warning',
];

export interface SentinelTopology {
  name: string;
  /** `redis+sentinel://127.0.0.1:s1,…/mymaster`: what REDIS_URL would be. */
  url: string;
  sentinels: number[];
  /** The data servers (the first started as master). */
  servers: number[];
  /** The master, as every sentinel names it (they must agree). */
  master(): Promise<number>;
  /** SENTINEL FAILOVER (no waiting); returns the master being replaced. */
  requestFailover(): Promise<number>;
  /** Resolves once every sentinel names a master other than `from` and it accepts writes. */
  switched(from: number): Promise<{ from: number; to: number }>;
  /** Both of the above. */
  failover(): Promise<{ from: number; to: number }>;
  /** SIGKILL: a crash, no goodbye to replicas or sentinels. */
  kill(port: number): Promise<void>;
  dispose(): Promise<void>;
}

/** A master, its replica and 1–3 sentinels (quorum: a majority), all agreeing and in sync. */
export async function startSentinel(options: { sentinels?: number; name?: string } = {}): Promise<SentinelTopology> {
  const name = options.name ?? 'mymaster';
  const count = options.sentinels ?? 3;
  const lab = new Lab();
  return lab.guard(async () => {
    const [master] = await lab.spawnOnFreePorts(1, (p) => dataArgs(lab.dir, p));
    const [replica] = await lab.spawnOnFreePorts(1, (p) => [...dataArgs(lab.dir, p), '--replicaof', HOST, String(master)]);
    await until('the replica to sync', async () => fields(await command(replica, 'INFO', 'replication')).master_link_status === 'up');

    const sentinels: number[] = [];
    for (let i = 0; i < count; i++) {
      // Sentinel rewrites its config file: one writable file each.
      const [port] = await lab.spawnOnFreePorts(1, (port) => {
        const file = path.join(lab.dir, `sentinel-${port}.conf`);
        writeFileSync(file, [
          `port ${port}`, `bind ${HOST}`, 'protected-mode no', `dir ${lab.dir}`, 'loglevel warning',
          `sentinel monitor ${name} ${HOST} ${master} ${Math.floor(count / 2) + 1}`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 10000`,
        ].join('\n') + '\n');
        return [file, '--sentinel'];
      });
      sentinels.push(port);
    }

    const addrOf = async (sentinel: number) => {
      const [host, port] = (await command(sentinel, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as [string, string];
      return host === HOST ? Number(port) : undefined;
    };
    const agreedMaster = async () => {
      const seen = await Promise.all(sentinels.map(addrOf));
      return seen.every((p) => p !== undefined && p === seen[0]) ? seen[0] : undefined;
    };
    // Ready: each sentinel knows the master, a healthy replica to promote, and the other sentinels.
    const knowsAll = async (sentinel: number, m: number) => {
      if ((await addrOf(sentinel)) !== m) return false;
      const replicas = ((await command(sentinel, 'SENTINEL', 'REPLICAS', name)) as string[][]).map(fields);
      const others = (await command(sentinel, 'SENTINEL', 'SENTINELS', name)) as unknown[];
      return replicas.some((r) => r.flags === 'slave' && r['master-link-status'] === 'ok') && others.length === count - 1;
    };
    await until('the sentinels to know the master, its replica and each other', async () =>
      (await Promise.all(sentinels.map((s) => knowsAll(s, master)))).every(Boolean), 20_000);

    const masterNow = () => until('the sentinels to agree on the master', agreedMaster, 5000);
    const requestFailover = async () => {
      const from = await masterNow();
      await command(sentinels[0], 'SENTINEL', 'FAILOVER', name);
      return from;
    };
    const switched = async (from: number) => {
      const to = await until('every sentinel to name the promoted replica', async () => {
        const m = await agreedMaster();
        return m !== from && m;
      }, 20_000);
      await until('the new master to take writes', async () => fields(await command(to, 'INFO', 'replication')).role === 'master');
      return { from, to };
    };
    return {
      name, sentinels, servers: [master, replica],
      url: `redis+sentinel://${sentinels.map((p) => `${HOST}:${p}`).join(',')}/${name}`,
      master: masterNow,
      requestFailover,
      switched,
      failover: async () => switched(await requestFailover()),
      kill: (port) => lab.kill(port),
      dispose: () => lab.dispose(),
    };
  });
}

export interface ClusterTopology {
  /** `redis+cluster://127.0.0.1:p1,…` (the masters as seeds): what REDIS_URL would be. */
  url: string;
  masters: number[];
  replicas: number[];
  /** The master serving a slot, from CLUSTER SLOTS as a live node sees it. */
  ownerOf(slot: number): Promise<number>;
  /** The slot of a key (CLUSTER KEYSLOT on a live node). */
  slotOf(key: string): Promise<number>;
  /**
   * Resolves once a master `from` (killed) is replaced: every live node reports the cluster ok and
   * names another master for `slot`, which takes writes. Returns that master.
   */
  failedOver(from: number, slot: number): Promise<number>;
  /** SIGKILL: a crash, no goodbye to its replica or the other nodes. */
  kill(port: number): Promise<void>;
  dispose(): Promise<void>;
}

/** A cluster of `masters` (≥ 3) masters with `replicas` replicas each, every node reporting state ok. */
export async function startCluster(options: { masters?: number; replicas?: number } = {}): Promise<ClusterTopology> {
  const masters = options.masters ?? 3;
  const replicas = options.replicas ?? 0;
  const lab = new Lab();
  return lab.guard(async () => {
    const nodes: number[] = [];
    for (let i = 0; i < masters * (1 + replicas); i++) {
      // The bus port defaults to port + 10000, which may be taken or out of range: choose one.
      const [port] = await lab.spawnOnFreePorts(2, (port, bus) => [
        ...dataArgs(lab.dir, port), '--cluster-enabled', 'yes', '--cluster-config-file', path.join(lab.dir, `nodes-${port}.conf`),
        '--cluster-port', String(bus), '--cluster-node-timeout', '2000',
      ]);
      nodes.push(port);
    }
    await promisify(execFile)(REDIS_CLI, [
      '--cluster', 'create', ...nodes.map((p) => `${HOST}:${p}`), '--cluster-replicas', String(replicas), '--cluster-yes',
    ], { timeout: 30_000 });
    await until('every node to report the cluster ok', async () => {
      const infos = await Promise.all(nodes.map(async (p) => fields(await command(p, 'CLUSTER', 'INFO'))));
      return infos.every((i) => i.cluster_state === 'ok' && i.cluster_slots_ok === '16384' && Number(i.cluster_known_nodes) === nodes.length);
    }, 20_000);

    // redis-cli makes the first `masters` nodes masters; check rather than assume.
    const roles = await Promise.all(nodes.map(async (p) => fields(await command(p, 'INFO', 'replication')).role));
    // A replica counts once it has synced (a cluster reports ok before that): a failover needs it.
    await until('every replica to sync with its master', async () =>
      (await Promise.all(nodes.filter((_, i) => roles[i] !== 'master').map(async (p) =>
        fields(await command(p, 'INFO', 'replication')).master_link_status === 'up'))).every(Boolean), 20_000);
    const dead = new Set<number>();
    const live = () => nodes.filter((p) => !dead.has(p));
    const ownerOf = async (slot: number) => {
      const ranges = (await command(live()[0], 'CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      if (!range) throw new Error(`slot ${slot} is not served`);
      return Number(range[2][1]);
    };
    const failedOver = async (from: number, slot: number) => {
      // In this order: until the node is marked failed (the node timeout), the cluster still reports ok.
      const to = await until(`a master other than ${from} to serve slot ${slot}`, async () => {
        const owner = await ownerOf(slot);
        return owner !== from && !dead.has(owner) && owner;
      }, 20_000);
      await until('every live node to report the cluster ok again', async () =>
        (await Promise.all(live().map(async (p) => fields(await command(p, 'CLUSTER', 'INFO')).cluster_state))).every((s) => s === 'ok'), 20_000);
      await until('the promoted replica to take writes', async () => fields(await command(to, 'INFO', 'replication')).role === 'master');
      return to;
    };
    return {
      url: `redis+cluster://${nodes.filter((_, i) => roles[i] === 'master').map((p) => `${HOST}:${p}`).join(',')}`,
      masters: nodes.filter((_, i) => roles[i] === 'master'),
      replicas: nodes.filter((_, i) => roles[i] !== 'master'),
      ownerOf,
      slotOf: async (key) => Number(await command(live()[0], 'CLUSTER', 'KEYSLOT', key)),
      failedOver,
      kill: async (port) => {
        dead.add(port);
        await lab.kill(port);
      },
      dispose: () => lab.dispose(),
    };
  });
}

export interface TlsRedis {
  /** `rediss://127.0.0.1:port`: the only way in (the plain port is off). */
  url: string;
  port: number;
  /** The CA that signed the server's certificate (PEM file). */
  caFile: string;
  /** Another CA, which signed nothing the server presents. */
  otherCaFile: string;
  dispose(): Promise<void>;
}

const run = promisify(execFile);

/**
 * A redis-server speaking only TLS, with a throwaway CA and a server certificate for 127.0.0.1
 * made by `openssl` in its temp dir. In a mocha hook: without openssl or a redis-server built
 * with TLS the suite is skipped — except on CI, where that is a failure.
 */
export async function startTlsRedis(ctx: Mocha.Context): Promise<TlsRedis> {
  const missing = (why: string): never => {
    const message = `Redis TLS test: ${why}`;
    if (process.env.CI === 'true') throw new Error(message);
    ctx.skip();
  };
  if (!hasRedisBinary()) missing(`no ${REDIS_BINARY} binary`);
  if (spawnSync('openssl', ['version']).error) missing('no openssl binary to make the certificates');
  const lab = new Lab();
  const file = (name: string) => path.join(lab.dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  return lab.guard(async () => {
    for (const ca of ['ca', 'other-ca']) {
      await run('openssl', ['req', '-x509', ...ec, '-keyout', file(`${ca}.key`), '-out', file(`${ca}.crt`), '-days', '2', '-subj', `/CN=Mobility Concierge test ${ca}`]);
    }
    writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
    await run('openssl', ['req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1']);
    await run('openssl', ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
      '-out', file('server.crt'), '-days', '2', '-extfile', file('server.ext')]);
    const ca = readFileSync(file('ca.crt'));
    const answers = async (port: number) => until('redis to answer over TLS', async () => {
      const client = new Redis({ host: HOST, port, tls: { ca }, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    }, 10_000).then(() => undefined);
    let port: number;
    try {
      [port] = await lab.spawnOnFreePorts(1, (p) => [
        ...dataArgs(lab.dir, 0), '--tls-port', String(p), '--tls-cert-file', file('server.crt'), '--tls-key-file', file('server.key'),
        '--tls-ca-cert-file', file('ca.crt'), '--tls-auth-clients', 'no',
      ], answers);
    } catch (err) {
      if (err instanceof PortExit && /tls|bad directive/i.test(err.message)) missing(`${REDIS_BINARY} has no TLS support (${err.message})`);
      throw err;
    }
    return {
      url: `rediss://${HOST}:${port}`, port, caFile: file('ca.crt'), otherCaFile: file('other-ca.crt'), dispose: () => lab.dispose(),
    };
  });
}
