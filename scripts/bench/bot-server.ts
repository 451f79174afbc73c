/**
 * One Mobility Concierge instance for the benchmark: the real app (createApp) with the
 * configuration it is given (argv[2], JSON), on a fixed clock (Monday 30 November 2026, 09:00 in
 * Modena) so that the customers' dates are bookable. It reports its port over IPC and answers
 * `{ cpu: true }` with its process.cpuUsage().
 */
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/main';

const NOW = new Date('2026-11-30T08:00:00Z');

async function main(): Promise<void> {
  const env = JSON.parse(process.argv[2]) as Record<string, string>;
  const app = await createApp(loadConfig(env), { clock: () => NOW, logger: pino({ level: 'silent' }) });
  const { port } = await app.listen();
  process.on('message', (m: { cpu?: boolean }) => {
    if (m.cpu) process.send?.({ cpu: process.cpuUsage() });
  });
  process.send?.({ port });
}

main().catch((err) => process.send?.({ error: String(err?.stack ?? err) }));
