/** The shipped demo dealer file, read fresh for each test that wants to break a copy of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MODENA_PATH = join(__dirname, '..', '..', 'config', 'dealers', 'modena.json');

export function modenaJson(): any {
  return JSON.parse(readFileSync(MODENA_PATH, 'utf8'));
}
