/** The machine the figures come from, and the generated sections of docs/performance.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DOC = path.resolve(__dirname, '../../docs/performance.md');

export function machine(): { summary: string } {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return { summary: `machine: ${model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Linux ${os.release()}, Node ${process.version}` };
}

/** Replaces the text between `<!-- name:begin -->` and `<!-- name:end -->` (appends the block if missing). */
export function writeDocSection(name: string, body: string): void {
  const begin = `<!-- ${name}:begin (written by npm run bench) -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Performance\n';
  const block = `${begin}\n${body}\n${end}`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  writeFileSync(DOC, i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`);
}
