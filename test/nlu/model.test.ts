import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS } from '../../dialogs/understanding';
import { combine, createHybridRecognizer, DEFAULT_POLICY, loadShippedModel, SHIPPED_MODEL } from '../../src/nlu/hybrid';
import { createLocalRecognizer } from '../../src/nlu/local';
import { DEFAULT_TRAINING, loadModel, MODEL_VERSION, serialise, train } from '../../src/nlu/model/classifier';
import { featurize, DEFAULT_FEATURES } from '../../src/nlu/model/features';
import { MAX_MODEL_BYTES, MODEL_FILE, readTrainingCorpus, REPO_ROOT, trainFromCorpus } from '../../src/nlu/model/train';
import type { Recognizer, Understanding } from '../../src/nlu/recognizer';

const NOW = '2026-11-30T09:00:00+01:00';
const TZ = 'Europe/Rome';

describe('intent model', () => {
  it('training is deterministic: twice on the same messages, the same bytes', function () {
    // every fifth message of the corpus (3,000+), twice: a guard against a hang, not a speed requirement
    this.timeout(120_000);
    const corpus = readTrainingCorpus();
    const some = corpus.examples.filter((_, i) => i % 5 === 0);
    const about = { files: corpus.files, items: some.length, sha256: '' };
    assert.equal(serialise(train(some, INTENTS, about)), serialise(train(some, INTENTS, about)));
  });

  it('the shipped model is the one npm run nlu:train makes from the current corpus', function () {
    // training on 9,000 messages, more than once when rare features must go to keep it under 2 MB: a guard against a hang, not a speed requirement
    this.timeout(120_000);
    const shipped = readFileSync(join(REPO_ROOT, MODEL_FILE), 'utf8');
    const corpus = readTrainingCorpus();
    const file = JSON.parse(shipped) as { corpus: { sha256: string; items: number } };
    assert.equal(
      file.corpus.sha256,
      corpus.sha256,
      `the main corpus changed since ${MODEL_FILE} was trained (${file.corpus.items} messages then, ${corpus.examples.length} now): run npm run nlu:train and commit the model`,
    );
    // what npm run nlu:train does, from the pruning the shipped file says it needed (a lower one must not fit: trainFromCorpus raises it one by one)
    const minDf = (JSON.parse(shipped) as { training: { minDf: number } }).training.minDf;
    assert.ok(serialise(trainFromCorpus(REPO_ROOT, DEFAULT_FEATURES, { ...DEFAULT_TRAINING, minDf })) === shipped, `${MODEL_FILE} is not what training makes from the current code and corpus: run npm run nlu:train and commit the model`);
    if (minDf > DEFAULT_TRAINING.minDf) {
      const lower = serialise(train(corpus.examples, INTENTS, { files: corpus.files, items: corpus.examples.length, sha256: corpus.sha256 }, DEFAULT_FEATURES, { ...DEFAULT_TRAINING, minDf: minDf - 1 }));
      assert.ok(Buffer.byteLength(lower) > MAX_MODEL_BYTES, `minDf ${minDf - 1} fits under ${MAX_MODEL_BYTES} bytes: run npm run nlu:train and commit the model`);
    }
  });

  it('never trains on a hold-out file', () => {
    assert.ok(readTrainingCorpus().files.every((f) => !f.includes('holdout')));
  });

  it('refuses a model of another format version, saying so', () => {
    const file = JSON.parse(readFileSync(SHIPPED_MODEL, 'utf8'));
    assert.throws(() => loadModel({ ...file, version: MODEL_VERSION + 1 }, 'x.json'), /x\.json: intent model format version 2, this code reads version 1: run npm run nlu:train/);
    assert.throws(() => loadModel({ ...file, format: 'something-else' }), /not an intent model/);
    assert.throws(() => loadModel({ ...file, weights: file.weights.slice(1) }), /inconsistent/);
  });

  it('features fold accents and digits and carry the context', () => {
    const a = featurize({ text: 'Martedì 10', lang: 'it', awaiting: 'date' }, DEFAULT_FEATURES);
    const b = featurize({ text: 'martedi 22', lang: 'it', awaiting: 'date' }, DEFAULT_FEATURES);
    const c = featurize({ text: 'martedi 22', lang: 'it' }, DEFAULT_FEATURES);
    assert.deepEqual(a, b);
    assert.notDeepEqual(b, c);
  });

  it('learns a toy corpus and predicts from it', () => {
    const examples = [
      ...['ciao', 'buongiorno', 'salve', 'hello', 'hi there'].map((text) => ({ text, lang: 'it', intent: 'greeting' })),
      ...['grazie', 'grazie mille', 'thanks', 'thank you', 'ti ringrazio'].map((text) => ({ text, lang: 'it', intent: 'thanks' })),
    ];
    const model = loadModel(train(examples, INTENTS, { files: [], items: examples.length, sha256: '' }));
    assert.equal(model.predict({ text: 'grazie!', lang: 'it' }).intent, 'thanks');
    assert.equal(model.predict({ text: 'ciao!', lang: 'it' }).intent, 'greeting');
  });
});

