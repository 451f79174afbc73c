/** Percentiles and the results table. */

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Row {
  turns: number;
  turnsPerSecond: number;
  latenciesMs: number[];
  cpuMsPerTurn: number;
  redisCpuMsPerTurn?: number;
}

export function printTable(rows: Record<string, Row>): void {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  console.log(`\n${'run'.padEnd(16)} ${'turns'.padStart(6)} ${'turns/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'CPU ms/turn'.padStart(12)} ${'+redis'.padStart(7)}`);
  for (const [name, r] of Object.entries(rows)) {
    console.log(`${name.padEnd(16)} ${String(r.turns).padStart(6)} ${f(r.turnsPerSecond).padStart(8)} ` +
      `${f(percentile(r.latenciesMs, 50)).padStart(7)} ${f(percentile(r.latenciesMs, 95)).padStart(7)} ${f(percentile(r.latenciesMs, 99)).padStart(7)} ` +
      `${f(r.cpuMsPerTurn, 2).padStart(12)} ${(r.redisCpuMsPerTurn === undefined ? '' : f(r.redisCpuMsPerTurn, 2)).padStart(7)}`);
  }
}
