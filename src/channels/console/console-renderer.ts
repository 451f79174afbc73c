/**
 * The console's rendering: text, then the choices numbered; a number typed back picks one.
 * @module
 */
import type { RenderedChoice, RenderedMessage } from '../../render/render';

export function consoleText(message: RenderedMessage): string {
  const choices = message.choices?.map((c, i) => `  [${i + 1}] ${c.title}`).join('\n');
  return choices ? `${message.text}\n${choices}` : message.text;
}

/** "2" after a list of choices means the second choice's token; anything else is text. */
export function consoleInput(line: string, choices: RenderedChoice[] | undefined): string {
  const n = /^\s*\[?(\d{1,2})\]?\s*$/.exec(line);
  const picked = n && choices?.[Number(n[1]) - 1];
  return picked ? picked.value : line;
}
