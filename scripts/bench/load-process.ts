/**
 * The load generator (loadgen.ts) as a process of its own on the load core, against one server:
 * its marks at the window's edges are passed to `onMark` (the caller samples the servers then).
 */
import path from 'node:path';
import type { LoadOptions, LoadResult } from './loadgen';
import { LOAD_CORE, spawnPinned } from './servers';

const ROOT = path.resolve(__dirname, '../..');

export function runLoadGenerator(options: LoadOptions, onMark: (mark: 'start' | 'end') => void = () => undefined): Promise<LoadResult> {
  const child = spawnPinned(LOAD_CORE, process.execPath, ['--import', 'tsx', path.join(__dirname, 'loadgen.ts'), JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd: ROOT,
  });
  return new Promise<LoadResult>((resolve, reject) => {
    let got: LoadResult | undefined;
    child.on('message', (m: { mark?: 'start' | 'end'; result?: LoadResult }) => {
      if (m.result) got = m.result;
      if (m.mark) onMark(m.mark);
    });
    child.on('exit', (code) => (got ? resolve(got) : reject(new Error(`load generator exited with ${code}`))));
  });
}
