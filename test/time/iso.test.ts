/** Reading ISO-8601 instants: the native fast path agrees with luxon, and refuses what luxon refuses. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isoInstantMs } from '../../src/time/iso';

const luxon = (iso: string) => {
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? t.toMillis() : undefined;
};

describe('ISO instants', () => {
  it('reads the forms the bot writes, with and without milliseconds, Z or an offset', () => {
    assert.equal(isoInstantMs('2026-11-30T09:00:00+01:00'), Date.UTC(2026, 10, 30, 8));
    assert.equal(isoInstantMs('2026-11-30T09:00:00.250+01:00'), Date.UTC(2026, 10, 30, 8, 0, 0, 250));
    assert.equal(isoInstantMs('2026-07-01T09:30+02:00'), Date.UTC(2026, 6, 1, 7, 30));
    assert.equal(isoInstantMs('2026-03-29T01:59:59Z'), Date.UTC(2026, 2, 29, 1, 59, 59));
    assert.equal(isoInstantMs('2026-11-30T09:00:00-05:30'), Date.UTC(2026, 10, 30, 14, 30));
  });

  it('refuses impossible days instead of rolling them over, and reads 24:00 as luxon does', () => {
    for (const bad of ['2026-02-30T10:00:00+01:00', '2026-13-01T10:00:00Z', '2026-11-31T10:00:00Z', 'yesterday', '']) {
      assert.equal(isoInstantMs(bad), undefined, bad);
    }
    assert.equal(isoInstantMs('2026-11-30T24:00:00+01:00'), luxon('2026-11-30T24:00:00+01:00'));
  });

  it('leaves other ISO forms to luxon (compact offsets, no offset)', () => {
    for (const iso of ['2026-11-30T09:00:00+0100', '2026-11-30T09:00:00.123456+01:00', '2026-11-30T09:00:00']) {
      assert.equal(isoInstantMs(iso), luxon(iso), iso);
    }
  });

  it('agrees with luxon on any instant written in any offset', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: -14 * 60, max: 14 * 60 }),
      fc.boolean(),
      (ms, offsetMinutes, withMillis) => {
        const iso = DateTime.fromMillis(ms, { zone: `UTC${offsetMinutes >= 0 ? '+' : '-'}${Math.floor(Math.abs(offsetMinutes) / 60)}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}` })
          .toISO({ suppressMilliseconds: !withMillis })!;
        assert.equal(isoInstantMs(iso), luxon(iso), iso);
      },
    ), { numRuns: 500 });
  });
});