describe('hybrid recognizer', () => {
  const rules = createLocalRecognizer();
  const model = loadShippedModel();

  it('keeps the rules’ entities, whatever the intent', async () => {
    const hybrid = createHybridRecognizer({ rules, model });
    for (const text of ['tagliando per la AB123CD martedì alle 9, sono Mario Rossi', 'brakes squeak, plate GH 123 KL, tomorrow morning', 'asdfghjkl']) {
      const input = { text, lang: 'it' as const, now: NOW, timeZone: TZ };
      const [r, h] = [await rules.recognize(input), await hybrid.recognize(input)];
      assert.deepEqual(h.entities, r.entities, text);
    }
  });

  it('the model decides only where the rules are unsure and read nothing, and only intents it may decide', () => {
    const unsure: Understanding = { intent: 'outOfDomain', score: 0.2, entities: {}, text: 'x y' };
    const sure: Understanding = { intent: 'cancel', score: 0.85, entities: {}, text: 'x y' };
    const policy = { unsureScore: 0.2, unsure: 0.6, handoff: 0.9, inform: 1.01, weakScore: 0.5, handoffAnywhere: 1.01, handoffWithEntities: 1.01, overrule: 1.01 };
    assert.equal(combine(unsure, { intent: 'book', p: 0.7 }, policy).intent, 'book');
    assert.equal(combine(unsure, { intent: 'book', p: 0.5 }, policy).intent, 'outOfDomain');
    assert.equal(combine({ ...unsure, entities: { plate: 'AB123CD' } }, { intent: 'book', p: 0.99 }, policy).intent, 'outOfDomain', 'the rules read a plate');
    assert.equal(combine(unsure, { intent: 'urgent', p: 0.8 }, policy).intent, 'outOfDomain', 'a handoff needs more');
    assert.equal(combine(unsure, { intent: 'urgent', p: 0.95 }, policy).intent, 'urgent');
    for (const intent of ['affirm', 'deny', 'inform', 'correction', 'switchLanguage']) {
      assert.equal(combine(unsure, { intent, p: 0.99 }, policy).intent, 'outOfDomain', `${intent} is the rules' to say`);
    }
    assert.equal(combine(sure, { intent: 'book', p: 0.99 }, policy).intent, 'cancel');
    assert.equal(combine({ ...sure, intent: 'urgent', score: 0.4 }, { intent: 'book', p: 0.99 }, policy).intent, 'urgent', 'a handoff the rules found stands');
    assert.equal(combine({ ...sure, intent: 'inform' }, { intent: 'book', p: 0.99 }, policy).intent, 'inform');
    assert.equal(combine({ ...sure, intent: 'inform', score: 0.5 }, { intent: 'help', p: 0.7 }, policy).intent, 'help', 'a weak inform');
    assert.equal(combine({ ...sure, intent: 'inform' }, { intent: 'book', p: 0.99 }, { ...policy, inform: 0.95 }).intent, 'book');
    assert.ok(DEFAULT_POLICY.handoff >= DEFAULT_POLICY.unsure);
  });

  it('where the model is very sure of a plain intent (a booking, information, thanks, a greeting, help) it overrules the rules, entities or not; never a yes, a no, a language, a cancel, a restart or out of domain the rules said, and never to those nor to a correction', () => {
    const policy = { ...DEFAULT_POLICY, overrule: 0.7 };
    const asked: Understanding = { intent: 'book', score: 0.9, entities: { model: 'Ghibli' }, text: 'how long does a service on a Ghibli take, roughly?' };
    assert.equal(combine(asked, { intent: 'inform', p: 0.8 }, policy).intent, 'inform', 'a question about the work, no wish to book');
    assert.deepEqual(combine(asked, { intent: 'inform', p: 0.8 }, policy).entities, asked.entities, 'entities stay the rules\'');
    assert.equal(combine(asked, { intent: 'inform', p: 0.65 }, policy).intent, 'book', 'not sure enough');
    assert.equal(combine({ ...asked, intent: 'correction', score: 0.85 }, { intent: 'inform', p: 0.9 }, policy).intent, 'inform');
    assert.equal(combine({ ...asked, intent: 'inform', score: 0.85 }, { intent: 'correction', p: 0.99 }, policy).intent, 'inform', 'never to a correction: after a booking it opens a change');
    assert.equal(combine({ ...asked, intent: 'book', entities: {} }, { intent: 'thanks', p: 0.9 }, policy).intent, 'thanks', 'praise of last time\'s work');
    assert.equal(combine(asked, { intent: 'thanks', p: 0.9 }, policy).intent, 'book', 'thanks never in the place of a message that names a car (after a booking, thanks keeps it as it was)');
    for (const intent of ['affirm', 'deny', 'switchLanguage', 'cancel', 'restart', 'outOfDomain'] as const) {
      assert.equal(combine({ ...asked, intent, score: 0.9 }, { intent: 'inform', p: 0.99 }, policy).intent, intent, `the rules read ${intent}: it stands`);
    }
    for (const intent of ['cancel', 'restart', 'affirm', 'deny', 'switchLanguage', 'outOfDomain', 'correction']) {
      assert.equal(combine(asked, { intent, p: 0.99 }, policy).intent, 'book', `never overruled to ${intent}`);
    }
    assert.equal(combine(asked, { intent: 'inform', p: 0.99 }, { ...policy, overrule: 1.01 }).intent, 'book', 'above 1: never');
    assert.ok(DEFAULT_POLICY.overrule <= 1, 'shipped on');
  });

  it('a failing model leaves the rules’ answer', async () => {
    const broken = { ...model, predict: () => { throw new Error('boom'); }, probabilities: () => { throw new Error('boom'); } };
    const fixed: Recognizer = { recognize: async () => ({ intent: 'outOfDomain', score: 0.2, entities: {}, text: 'boh' }) };
    const u = await createHybridRecognizer({ rules: fixed, model: broken, policy: { ...DEFAULT_POLICY, unsure: 0 } }).recognize({ text: 'boh', lang: 'it', now: NOW, timeZone: TZ });
    assert.equal(u.intent, 'outOfDomain');
  });

  it('asks the model about a person on every message: past the threshold it hands over whatever the rules said, more is needed where they read entities (R11)', () => {
    const policy = { ...DEFAULT_POLICY, handoffAnywhere: 0.7, handoffWithEntities: 0.8 };
    const booking: Understanding = { intent: 'book', score: 0.9, entities: { model: 'Ghibli' }, text: 'la ghibli fuma, sono in piazzola' };
    const bare: Understanding = { intent: 'inform', score: 0.8, entities: {}, text: 'fuma tutto, sono in piazzola' };
    const guess = (p: number, intent: 'urgent' | 'human' = 'urgent') => ({ intent: 'book', p: 0.5, handoff: { intent, p } });
    assert.equal(combine(booking, guess(0.85), policy).intent, 'urgent');
    assert.equal(combine(booking, guess(0.85), policy).score, 0.85);
    assert.equal(combine(booking, guess(0.75), policy).intent, 'book', 'entities: more is needed');
    assert.equal(combine(bare, guess(0.75), policy).intent, 'urgent');
    assert.equal(combine(bare, guess(0.75, 'human'), policy).intent, 'human');
    assert.equal(combine(bare, guess(0.65), policy).intent, 'inform');
    assert.equal(combine({ ...bare, intent: 'human' }, guess(0.99, 'urgent'), policy).intent, 'human', 'a handoff the rules found stands');
    assert.equal(combine({ ...bare, text: '112 !!' }, guess(0.99), policy).intent, 'inform', 'no words, no handoff');
    assert.equal(combine(bare, guess(0.99), { ...policy, handoffAnywhere: 1.01 }).intent, 'inform', 'above 1: never');
  });

  it('predicts the softmax of the weights summed over featurize()’s vector (the fast path reads the same features)', () => {
    const file = model.file;
    const K = file.classes.length;
    const Q = file.training.quantum;
    const row = new Map<number, number>();
    let b = 0;
    file.buckets.forEach((delta, r) => row.set((b += delta), r));
    for (const [text, lang, awaiting] of [['la ghibli fuma dal cofano, sono in piazzola', 'it', undefined], ['Martedì 10 alle 9?', 'it', 'date'], ['call me back pls', 'en', 'name'], ['', 'en', undefined]] as const) {
      const x = featurize({ text, lang, awaiting }, file.features);
      const z = file.bias.map((v) => v / Q);
      x.index.forEach((bucket, i) => {
        const r = row.get(bucket);
        if (r !== undefined) for (let k = 0; k < K; k++) z[k] += (file.weights[r * K + k] / Q) * x.value[i];
      });
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, v) => a + v, 0);
      const got = model.probabilities({ text, lang, awaiting });
      e.forEach((v, k) => assert.ok(Math.abs(v / sum - got[k]) < 1e-9, `${text}: ${file.classes[k]} ${v / sum} vs ${got[k]}`));
    }
  });

  it('the weights in 16-bit rows beside their buckets give exactly the sums of float32 rows apart (#12, the recognizer’s time)', () => {
    const wide = loadModel(model.file, 'wide', true);
    const dir = join(REPO_ROOT, 'test', 'nlu', 'corpus');
    let n = 0;
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.json') && !name.includes('holdout'))) {
      const corpus = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { lang: string; items: { text: string; awaiting?: string }[] };
      for (const item of corpus.items) {
        const input = { text: item.text, lang: corpus.lang, awaiting: item.awaiting };
        assert.deepEqual(model.probabilities(input), wide.probabilities(input), item.text);
        n++;
      }
    }
    assert.ok(n > 5000);
  });

  it('a missing model file says where it was looked for', () => {
    assert.throws(() => loadShippedModel('/nonexistent/intent-model.json'), /intent model not found at \/nonexistent\/intent-model\.json \(run npm run nlu:train/);
  });
});
