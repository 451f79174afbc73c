/**
 * Slots stored as short tuples (#15, src/engine/slot-code.ts): minutes counted from the
 * conversation's `now`, the offset written only where it changes, the solution only where it
 * differs from the slot before. What would not come back exactly is not coded.
 */
import assert from 'node:assert/strict';
import type { Slot } from '../../dialogs/model';
import { slotCode, slotOf } from '../../src/engine/slot-code';

const NOW = '2026-11-30T09:00:00+01:00';
const slot = (solution: string, appointmentAt: string, handoverAt: string, returnAt: string) => ({ solution, appointmentAt, handoverAt, returnAt }) as Slot;

describe('slots stored as short tuples (#15)', () => {
  it('counts minutes from now, from the appointment and from the handover', () => {
    const s = slot('public-transport', '2026-12-01T11:00:00+01:00', '2026-12-01T11:30:00+01:00', '2026-12-01T12:30:00+01:00');
    const code = slotCode(s, NOW);
    assert.deepEqual(code, ['public-transport', 1560, 30, 60]);
    assert.deepEqual(slotOf(code!, NOW), s);
    assert.equal(JSON.stringify(slotOf(code!, NOW)), JSON.stringify(s), 'keys in their order');
  });

  it('leaves out the solution when the slot before has the same', () => {
    const first = slot('taxi', '2026-12-01T11:00:00+01:00', '2026-12-01T11:00:00+01:00', '2026-12-01T12:00:00+01:00');
    const next = slot('taxi', '2026-12-02T11:00:00+01:00', '2026-12-02T11:00:00+01:00', '2026-12-02T12:00:00+01:00');
    const other = slot('courtesy-maserati', '2026-12-02T11:00:00+01:00', '2026-12-02T11:00:00+01:00', '2026-12-04T17:00:00+01:00');
    assert.deepEqual(slotCode(next, NOW, first), [3000, 0, 60]);
    assert.deepEqual(slotOf([3000, 0, 60], NOW, first), next);
    assert.deepEqual(slotCode(other, NOW, first), ['courtesy-maserati', 3000, 0, 3240]);
  });

  it('writes the offset where summer time starts or ends', () => {
    const summer = slot('courtesy-maserati', '2027-03-26T09:00:00+01:00', '2027-03-26T09:00:00+01:00', '2027-03-29T17:00:00+02:00');
    const code = slotCode(summer, NOW)!;
    assert.equal(typeof code[3], 'string');
    assert.deepEqual(slotOf(code, NOW), summer);
    const june = slot('taxi', '2027-06-15T10:00:00+02:00', '2027-06-15T10:00:00+02:00', '2027-06-15T11:00:00+02:00');
    assert.deepEqual(slotOf(slotCode(june, NOW)!, NOW), june);
    // a conversation whose clock is in summer time, a slot in winter
    assert.deepEqual(slotOf(slotCode(june, '2027-01-10T09:00:00+01:00')!, '2027-01-10T09:00:00+01:00'), june);
    assert.deepEqual(slotOf(slotCode(summer, '2027-06-01T12:00:00+02:00')!, '2027-06-01T12:00:00+02:00'), summer);
  });

  it('counts from the minute of a clock with seconds', () => {
    const now = '2026-11-30T09:12:34.567+01:00';
    const s = slot('taxi', '2026-12-01T11:00:00+01:00', '2026-12-01T11:00:00+01:00', '2026-12-01T12:00:00+01:00');
    assert.deepEqual(slotOf(slotCode(s, now)!, now), s);
  });

  it('counts as Date does, over a century and in any offset', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const iso = (minute: number, offset: number) => {
      const sign = offset < 0 ? '-' : '+';
      const o = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
      return `${new Date((minute + offset) * 60_000).toISOString().slice(0, 19)}${o}`;
    };
    for (let i = 0; i < 2_000; i++) {
      const now = Math.floor(random() * 130 * 525_600); // 1970–2100
      const offsets = [0, 60, 120, -300, 330, 345, -570];
      const pick = () => offsets[Math.floor(random() * offsets.length)];
      const a = now + Math.floor(random() * 200_000);
      const h = a + Math.floor(random() * 120);
      const r = h + Math.floor(random() * 20_000);
      const s = slot('taxi', iso(a, pick()), iso(h, pick()), iso(r, pick()));
      const nowIso = iso(now, pick());
      const code = slotCode(s, nowIso)!;
      assert.deepEqual(slotOf(code, nowIso), s, JSON.stringify({ s, nowIso, code }));
      assert.equal(parseInt(String(code[1]), 10), a - now);
    }
  });

  it('does not code what would not come back exactly', () => {
    const cases = [
      slot('taxi', '2026-12-01T11:00:30+01:00', '2026-12-01T11:00:30+01:00', '2026-12-01T12:00:00+01:00'), // seconds
      slot('taxi', '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z', '2026-12-01T11:00:00.000Z'), // another format
      slot('taxi', '2026-12-01T11:00+01:00', '2026-12-01T11:00+01:00', '2026-12-01T12:00+01:00'),
      { appointmentAt: '2026-12-01T11:00:00+01:00', solution: 'taxi', handoverAt: '2026-12-01T11:00:00+01:00', returnAt: '2026-12-01T12:00:00+01:00' } as Slot, // key order
      { ...slot('taxi', '2026-12-01T11:00:00+01:00', '2026-12-01T11:00:00+01:00', '2026-12-01T12:00:00+01:00'), legs: 'both' } as Slot, // more than a slot
    ];
    for (const s of cases) assert.equal(slotCode(s, NOW), undefined, JSON.stringify(s));
    assert.equal(slotCode(cases[0], 'not a date'), undefined);
  });

  it('reads nothing from a code that is not one', () => {
    for (const code of [[], [1, 2], ['taxi', 'x', 0, 0], ['taxi', 1.5, 0, 0], ['taxi', 1, 2, 3, 4], ['taxi', 1, '2+1:00', 3]]) {
      assert.equal(slotOf(code as never, NOW), undefined, JSON.stringify(code));
    }
    assert.equal(slotOf([1, 2, 3], NOW), undefined, 'no solution and no slot before');
  });
});
