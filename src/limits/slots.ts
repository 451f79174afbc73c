/**
 * A fixed number of places, per key and in all: open event streams, password checks running at
 * once. A caller who finds no place is refused (503), nobody already in is pushed out. Per
 * process by nature: what it counts (connections, CPU) belongs to this instance.
 * @module
 */
export class Slots {
  private readonly byKey = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { perKey: number; total: number }) {}

  /** A place for `key`, released by the returned function (once); undefined when full. */
  enter(key = ''): (() => void) | undefined {
    const held = this.byKey.get(key) ?? 0;
    if (held >= this.limits.perKey || this.total >= this.limits.total) return undefined;
    this.byKey.set(key, held + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byKey.get(key) ?? 1) - 1;
      if (left > 0) this.byKey.set(key, left);
      else this.byKey.delete(key);
    };
  }

  get size(): number {
    return this.total;
  }
}
