/**
 * `REDIS_URL` → an ioredis client for a single Redis, Sentinel or Cluster:
 *
 *   redis://[[user]:password@]host:6379[/db]              single (rediss:// for TLS)
 *   redis+sentinel://[[user]:password@]host1:26379,host2:26379/mymaster[/db][?sentinelPassword=…&sentinelUsername=…]
 *   redis+cluster://[[user]:password@]host1:6379,host2:6379 (rediss+… for TLS in both)
 *
 * With TLS the server certificate is verified against `tlsCa` (REDIS_TLS_CA_FILE) or the system's
 * CAs; a refusal is reported saying so, and the client keeps retrying like any connection error.
 * Calls fail fast while Redis is unreachable (no offline queue, one retry), so a turn answers
 * politely instead of hanging; the client reconnects forever with capped, jittered back-off.
 * @module
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';

export interface ConnectOptions {
  /** Connection errors (reported once per distinct message until the next successful connect). */
  onError?: (err: Error) => void;
  /** A command not answered within this is failed (a hung or slow Redis). */
  commandTimeoutMs?: number;
  /** rediss://: the CA(s) that signed the server certificates (PEM); default: the system's trusted CAs. */
  tlsCa?: string | Buffer;
}

export interface ParsedRedisUrl {
  kind: 'single' | 'sentinel' | 'cluster';
  tls: boolean;
  hosts: { host: string; port: number }[];
  username?: string;
  password?: string;
  /** Sentinel: the master group name. */
  name?: string;
  db?: number;
  params: URLSearchParams;
}

const MULTI = /^(rediss?)\+(sentinel|cluster):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]+)(?:\/([^/?]*))?(?:\/(\d+))?(?:\?(.*))?$/;

export function parseRedisUrl(url: string): ParsedRedisUrl {
  const m = MULTI.exec(url);
  if (!m) {
    const u = new URL(url);
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL: unsupported scheme "${u.protocol}"`);
    return {
      kind: 'single', tls: u.protocol === 'rediss:', hosts: [{ host: u.hostname || 'localhost', port: Number(u.port || 6379) }],
      username: u.username ? decodeURIComponent(u.username) : undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
      params: u.searchParams,
    };
  }
  const [, scheme, kind, user, pass, hostList, nameOrDb, db, query] = m;
  const defaultPort = kind === 'sentinel' ? 26379 : 6379;
  const hosts = hostList.split(',').map((h) => {
    const at = h.lastIndexOf(':');
    return at > 0 ? { host: h.slice(0, at), port: Number(h.slice(at + 1)) } : { host: h, port: defaultPort };
  });
  if (kind === 'sentinel' && !nameOrDb) throw new Error('REDIS_URL: a Sentinel URL must name the master: redis+sentinel://host:26379/mymaster');
  return {
    kind: kind as 'sentinel' | 'cluster', tls: scheme === 'rediss', hosts,
    username: user ? decodeURIComponent(user) : undefined,
    password: pass ? decodeURIComponent(pass) : undefined,
    name: kind === 'sentinel' ? nameOrDb : undefined,
    db: kind === 'sentinel' && db ? Number(db) : undefined,
    params: new URLSearchParams(query ?? ''),
  };
}

/** Reconnect forever: 100 ms doubling to 3 s, with jitter so instances don't stampede. */
const backoff = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 3000) + Math.floor(Math.random() * 100);

export function connectRedis(url: string, options: ConnectOptions = {}): Redis | Cluster {
  const p = parseRedisUrl(url);
  const common: RedisOptions = {
    username: p.username,
    password: p.password,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    retryStrategy: backoff,
    // After a failover the old master turns replica (READONLY): reconnect and resend.
    reconnectOnError: (err) => (/READONLY|LOADING/.test(err.message) ? 2 : false),
    ...(p.tls ? { tls: tlsOptions(options) } : {}),
    // Commands issued in the same tick (many conversations' turns under load) share one write.
    enableAutoPipelining: true,
  };
  let client: Redis | Cluster;
  if (p.kind === 'cluster') {
    client = new Cluster(p.hosts, { redisOptions: common, enableOfflineQueue: false, enableAutoPipelining: true, clusterRetryStrategy: backoff });
  } else if (p.kind === 'sentinel') {
    client = new Redis({
      ...common,
      sentinels: p.hosts,
      name: p.name,
      db: p.db,
      sentinelUsername: p.params.get('sentinelUsername') ?? undefined,
      sentinelPassword: p.params.get('sentinelPassword') ?? undefined,
      enableTLSForSentinelMode: p.tls,
      ...(p.tls ? { sentinelTLS: tlsOptions(options) } : {}),
      failoverDetector: true,
    });
  } else {
    client = new Redis({ ...common, host: p.hosts[0].host, port: p.hosts[0].port, db: p.db });
  }
  watchErrors(client, p.tls ? (err) => options.onError?.(explainTls(err)) : options.onError);
  return client;
}

const tlsOptions = (options: ConnectOptions) => (options.tlsCa ? { ca: options.tlsCa } : {});

/** Node's codes for a server certificate that does not verify (untrusted CA, self-signed, wrong name, expired). */
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/;

/** A certificate refusal says what to do about it; the code stays. Other errors pass as they are. */
function explainTls(err: Error): Error {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !CERTIFICATE.test(code)) return err;
  const explained = new Error(`Redis TLS: the server's certificate is not trusted (${err.message}); REDIS_TLS_CA_FILE must name the CA that signed it`);
  return Object.assign(explained, { code });
}

/** ioredis emits 'error' on every failed reconnect: always listen, report each kind once. */
function watchErrors(client: Redis | Cluster, onError: ConnectOptions['onError']): void {
  let last = '';
  const report = (err: Error) => {
    if (err?.message === last) return;
    last = err?.message ?? '';
    onError?.(err);
  };
  client.on('error', report);
  client.on('node error', report);
  client.on('ready', () => (last = ''));
}
