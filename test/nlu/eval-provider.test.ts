/** `npm run eval:nlu -- --provider clu|llm` scoring a cloud recognizer on a corpus (src/nlu/eval/provider.ts). */
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config';
import type { Corpus } from '../../src/nlu/eval/corpus';
import { evalProvider } from '../../src/nlu/eval/provider';
import { cluEntity, CluStandIn, listKey } from '../support/clu-stand-in';

const corpus: Corpus = {
  now: '2026-11-30T09:00:00+01:00',
  timeZone: 'Europe/Rome',
  lang: 'it',
  items: [
    { text: 'vorrei prenotare il tagliando', intent: 'book', entities: { service: 'maintenance' } },
    { text: 'grazie mille', intent: 'thanks', entities: {} },
    { text: 'che tempo fa domani?', intent: 'outOfDomain', entities: {} },
    { text: 'la GH123KL fa un rumore strano', intent: 'book', entities: { plate: 'GH123KL', service: 'diagnosis' } },
  ],
};

describe('Scoring a cloud provider on the corpora', () => {
  let clu: CluStandIn;
  beforeEach(async () => {
    clu = await new CluStandIn({ key: 'k' }).start();
  });
  afterEach(() => clu.stop());

  const config = () =>
    loadConfig({ NLU_PROVIDER: 'clu', CLU_ENDPOINT: clu.url, CLU_KEY: 'k', CLU_PROJECT: 'concierge', CLU_DEPLOYMENT: 'production' });

  it('prints the provider beside the local recognizer, and who answered each message', async () => {
    clu.predict = (text) => {
      if (text.includes('tagliando')) return { topIntent: 'book', entities: [cluEntity(text, 'tagliando', 'Service', listKey('maintenance'))] };
      if (text.includes('grazie')) return { topIntent: 'thanks' };
      if (text.includes('rumore')) return { topIntent: 'book', entities: [cluEntity(text, 'rumore strano', 'Service', listKey('diagnosis'))] };
      return { topIntent: 'None', intents: [{ category: 'None', confidenceScore: 0.4 }] };
    };
    const out: string[] = [];
    const [figures] = await evalProvider(config(), [{ name: 'it', corpus, quiet: false }], { print: (l) => out.push(l) });
    assert.equal(figures.items, 4);
    assert.equal(figures.intentAccuracy, 1);
    assert.deepEqual(figures.outcomes, { remote: 3, 'low-confidence': 1 });
    assert.equal(figures.entityF1, 1);
    assert.equal(clu.requests[3].body.analysisInput.conversationItem.text, 'la [PLATE] fa un rumore strano');
    const text = out.join('\n');
    assert.match(text, /intent accuracy {3}clu 100\.0% {3}local alone/);
    assert.match(text, /answered by: remote 3, low-confidence 1/);
  });

  it('a quiet hold-out prints figures only, never its messages', async () => {
    clu.predict = () => ({ topIntent: 'greeting' });
    const out: string[] = [];
    await evalProvider(config(), [{ name: 'holdout/it', corpus, quiet: true }], { print: (l) => out.push(l) });
    const text = out.join('\n');
    assert.match(text, /wrong intents: 4 \(listed with --holdout-misses\)/);
    for (const item of corpus.items) assert.ok(!text.includes(item.text), item.text);
  });
});
