/**
 * Advisor accounts from the configuration, and their passwords: scrypt hashes written as
 * `scrypt$N$r$p$salt$hash` (salt and hash base64url), compared in constant time. An unknown
 * account costs the same scrypt as a known one, so timing does not tell which ids exist.
 * @module
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Advisor } from './handoff-service';

export interface AdvisorAccount extends Advisor {
  passwordHash: string;
}

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));

const DEFAULTS = { N: 2 ** 15, r: 8, p: 1 };

export async function hashPassword(password: string, params = DEFAULTS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { ...params, maxmem: 256 * params.N * params.r });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { ...params, maxmem: 256 * params.N * params.r });
  return timingSafeEqual(key, expected);
}

export class AdvisorDirectory {
  private readonly byId: Map<string, AdvisorAccount>;
  private decoy?: Promise<string>;

  constructor(accounts: AdvisorAccount[]) {
    this.byId = new Map(accounts.map((a) => [a.id, a]));
  }

  get size(): number {
    return this.byId.size;
  }

  find(id: string): Advisor | undefined {
    const a = this.byId.get(id);
    return a && { id: a.id, name: a.name, siteId: a.siteId };
  }

  /** The advisor when the password is theirs; undefined otherwise, in about the same time. */
  async authenticate(id: string, password: string): Promise<Advisor | undefined> {
    const account = this.byId.get(id);
    const stored = account?.passwordHash ?? (await (this.decoy ??= hashPassword(randomBytes(16).toString('hex'))));
    const ok = await verifyPassword(password, stored).catch(() => false);
    return ok && account ? this.find(id) : undefined;
  }
}
