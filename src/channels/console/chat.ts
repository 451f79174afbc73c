/**
 * `npm run chat`: the same bot in a terminal, on the embedded defaults.
 *   npm run chat -- --lang en
 * Without --lang, the language is DEFAULT_LANGUAGE and switches when the customer asks.
 * @module
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../../config';
import { loadDealer } from '../../dealer/load';
import { createEngine } from '../../compose';
import type { RenderedChoice } from '../../render/render';
import { consoleInput, consoleText } from './console-renderer';

async function chat(): Promise<void> {
  const { values } = parseArgs({ options: { lang: { type: 'string' } } });
  const config = loadConfig();
  const dealer = loadDealer(config.DEALER_CONFIG);
  const { engine, planning, sessions, reminders } = await createEngine(config, dealer, { logger: pino({ level: 'silent' }) });
  const conversationId = `console:${process.pid}`;
  const locale = values.lang;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  let choices: RenderedChoice[] | undefined;

  const show = (turn: Awaited<ReturnType<typeof engine.handle>>) => {
    for (const m of turn.messages) {
      console.log(`\n\x1b[36m${consoleText(m)}\x1b[0m`);
      if (m.booking) console.log(`\x1b[2m${JSON.stringify(m.booking)}\x1b[0m`);
      choices = m.choices ?? choices;
    }
    if (turn.handoff) console.log(`\x1b[2m[handoff.initiate: ${turn.handoff}]\x1b[0m`);
  };

  show(await engine.handle({ conversationId, kind: 'start', locale }));
  process.stdout.write('\n> ');
  // Iterating the lines (rather than asking question by question) also works with piped input.
  for await (const line of rl) {
    const text = consoleInput(line, choices);
    choices = undefined;
    show(await engine.handle({ conversationId, kind: 'message', text, locale }));
    process.stdout.write('\n> ');
  }
  await sessions.close();
  await reminders.close();
  await planning.close();
}

chat().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
