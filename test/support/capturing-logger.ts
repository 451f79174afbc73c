/** A pino logger whose JSON lines land, parsed, in `lines`: for tests that check what was logged. */
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export function capturingLogger(lines: Record<string, any>[], level = 'debug'): Logger {
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return pino({ level }, stream);
}
