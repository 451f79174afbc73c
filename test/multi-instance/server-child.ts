/**
 * One bot instance for the multi-instance and fault tests: the real app (createApp) on a free
 * port with the configuration it is given (argv[2], JSON), on the test clock. It reports its port
 * over IPC. Told `{ stallNext: true }`, it hangs inside the next turn that reaches the recognizer
 * (holding the conversation's lock) and reports `{ stalled: true }`, so that a test can kill it
 * mid-turn without racing.
 */
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/main';
import { createHybridRecognizer } from '../../src/nlu/hybrid';
import type { Recognizer } from '../../src/nlu/recognizer';
import { MONDAY_9AM } from '../conversation/harness';

const env = JSON.parse(process.argv[2]) as Record<string, string>;
let stallNext = false;
const local = createHybridRecognizer(); // what the app uses
const recognizer: Recognizer = {
  async recognize(input) {
    if (stallNext) {
      process.send?.({ stalled: true });
      return new Promise(() => undefined);
    }
    return local.recognize(input);
  },
};

async function main(): Promise<void> {
  const app = await createApp(loadConfig(env), { clock: () => MONDAY_9AM, recognizer, logger: pino({ level: 'silent' }) });
  const { port } = await app.listen();
  process.on('message', (m: { stallNext?: boolean; cpu?: boolean }) => {
    if (m.stallNext) stallNext = true;
  });
  process.send?.({ port });
}

main().catch((err) => process.send?.({ error: String(err?.stack ?? err) }));
