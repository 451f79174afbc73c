/** CPU time and memory of processes, from /proc (Linux), as the strict yardstick reads them. */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
export const TICK_MS = 10;

/** Parent pid and utime + stime (ticks) from a /proc/<pid>/stat line (the name may hold spaces and parentheses). */
export function parseProcStat(stat: string): { ppid: number; cpuTicks: number } {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(rest[1]), cpuTicks: Number(rest[11]) + Number(rest[12]) };
}

/** Resident set and its peak (VmHWM), kB, from /proc/<pid>/status. */
export function parseProcStatus(status: string): { rssKB: number; hwmKB: number } {
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssKB: kb('VmRSS'), hwmKB: kb('VmHWM') };
}

export interface ProcSample {
  cpuMs: number;
  rssKB: number;
  hwmKB: number;
}

/** CPU ms and memory of one process; undefined once it is gone. */
export function sample(pid: number): ProcSample | undefined {
  try {
    const { cpuTicks } = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return { cpuMs: cpuTicks * TICK_MS, ...parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** Summed over processes (those gone count nothing). */
export function sampleAll(pids: number[]): ProcSample {
  const total = { cpuMs: 0, rssKB: 0, hwmKB: 0 };
  for (const pid of pids) {
    const s = sample(pid);
    if (!s) continue;
    total.cpuMs += s.cpuMs;
    total.rssKB += s.rssKB;
    total.hwmKB += s.hwmKB;
  }
  return total;
}

/** `pid` and all its descendants (the bot and its planning child process). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { ppid } = parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** Busy ms of one core so far, whoever ran on it (user, nice, system, irq, softirq, steal), from /proc/stat. */
export function coreBusyMs(core: string): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith(`cpu${core} `));
  if (!line) return NaN;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) * TICK_MS;
}
