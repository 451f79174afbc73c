/**
 * `npm run nlu:real-words`: writes src/nlu/local/real-words.txt, the dictionary words the typo
 * corrector must leave alone (see src/nlu/local/real-words.ts). Needs Debian's word lists
 * (`apt-get install witalian wbritish wamerican`); run it again when the rules' words change.
 */
import { writeFileSync } from 'node:fs';
import { createRecognizerLexicon } from '../src/nlu/local';
import { REAL_WORDS_FILE } from '../src/nlu/local/real-words';
import { DICTIONARIES, realWordsFrom } from '../src/nlu/local/real-words-build';

const words = realWordsFrom(DICTIONARIES, createRecognizerLexicon([]));
const lines: string[] = [];
for (let i = 0; i < words.length; i += 12) lines.push(words.slice(i, i + 12).join(' '));
writeFileSync(REAL_WORDS_FILE, lines.join('\n') + '\n');
console.log(`${REAL_WORDS_FILE}: ${words.length} words`);
