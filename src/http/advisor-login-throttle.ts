/**
 * How often advisor sign-ins may fail: per account (the id as typed, known or not, so an unknown
 * id is answered like a known one) and per client address, over a 15-minute window
 * (ADVISOR_LOGIN_FAILURES_PER_ACCOUNT, ADVISOR_LOGIN_FAILURES_PER_ADDRESS). The failure that
 * reaches a limit blocks its key for a minute; every failure after a block doubles the next one,
 * up to an hour. Counted in the shared store (Redis when there is one), so every instance agrees.
 *
 * The account's block would let anyone who knows an advisor's id keep them out for good (a few
 * wrong passwords an hour). So an address the account has signed in from (in the last
 * KNOWN_ADDRESS_DAYS) is not held by it: there the account and that address have a count of
 * their own, with the same limit and back-off. Guesses from anywhere else still stop at the
 * account's limit, and every address keeps its own limit across accounts.
 * @module
 */
import type { RateLimit, RateLimits, Verdict } from '../limits/rate-limits';

export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const FIRST_BLOCK_SECONDS = 60;
export const MAX_BLOCK_SECONDS = 60 * 60;
// Blocks are remembered this long for the doubling; a success forgets an account's at once.
const BLOCK_MEMORY_SECONDS = 24 * 60 * 60;
const BLOCKS_COUNTED = 1000;
// Under 24.8 days: the memory limiter keeps a key with a timer, and Node's timers stop there.
export const KNOWN_ADDRESS_DAYS = 14;

export interface LoginThrottleRule {
  perAccount: number;
  perAddress: number;
  /** A key was just blocked (for the log). */
  onBlock?: (kind: 'account' | 'address', key: string, seconds: number) => void;
}

/** A sign-in attempt, counted against its account before the password check. */
export type Attempt =
  | { allowed: false; retryAfterSeconds: number }
  | { allowed: true; failed(): Promise<void>; succeeded(): Promise<void> };

export class LoginThrottle {
  private readonly accounts: FailureCount;
  private readonly addresses: FailureCount;
  /** Failures of an account at an address it signed in from before (key: account, address). */
  private readonly atKnown: FailureCount;
  /** Where each account has signed in (key: account, address): peeked, never refused. */
  private readonly known: RateLimit;

  constructor(limits: RateLimits, rule: LoginThrottleRule) {
    const onBlock = (kind: 'account' | 'address') => (key: string, seconds: number) => rule.onBlock?.(kind, key, seconds);
    this.accounts = new FailureCount(limits, 'advisor-login-account', rule.perAccount, onBlock('account'));
    this.addresses = new FailureCount(limits, 'advisor-login-address', rule.perAddress, onBlock('address'));
    this.atKnown = new FailureCount(limits, 'advisor-login-known-address', rule.perAccount, onBlock('account'));
    this.known = limits('advisor-login-signed-in-from', { points: 1_000_000, durationSeconds: KNOWN_ADDRESS_DAYS * 24 * 3600 });
  }

  /** Seconds the account or the address must still wait (0: it may try). Counts nothing. */
  async wait(account: string, address: string): Promise<number> {
    const { count, key } = await this.countFor(account, address);
    return Math.max(...(await Promise.all([count.wait(key), this.addresses.wait(address)])));
  }

  /**
   * Counts the attempt against the account (or, at a known address, the pair) before its check,
   * so parallel guesses cannot all pass a check made before any of them failed (a success wipes
   * the count anyway). The address is counted on failure only: colleagues signing in from one
   * office spend nothing.
   */
  async attempt(account: string, address: string): Promise<Attempt> {
    const { count, key } = await this.countFor(account, address);
    const counted = await count.count(key);
    if (!counted.allowed) return counted;
    return {
      allowed: true,
      failed: async () => {
        await count.settle(key, counted);
        await this.addresses.settle(address, await this.addresses.count(address));
      },
      // The address keeps its count: a valid account must not clear the way for guesses at others.
      // At a known address only that pair's count goes: guesses elsewhere stay blocked.
      succeeded: async () => {
        await count.forget(key);
        await this.known.take(pair(account, address));
      },
    };
  }

  private async countFor(account: string, address: string): Promise<{ count: FailureCount; key: string }> {
    const key = pair(account, address);
    return (await this.known.peek(key)) ? { count: this.atKnown, key } : { count: this.accounts, key: account };
  }
}

function pair(account: string, address: string): string {
  return `${address} ${account}`;
}

/** One kind of key: its failures in the window, and its past blocks (for the doubling). */
class FailureCount {
  private readonly failures: RateLimit;
  private readonly blocks: RateLimit;

  constructor(limits: RateLimits, name: string, private readonly limit: number, private readonly onBlock: (key: string, seconds: number) => void) {
    this.failures = limits(name, { points: limit, durationSeconds: FAILURE_WINDOW_SECONDS });
    this.blocks = limits(`${name}-blocks`, { points: BLOCKS_COUNTED, durationSeconds: BLOCK_MEMORY_SECONDS });
  }

  async wait(key: string): Promise<number> {
    const used = await this.failures.peek(key);
    return used && used.consumed >= this.limit ? used.retryAfterSeconds : 0;
  }

  count(key: string): Promise<Verdict> {
    return this.failures.take(key);
  }

  /** After a counted failure: the one reaching the limit, or any after a block, blocks the key. */
  async settle(key: string, counted: Verdict): Promise<void> {
    // Counted while already over (a race with the block): that block is running.
    if (!counted.allowed) return;
    if (counted.remaining > 0 && (await this.blocks.peek(key)) === undefined) return;
    const blocks = await this.blocks.take(key);
    const nth = blocks.allowed ? BLOCKS_COUNTED - blocks.remaining : BLOCKS_COUNTED;
    const seconds = Math.min(FIRST_BLOCK_SECONDS * 2 ** (nth - 1), MAX_BLOCK_SECONDS);
    await this.failures.block(key, seconds);
    this.onBlock(key, seconds);
  }

  async forget(key: string): Promise<void> {
    await Promise.all([this.failures.reset(key), this.blocks.reset(key)]);
  }
}
