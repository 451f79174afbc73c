/**
 * One task at a time per key, in arrival order, within this process. (Across instances the
 * session store's lock does the same; see issue #4.)
 * @module
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` after the key's earlier tasks; the next one starts when it ends, or as soon as it calls `release`. */
  run<T>(key: string, task: (release: () => void) => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const result = previous.then(() => task(release));
    void result.then(release, release);
    this.tails.set(key, released);
    void released.then(() => {
      if (this.tails.get(key) === released) this.tails.delete(key);
    });
    return result;
  }
}
