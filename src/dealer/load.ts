/**
 * Reads the dealer file named by `DEALER_CONFIG` (the composition root passes the path) and
 * validates it once, at start-up. See docs/dealer-config.md.
 * @module
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dealer } from './schema';
import { DealerConfigError, parseDealer } from './parse-dealer';

export { DealerConfigError, parseDealer };

/** @throws DealerConfigError when the file is missing, is not JSON, or breaks a rule. */
export function loadDealer(path: string): Dealer {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(err)})`;
    throw new DealerConfigError(file, [`(file): ${why}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DealerConfigError(file, [`(file): not valid JSON (${(err as Error).message})`]);
  }
  return parseDealer(json, file);
}
