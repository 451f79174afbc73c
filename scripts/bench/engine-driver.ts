/**
 * The bench's customers through `engine.handle` in process (no HTTP), for the profiling helpers
 * (profile-engine.ts, phases.ts, alloc-engine.ts): customer numbers [from, to), one after the other.
 */
import type { TurnEngine } from '../../src/engine/turn-engine';
import { customer, type Reply } from './customers';

/** The bench's fixed clock: Monday 30 November 2026, 09:00 in Modena. */
export const BENCH_NOW = new Date('2026-11-30T08:00:00Z');

export async function driveCustomers(engine: TurnEngine, from: number, to: number, prefix = 'drive'): Promise<{ turns: number; booked: number }> {
  let turns = 0;
  let booked = 0;
  for (let i = from; i < to; i++) {
    const c = customer(i, `${prefix}-${i}`);
    let last: Reply | undefined;
    for (let turn = 0; ; turn++) {
      const m = c.next(last, turn);
      if (!m) break;
      const out = await engine.handle(m.type === 'conversationUpdate'
        ? { conversationId: c.conversation, kind: 'start', locale: 'it-IT' }
        : { conversationId: c.conversation, kind: 'message', text: m.text, locale: 'it-IT', messageId: `${c.conversation}-${turn}` });
      turns++;
      last = { activities: out.messages.map((msg) => ({ text: msg.text, channelData: { awaiting: msg.awaiting, booking: msg.booking } })) };
    }
    if (c.booked) booked++;
  }
  return { turns, booked };
}
