/**
 * Real processes around an SQLite planning file, for the fault tests (#14): another process
 * holding the file's write lock, and finding the planning's own process among this one's children.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** The pids of this process's children whose command line names `word` (from /proc, as `ps` reads it). */
export function childrenNamed(word: string): number[] {
  const pids = readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(word);
    } catch {
      return false; // gone meanwhile
    }
  });
}

/** The SQLite planning's own processes (src/planning/sqlite-child) among this process's children. */
export const planningPids = () => childrenNamed('sqlite-child');

export interface WriteLock {
  process: ChildProcess;
  /** Resolves once the holder has committed and exited. */
  released: Promise<void>;
}

/**
 * Another process (node with better-sqlite3, as a backup script or the sqlite3 CLI would) takes
 * the file's write lock with BEGIN IMMEDIATE and keeps it `ms`; resolves once it holds it.
 */
export async function holdWriteLock(file: string, ms: number): Promise<WriteLock> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`)))));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    released.catch(reject);
  });
  return { process: child, released };
}
