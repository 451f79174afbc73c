import assert from 'node:assert/strict';
import { answer, echoTexts, openingMessage, plate, planFor } from '../../scripts/bench/booking-script';
import { parseProcStat, parseProcStatus } from '../../scripts/bench/procstat';
import { median, percentile } from '../../scripts/bench/stats';

/** The bench's simulated customers and its arithmetic: pure logic, no timing. */
describe('bench booking script', () => {
  const now = new Date('2026-12-07T08:00:00Z');
  const seq = (values: number[]) => {
    let i = 0;
    return () => values[i++ % values.length];
  };

  it('gives every customer a different Italian plate', () => {
    const plates = Array.from({ length: 20_000 }, (_, i) => plate(i));
    assert.equal(new Set(plates).size, plates.length);
    for (const p of plates.slice(0, 50)) assert.match(p, /^[A-HJ-NPR-TV-Z]{2}\d{3}[A-HJ-NPR-TV-Z]{2}$/);
  });

  it('opens with a name, the car and the work, and answers what the bot awaits', () => {
    const plan = planFor('booking', 7, now, seq([0.5]));
    assert.match(openingMessage(plan), new RegExp(`${plan.name}.*${plan.plate}.*batteria`));
    assert.equal(answer(plan, 'name', []), plan.name);
    assert.equal(answer(plan, 'vehicle', []), `${plan.model} ${plan.plate}`);
    assert.equal(answer(plan, 'mobility', []), 'vado coi mezzi pubblici');
    assert.equal(answer(plan, 'confirm', []), 'sì');
    assert.equal(answer(plan, 'slot', ['slot:2', 'slot:3']), 'slot:2');
    assert.equal(answer(plan, 'text', []), null);
  });

  it('asks for a working-hours time within 80 days', () => {
    const plan = planFor('booking', 1, now, seq([0, 0.99, 0.2, 0.7]));
    // Each date takes three draws: the day (2 to 79 days ahead), the hour (9 to 16), the half hour.
    assert.equal(plan.date(), 'il 9 dicembre alle 16:00');
    assert.equal(plan.date(), 'il 1 febbraio alle 9:30');
    assert.equal(answer({ ...plan, date: () => 'x' }, 'slot', []), 'x');
  });

  it('in the contention scenario wants a Maserati courtesy car on one of three mornings', () => {
    const plans = Array.from({ length: 30 }, (_, i) => planFor('contention', i, now, Math.random));
    assert.ok(plans.every((p) => answer(p, 'mobility', []) === 'auto di cortesia Maserati'));
    const days = new Set(plans.map((p) => p.date().replace(/ alle .*/, '')));
    assert.ok(days.size <= 3);
    const picky = planFor('contention', 1, now, seq([0.9]));
    assert.equal(answer(picky, 'slot', ['slot:1', 'slot:2', 'slot:3']), 'slot:3');
  });

  it('sends the echo bot the same number of messages as a booking', () => {
    assert.equal(echoTexts(planFor('booking', 3, now, Math.random)).length, 5);
  });
});

describe('bench arithmetic', () => {
  it('reads CPU ticks and memory from /proc', () => {
    const stat = '4242 (node (main)) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 56 0 0 20 0 11 0 500 1000000 30000';
    assert.deepEqual(parseProcStat(stat), { ppid: 1, cpuTicks: 1290 });
    assert.deepEqual(parseProcStatus('Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n'), { rssKB: 102400, hwmKB: 204800 });
  });

  it('takes percentiles by rank and the median of an even list as the mean of the middle two', () => {
    assert.equal(percentile([5, 1, 4, 2, 3], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99), 10);
    assert.equal(median([0.3, 0.5, 0.4]), 0.4);
    assert.equal(median([1, 2, 3, 4]), 2.5);
  });
});
