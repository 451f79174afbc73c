/**
 * The typo corrector leaves real words alone (#12): dictionary words one slip from a word the
 * rules know are never read as that word ("curious" is not "furious", "falling" not "calling").
 */
import assert from 'node:assert/strict';
import { createLocalRecognizer, createRecognizerLexicon } from '../../src/nlu/local';
import { REAL_WORDS } from '../../src/nlu/local/real-words';
import { DICTIONARIES, dictionariesPresent, realWordsFrom } from '../../src/nlu/local/real-words-build';

describe('real words stay themselves (#12)', () => {
  it('src/nlu/local/real-words.txt is what npm run nlu:real-words makes from the dictionaries and the rules as they are now', function () {
    this.timeout(120_000);
    assert.ok(dictionariesPresent(), `the word lists are missing (${DICTIONARIES.join(', ')}): apt-get install witalian wbritish wamerican`);
    assert.deepEqual([...REAL_WORDS].sort(), realWordsFrom(DICTIONARIES, createRecognizerLexicon([])), 'run npm run nlu:real-words and commit src/nlu/local/real-words.txt');
  });

  it('the corrector keeps them, and still corrects a slip', () => {
    const lexicon = createRecognizerLexicon();
    for (const w of ['falling', 'baking', 'hooking', 'corse', 'fiumi']) assert.equal(lexicon.correct(w), w);
    assert.equal(createRecognizerLexicon([]).correct('falling'), 'calling', 'without the list it was read as a call');
    for (const [slip, word] of [['mercoldi', 'mercoledi'], ['cortsia', 'cortesia'], ['servce', 'service']]) assert.equal(lexicon.correct(slip), word);
  });

  it('a word that names a property of every object ("constructor", "toString") is a word like any other', async () => {
    const r = createLocalRecognizer();
    const u = await r.recognize({ text: 'I am a building constructor, my Ghibli needs its service on Friday', lang: 'en', now: '2026-11-30T09:00:00+01:00', timeZone: 'Europe/Rome' });
    assert.equal(u.intent, 'book');
    assert.equal(u.entities.service?.id, 'maintenance');
    const v = await r.recognize({ text: 'tagliando della levante, valueOf e toString a parte, venerdì', lang: 'it', now: '2026-11-30T09:00:00+01:00', timeZone: 'Europe/Rome' });
    assert.equal(v.entities.service?.id, 'maintenance');
  });

  it('a message with them keeps its meaning', async () => {
    const r = createLocalRecognizer();
    const say = (text: string, lang: 'it' | 'en') => r.recognize({ text, lang, now: '2026-11-30T09:00:00+01:00', timeZone: 'Europe/Rome' });
    assert.notEqual((await say('my wife keeps falling asleep in the passenger seat, the Levante is too comfy. service on Friday?', 'en')).intent, 'human');
    assert.equal((await say('I was baking all morning, can the Grecale come in for its service on Friday?', 'en')).intent, 'book');
  });
});
