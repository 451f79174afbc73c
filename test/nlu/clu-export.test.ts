/**
 * `npm run nlu:export-clu`: the CLU project file Language Studio imports, built from
 * test/nlu/corpus (src/nlu/clu/export.ts, scripts/nlu-export-clu.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, LEGS, SERVICE_CATEGORIES, SOLUTIONS } from '../../dialogs/model';
import { INTENTS } from '../../dialogs/understanding';
import { buildCluProject, findSpan, type CluProjectFile } from '../../src/nlu/clu/export';
import { CHANGE_KEYS, CLU_ENTITY } from '../../src/nlu/clu/lists';
import { findVehicleId } from '../../src/nlu/vehicle-id';
import { maskVehicleIds } from '../../src/nlu/cloud/mask';
import { createLocalRecognizer } from '../../src/nlu/local';
import { exportCorpora } from '../../scripts/nlu-export-clu';

const CORPUS = join(__dirname, 'corpus');

describe('CLU project export', function () {
  this.timeout(60_000);
  let project: CluProjectFile;
  before(async () => {
    project = (await buildCluProject(exportCorpora(), createLocalRecognizer(), { projectName: 'mobility-concierge' })).project;
  });

  it('has the documented import shape: a multilingual Conversation project, our intents with None for outOfDomain', () => {
    assert.equal(project.projectFileVersion, '2023-04-01');
    assert.equal(project.stringIndexType, 'Utf16CodeUnit');
    assert.deepEqual(Object.keys(project.metadata).sort(), ['description', 'language', 'multilingual', 'projectKind', 'projectName', 'settings']);
    assert.equal(project.metadata.projectKind, 'Conversation');
    assert.equal(project.assets.projectKind, 'Conversation');
    assert.deepEqual(project.assets.intents.map((i) => i.category).sort(), [...INTENTS.filter((i) => i !== 'outOfDomain'), 'None'].sort());
    const used = new Set(project.assets.utterances.map((u) => u.intent));
    for (const i of project.assets.intents) assert.ok(used.has(i.category), `no utterance for ${i.category}`);
    assert.deepEqual([...new Set(project.assets.utterances.map((u) => u.language))].sort(), ['en-us', 'it']);
  });

  it('takes the main corpus as Train and the old hold-outs of test/nlu/corpus as Test, nothing else', () => {
    const files = new Map<string, Set<string>>();
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.json'))) {
      for (const item of JSON.parse(readFileSync(join(CORPUS, file), 'utf8')).items) {
        const text = maskVehicleIds(item.text.trim());
        files.set(text, (files.get(text) ?? new Set()).add(file));
      }
    }
    let test = 0;
    for (const u of project.assets.utterances) {
      const from = files.get(u.text);
      assert.ok(from, `not from test/nlu/corpus: ${u.text}`);
      const inMain = [...from].some((f) => !f.includes('holdout'));
      assert.equal(u.dataset, inMain ? 'Train' : 'Test', u.text);
      if (u.dataset === 'Test') test++;
    }
    assert.ok(test > 50);
  });

  it('sends no plate nor VIN to Language Studio', () => {
    for (const u of project.assets.utterances) {
      const found = findVehicleId(u.text);
      assert.ok(!found.plate && !found.vin, u.text);
    }
    const synonyms = JSON.stringify(project.assets.entities);
    assert.doesNotMatch(synonyms, /\b[A-Z]{2}\d{3}[A-Z]{2}\b/i);
  });

  it('labels spans inside the text, of defined entities, never overlapping', () => {
    const defined = new Set(project.assets.entities.map((e) => e.category));
    let labels = 0;
    for (const u of project.assets.utterances) {
      let end = 0;
      for (const e of u.entities) {
        assert.ok(defined.has(e.category), e.category);
        assert.ok(e.offset >= end && e.length > 0 && e.offset + e.length <= u.text.length, `${u.text} ${JSON.stringify(e)}`);
        end = e.offset + e.length;
        labels++;
      }
    }
    assert.ok(labels > 3000);
    const first = project.assets.utterances.find((u) => u.text.startsWith('Buongiorno, sono Marco Rossi'));
    assert.deepEqual(first?.entities.map((e) => [first.text.slice(e.offset, e.offset + e.length), e.category]), [
      ['Marco Rossi', 'Name'], ['Levante', 'Model'], ['tagliando', 'Service'], ['martedì mattina', 'DateTime'], ["auto di cortesia", 'Mobility'],
    ]);
  });

  it('gives every list only keys the recognizer maps back, and the prebuilt components by their documented names', () => {
    const keys = (category: string) => project.assets.entities.find((e) => e.category === category)?.list?.sublists.map((s) => s.listKey) ?? [];
    const within = (category: string, allowed: readonly string[]) => {
      assert.ok(keys(category).length > 0, category);
      for (const k of keys(category)) assert.ok(allowed.includes(k), `${category}: ${k}`);
    };
    within(CLU_ENTITY.service, SERVICE_CATEGORIES);
    within(CLU_ENTITY.mobility, [...SOLUTIONS, 'replacement']);
    within(CLU_ENTITY.legs, LEGS);
    within(CLU_ENTITY.language, LANGUAGES);
    within(CLU_ENTITY.change, CHANGE_KEYS);
    within(CLU_ENTITY.part, ['morning', 'afternoon']);
    assert.ok(keys(CLU_ENTITY.model).includes('Levante'));
    // the categories of "Supported prebuilt entity components" and of the authoring API's
    // "Get Supported Prebuilt Entities" (Quantity.Number, Quantity.Ordinal, DateTime, Person.Name)
    const prebuilts = project.assets.entities.flatMap((e) => (e.prebuilts ?? []).map((p) => `${e.category}:${p.category}`));
    assert.deepEqual(prebuilts.sort(), ['Choice:Quantity.Number', 'Choice:Quantity.Ordinal', 'DateTime:DateTime', 'Name:Person.Name']);
    for (const e of project.assets.entities) assert.ok(['combineComponents', 'separateComponents'].includes(e.compositionSetting), e.category);
  });

  it('finds words whatever the case, accents and spaces', () => {
    const text = 'Vorrei fare il TAGLIANDO  martedi, Mattina';
    assert.deepEqual(findSpan(text, 'tagliando'), { offset: 15, length: 9 });
    assert.equal(text.slice(26, 41), 'martedi, Mattina'.slice(0, 15));
    assert.deepEqual(findSpan(text, 'martedì mattina'), { offset: 26, length: 16 });
    assert.equal(findSpan(text, 'taglia'), undefined);
  });
});

