import assert from 'node:assert/strict';
import { benchOptions, HUMAN_WARMUP_S } from '../../scripts/bench/options';

/** `npm run bench`'s command line: defaults and what each option changes, no run. */
describe('bench options', () => {
  it('runs three repetitions of 20 s + 30 s, and the human load after a 90 s warm-up', () => {
    const o = benchOptions([]);
    assert.deepEqual([o.reps, o.warmupS, o.durationS, o.users, o.build], [3, 20, 30, 50, true]);
    assert.deepEqual([o.human.run, o.human.only, o.human.users, o.human.warmupS], [true, false, 200, HUMAN_WARMUP_S]);
    assert.equal(HUMAN_WARMUP_S, 90);
  });

  it('keeps the human warm-up apart from the closed loop’s', () => {
    assert.equal(benchOptions(['--warmup-s', '5']).human.warmupS, 90);
    const o = benchOptions(['--human-only', '--human-warmup-s', '20', '--no-build']);
    assert.deepEqual([o.human.warmupS, o.human.only, o.warmupS, o.build], [20, true, 20, false]);
  });

  it('makes a quick run quick, the human load too', () => {
    const o = benchOptions(['--quick']);
    assert.deepEqual([o.reps, o.warmupS, o.durationS, o.human.warmupS], [1, 3, 5, 3]);
    assert.equal(benchOptions(['--quick', '--human-warmup-s', '60']).human.warmupS, 60);
  });

  it('runs the bot with the node flags and settings given, none by default', () => {
    assert.deepEqual([benchOptions([]).nodeArgs, benchOptions([]).botEnv], [[], {}]);
    const o = benchOptions(['--node-args=--max-semi-space-size=64 --single-threaded-gc', '--bot-env', 'LIVE_CONVERSATIONS=0', '--bot-env', 'X=a=b']);
    assert.deepEqual(o.nodeArgs, ['--max-semi-space-size=64', '--single-threaded-gc']);
    assert.deepEqual(o.botEnv, { LIVE_CONVERSATIONS: '0', X: 'a=b' });
    assert.throws(() => benchOptions(['--bot-env', 'LIVE_CONVERSATIONS']), /KEY=VALUE/);
  });

  it('reads scenarios as a list and refuses what makes no sense', () => {
    assert.deepEqual(benchOptions(['--scenarios', 'redis, embedded']).scenarios, ['redis', 'embedded']);
    assert.throws(() => benchOptions(['--human-warmup-s', 'soon']), /--human-warmup-s must be a number/);
    assert.throws(() => benchOptions(['--no-human', '--human-only']), /exclude each other/);
    assert.throws(() => benchOptions(['--human-warmup']), /Unknown option/);
  });
});
