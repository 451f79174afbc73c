/**
 * Fault injection for the DMS stand-in: what a real DMS, its proxy or the network do to a
 * request, so the client's timeouts, retries and breaker can be proven without timing asserts.
 * @module
 */

export type Fault =
  /** Answer this status (e.g. 503, or 429 with Retry-After) without applying the request. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Never answer; with `commit` the request is applied first (the answer is what is lost). */
  | { kind: 'hang'; commit?: boolean }
  /** Destroy the connection; with `commit` after applying the request (a lost confirmation). */
  | { kind: 'reset'; commit?: boolean }
  /** Answer 200 (or `status`) with this raw body instead: not JSON, or JSON off the contract. */
  | { kind: 'garbage'; body: string; status?: number };

interface Armed {
  fault: Fault;
  remaining: number;
  /** Only requests whose path starts with this (e.g. '/reservations'). */
  pathPrefix?: string;
  method?: string;
}

export function createFaults() {
  const armed: Armed[] = [];
  let chaos: { every: number; faults: Fault[]; seen: number; hit: Set<string> } | undefined;
  return {
    /**
     * Every `every`-th request suffers the next of `faults` in turn; a request identical to one
     * that just suffered (its retry) gets through, so that bounded retries always suffice.
     */
    chaos(every: number, faults: Fault[]) {
      chaos = { every, faults, seen: 0, hit: new Set() };
    },
    /** The next `times` matching requests suffer `fault`. */
    inject(fault: Fault, match: { times?: number; pathPrefix?: string; method?: string } = {}) {
      armed.push({ fault, remaining: match.times ?? 1, pathPrefix: match.pathPrefix, method: match.method });
    },
    /** The fault for this request, if one is armed (consumed). */
    take(method: string, path: string, fingerprint = `${method} ${path}`): Fault | undefined {
      if (chaos && !chaos.hit.delete(fingerprint) && ++chaos.seen % chaos.every === 0) {
        chaos.hit.add(fingerprint);
        return chaos.faults[(chaos.seen / chaos.every) % chaos.faults.length];
      }
      const found = armed.find(
        (a) => a.remaining > 0 && (!a.pathPrefix || path.startsWith(a.pathPrefix)) && (!a.method || a.method === method),
      );
      if (!found) return undefined;
      found.remaining -= 1;
      if (found.remaining === 0) armed.splice(armed.indexOf(found), 1);
      return found.fault;
    },
    clear() {
      armed.length = 0;
      chaos = undefined;
    },
  };
}
