/**
 * The message ids seen lately by this process: Meta retries a webhook it thinks failed, and a
 * message must be handled once. Bounded. Without Redis only (with it, shared-state.ts keeps them
 * for every instance); the engine's session store de-duplicates too, for every message that reaches it.
 * @module
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
