/**
 * Work accepted by the webhook (already answered 200) and not yet done: one conversation's
 * messages in arrival order, so replies never overtake each other; different conversations in
 * parallel. Shutdown waits for it (`drain`) so that an accepted message is not dropped.
 * @module
 */
import { KeyedMutex } from '../../engine/keyed-mutex';

export class TurnQueue {
  private readonly mutex = new KeyedMutex();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown, key: string) => void) {}

  get size(): number {
    return this.pending.size;
  }

  enqueue(key: string, task: () => Promise<void>): void {
    const done = this.mutex.run(key, task).catch((err) => this.onError(err, key));
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  /** Resolves once nothing is pending (work queued meanwhile included), or after `timeoutMs`. */
  async drain(timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.pending]), new Promise((r) => (timer = setTimeout(r, left)))]);
      clearTimeout(timer);
    }
    return true;
  }
}
