/**
 * Advisors' console sessions, shared by every instance (Redis when configured, beside the
 * conversations). Only a hash of the session token is stored; each session carries its CSRF
 * token and expires on its own (PX in Redis, checked on read in memory).
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

export interface AdvisorSession {
  advisorId: string;
  /** Sent back by the console in a header on every POST. */
  csrf: string;
  expiresAt: number;
}

export interface AdvisorSessionStore {
  /** A new session; returns the secret token that goes in the cookie. */
  create(advisorId: string, ttlMs: number): Promise<{ token: string; session: AdvisorSession }>;
  get(token: string): Promise<AdvisorSession | undefined>;
  delete(token: string): Promise<void>;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

export function createMemoryAdvisorSessions(clock: () => number = Date.now): AdvisorSessionStore {
  const sessions = new Map<string, AdvisorSession>();
  return {
    async create(advisorId, ttlMs) {
      for (const [k, s] of sessions) if (s.expiresAt <= clock()) sessions.delete(k);
      const token = secret();
      const session = { advisorId, csrf: secret(), expiresAt: clock() + ttlMs };
      sessions.set(hashOf(token), session);
      return { token, session };
    },
    async get(token) {
      const s = sessions.get(hashOf(token));
      if (s && s.expiresAt <= clock()) sessions.delete(hashOf(token));
      return s && s.expiresAt > clock() ? { ...s } : undefined;
    },
    async delete(token) {
      sessions.delete(hashOf(token));
    },
  };
}

export function createRedisAdvisorSessions(redis: Redis | Cluster, prefix: string, clock: () => number = Date.now): AdvisorSessionStore {
  const key = (token: string) => `${prefix}advisor-session:${hashOf(token)}`;
  return {
    async create(advisorId, ttlMs) {
      const token = secret();
      const session = { advisorId, csrf: secret(), expiresAt: clock() + ttlMs };
      await redis.set(key(token), JSON.stringify(session), 'PX', ttlMs);
      return { token, session };
    },
    async get(token) {
      const json = await redis.get(key(token));
      const s = json ? (JSON.parse(json) as AdvisorSession) : undefined;
      return s && s.expiresAt > clock() ? s : undefined;
    },
    async delete(token) {
      await redis.del(key(token));
    },
  };
}
