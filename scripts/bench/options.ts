/**
 * `npm run bench`'s command line, parsed apart from the run so that its defaults can be tested.
 * @module
 */
import { parseArgs } from 'node:util';

export const USAGE = `npm run bench [-- options]
  --quick                 smoke run: 1 repetition, 3 s + 5 s (the human load too); writes nothing
  --warmup-s N            closed-loop warm-up before each window (20; quick 3)
  --duration-s N          measured window (30; quick 5)
  --users N               closed-loop customers (50)
  --reps N                alternated repetitions (3; quick 1)
  --scenarios a,b         embedded, redis, postgres, contention (all)
  --human-users N         customers of the human load (200)
  --human-warmup-s N      the human load's warm-up (90; quick 3): V8 is still compiling in the first minute
  --no-human | --human-only
  --node-args=FLAGS       node flags for every bot process, e.g. --node-args=--max-semi-space-size=64 (none)
  --bot-env KEY=VALUE     a setting for every bot process (repeatable), e.g. --bot-env LIVE_CONVERSATIONS=0
  --no-build              use dist/ as it is
  --doc                   write the tables into docs/performance.md after a quick run too
  --yardstick DIR         run the strict yardstick instead
  --help`;

export interface BenchOptions {
  quick: boolean;
  warmupS: number;
  durationS: number;
  users: number;
  reps: number;
  /** Scenario names as given (checked by the caller, which knows them). */
  scenarios?: string[];
  build: boolean;
  /** Node flags the bot runs with (before dist/src/main.js). */
  nodeArgs: string[];
  /** Settings for the bot beyond the scenario's (docs/configuration: the environment). */
  botEnv: Record<string, string>;
  /** The human load of #15: customers pausing 1–3 s between messages, bot + Redis. */
  human: { run: boolean; only: boolean; users: number; warmupS: number; thinkMs: { min: number; max: number } };
  doc: boolean;
  yardstick?: string;
  help: boolean;
}

/**
 * The human load warms up longer than the closed loop by default: at 0.5 of its core, V8's
 * compiler threads and scavenges still take 60–85 % of it in the first minute, so a 20 s warm-up
 * measures start-up (docs/performance.md, "The human load's tail").
 */
export const HUMAN_WARMUP_S = 90;

export function benchOptions(argv: string[]): BenchOptions {
  const { values: a } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      'warmup-s': { type: 'string' },
      'duration-s': { type: 'string' },
      users: { type: 'string' },
      reps: { type: 'string' },
      scenarios: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'node-args': { type: 'string' },
      'bot-env': { type: 'string', multiple: true },
      'human-users': { type: 'string' },
      'human-warmup-s': { type: 'string' },
      'no-human': { type: 'boolean', default: false },
      'human-only': { type: 'boolean', default: false },
      doc: { type: 'boolean', default: false },
      yardstick: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const num = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0, not ${v}`);
    return n;
  };
  if (a['no-human'] && a['human-only']) throw new Error('--no-human and --human-only exclude each other');
  const quick = a.quick;
  return {
    quick,
    warmupS: num('warmup-s', a['warmup-s'], quick ? 3 : 20),
    durationS: num('duration-s', a['duration-s'], quick ? 5 : 30),
    users: num('users', a.users, 50),
    reps: num('reps', a.reps, quick ? 1 : 3),
    scenarios: a.scenarios?.split(',').map((s) => s.trim()),
    build: !a['no-build'],
    nodeArgs: (a['node-args'] ?? '').split(' ').filter(Boolean),
    botEnv: Object.fromEntries((a['bot-env'] ?? []).map((kv) => {
      const at = kv.indexOf('=');
      if (at < 1) throw new Error(`--bot-env takes KEY=VALUE, not ${kv}`);
      return [kv.slice(0, at), kv.slice(at + 1)];
    })),
    human: {
      run: !a['no-human'],
      only: a['human-only'],
      users: num('human-users', a['human-users'], 200),
      warmupS: num('human-warmup-s', a['human-warmup-s'], quick ? 3 : HUMAN_WARMUP_S),
      thinkMs: { min: 1000, max: 3000 },
    },
    doc: a.doc,
    yardstick: a.yardstick,
    help: a.help,
  };
}
