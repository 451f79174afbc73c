// Profiling driver (not a bench): fills a SQLite planning like bench:planning once (kept in /tmp/perf),
// then runs the bench's searches ROUNDS times, each on a fresh connection (cold search cache).
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { benchDealer, fill, searchQueries } from '../bench-planning-core';
import { NOW } from '../../test/planning/fixture-dealer';
import { query } from '../../test/planning/contract/builders';

async function main() {
  const file = '/tmp/perf/p.sqlite';
  const dealer = benchDealer();
  const open = () => createSqlitePlanning(dealer, { file, clock: () => new Date(NOW), holdMinutes: 5 });
  if (!existsSync(file)) { const p = open(); await fill(p, dealer); await p.close(); }
  const qs = searchQueries(dealer);
  const times: number[] = [];
  const worst: number[] = [];
  for (let r = 0; r < Number(process.env.ROUNDS ?? 5); r++) {
    const planning = open();
    for (const { q } of qs.slice(0, 20)) await planning.findSlots(q);
    for (const { q } of qs) { const t = performance.now(); await planning.findSlots(q); times.push(performance.now() - t); }
    for (let i = 0; i < 20; i++) { const t = performance.now(); await planning.findSlots(query({ date: '2026-12-09' }, { solution: 'courtesy-car-brand', downtimeHours: 400 })); worst.push(performance.now() - t); }
    await planning.close();
  }
  for (const [n, xs] of [['searches', times], ['worst', worst]] as const) {
    xs.sort((a, b) => a - b);
    console.log(n, xs.length, 'p50', xs[xs.length >> 1].toFixed(2), 'p99', xs[Math.floor(xs.length * 0.99)].toFixed(2), 'max', xs[xs.length - 1].toFixed(2));
  }
}
main();
