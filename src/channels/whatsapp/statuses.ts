/**
 * Delivery statuses of the messages we sent (sent → delivered → read, or failed), kept per
 * message id. Webhooks can arrive out of order, so a later stage never goes back to an earlier
 * one. Bounded: the oldest ids are forgotten first.
 * @module
 */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusRecord {
  status: DeliveryStatus;
  at: Date;
  recipient?: string;
  errors?: { code?: number; title?: string }[];
}

const RANK: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

export class StatusLog {
  private readonly byId = new Map<string, StatusRecord>();

  constructor(private readonly capacity = 10_000) {}

  /** Returns whether the record moved forward (an older status arriving late changes nothing). */
  record(id: string, next: StatusRecord): boolean {
    const current = this.byId.get(id);
    if (current && RANK[current.status] >= RANK[next.status]) return false;
    this.byId.delete(id);
    this.byId.set(id, next);
    if (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value!);
    return true;
  }

  get(id: string): StatusRecord | undefined {
    return this.byId.get(id);
  }
}

export function isDeliveryStatus(s: unknown): s is DeliveryStatus {
  return typeof s === 'string' && s in RANK;
}
