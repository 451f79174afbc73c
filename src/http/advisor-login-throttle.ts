/**
 * How often advisor sign-ins may fail: per account (the id as typed, known or not, so an unknown
 * id is answered like a known one) and per client address, over a 15-minute window
 * (ADVISOR_LOGIN_FAILURES_PER_ACCOUNT, ADVISOR_LOGIN_FAILURES_PER_ADDRESS). The failure that
 * reaches a limit blocks its key for a minute; every failure after a block doubles the next one,
 * up to an hour. Counted in the shared store (Redis when there is one), so every instance agrees.
 * @module
 */
import type { RateLimit, RateLimits, Verdict } from '../limits/rate-limits';

export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const FIRST_BLOCK_SECONDS = 60;
export const MAX_BLOCK_SECONDS = 60 * 60;
// Blocks are remembered this long for the doubling; a success forgets an account's at once.
const BLOCK_MEMORY_SECONDS = 24 * 60 * 60;
const BLOCKS_COUNTED = 1000;

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

  constructor(limits: RateLimits, rule: LoginThrottleRule) {
    const onBlock = (kind: 'account' | 'address') => (key: string, seconds: number) => rule.onBlock?.(kind, key, seconds);
    this.accounts = new FailureCount(limits, 'advisor-login-account', rule.perAccount, onBlock('account'));
    this.addresses = new FailureCount(limits, 'advisor-login-address', rule.perAddress, onBlock('address'));
  }

  /** Seconds the account or the address must still wait (0: it may try). Counts nothing. */
  async wait(account: string, address: string): Promise<number> {
    return Math.max(...(await Promise.all([this.accounts.wait(account), this.addresses.wait(address)])));
  }

  /**
   * Counts the attempt against the account before its check, so parallel guesses cannot all
   * pass a check made before any of them failed (a success wipes the count anyway). The
   * address is counted on failure only: colleagues signing in from one office spend nothing.
   */
  async attempt(account: string, address: string): Promise<Attempt> {
    const counted = await this.accounts.count(account);
    if (!counted.allowed) return counted;
    return {
      allowed: true,
      failed: async () => {
        await this.accounts.settle(account, counted);
        await this.addresses.settle(address, await this.addresses.count(address));
      },
      // The address keeps its count: a valid account must not clear the way for guesses at others.
      succeeded: () => this.accounts.forget(account),
    };
  }
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
