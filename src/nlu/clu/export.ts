/**
 * A CLU project file built from our labelled corpora, for "Import project" in Language Studio.
 * Format checked (#16 wire check) against "Data formats accepted by conversational language understanding",
 * https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/concepts/data-formats
 * (`stringIndexType`, `metadata` with `projectKind`, `projectName`, `multilingual`, `description`,
 * `language`, `settings.confidenceThreshold`; `assets` with `projectKind`, `intents`, `entities` —
 * `compositionSetting`, `list.sublists[].listKey/synonyms`, `prebuilts[].category`,
 * `regex.expressions[].regexKey/language/regexPattern` — and `utterances` with `text`, `intent`,
 * `language`, `dataset` `Train` | `Test`, `entities[].category/offset/length`), the import how-to
 * (`projectFileVersion` is the API version, e.g. 2023-04-01),
 * https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/how-to/create-project#import-project
 * and the 2023-04-01 authoring example `SuccessfulImportProject.json` in Azure/azure-rest-api-specs.
 * Prebuilt component names are those of "Supported prebuilt entity components"
 * (`Quantity.Number`, `Quantity.Ordinal`, `DateTime`, `Person.Name`),
 * https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/prebuilt-component-reference
 * and of the authoring API's "Get Supported Prebuilt Entities" (`category: "Quantity.Ordinal"`, …).
 * Utterances are masked as at run time (plates and VINs never leave), intents keep our names
 * (`outOfDomain` is CLU's `None`), the main corpus is the `Train` set and the old hold-outs in
 * test/nlu/corpus the `Test` set; the independent hold-out (test/nlu/holdout) is never read.
 * Entity spans come from the gold labels: a name, model or postcode as written, the service and
 * date words the local rules read when they agree with the label, and for mobility, legs, parts of
 * the day, "as soon as possible" and languages the list words (lists.ts) found in the message.
 * @module
 */
import type { Lang } from '../../../dialogs/model';
import { INTENTS } from '../../../dialogs/understanding';
import { maskVehicleIds } from '../cloud/mask';
import type { CorpusItem } from '../eval/score';
import type { Recognizer } from '../recognizer';
export { CLU_LANGUAGE } from './lists';
import { ASAP_WORDS, CHANGE_WORDS, CLU_ENTITY, CLU_LANGUAGE, CLU_NONE, LANGUAGE_WORDS, LEGS_WORDS, MOBILITY_WORDS, PART_WORDS } from './lists';

export interface ExportCorpus {
  lang: Lang;
  now: string;
  timeZone: string;
  items: CorpusItem[];
  dataset: 'Train' | 'Test';
}

interface Label {
  category: string;
  offset: number;
  length: number;
}

export interface CluUtterance {
  text: string;
  intent: string;
  language: string;
  dataset: 'Train' | 'Test';
  entities: Label[];
}

export interface CluSublist {
  listKey: string;
  synonyms: { language: string; values: string[] }[];
}

export interface CluEntityDefinition {
  category: string;
  compositionSetting: 'combineComponents';
  list?: { sublists: CluSublist[] };
  prebuilts?: { category: string }[];
  regex?: { expressions: { regexKey: string; language: string; regexPattern: string }[] };
}

export interface CluProjectFile {
  projectFileVersion: string;
  stringIndexType: 'Utf16CodeUnit';
  metadata: {
    projectKind: 'Conversation';
    projectName: string;
    multilingual: true;
    description: string;
    language: string;
    settings: { confidenceThreshold: number };
  };
  assets: {
    projectKind: 'Conversation';
    intents: { category: string }[];
    entities: CluEntityDefinition[];
    utterances: CluUtterance[];
  };
}

export interface ExportSummary {
  utterances: number;
  byDataset: Record<string, number>;
  byIntent: Record<string, number>;
  labels: Record<string, number>;
  /** The same text labelled with two intents: left out. */
  conflicting: number;
  duplicates: number;
}

/** Folded for matching (lowercase, accents off), with where each folded character came from. */
function fold(raw: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    for (const ch of raw[i].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()) {
      text += ch;
      at.push(i);
    }
  }
  return { text, at };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `words` are in `text`, ignoring case, accents and the punctuation or spaces between words. */
export function findSpan(text: string, words: string): { offset: number; length: number } | undefined {
  const parts = fold(words).text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!parts.length) return undefined;
  const hay = fold(text);
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${parts.map(escape).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u').exec(hay.text);
  if (!m) return undefined;
  const start = hay.at[m.index];
  const end = hay.at[m.index + m[0].length - 1] + 1;
  return { offset: start, length: end - start };
}

/** The first of these words (either language, longest first) found in the text. */
function firstOf(text: string, words: Record<Lang, string[]>, lang: Lang) {
  const all = [...words[lang], ...words[lang === 'it' ? 'en' : 'it']].sort((a, b) => b.length - a.length);
  for (const w of all) {
    const span = findSpan(text, w);
    if (span) return span;
  }
  return undefined;
}

const wordsList = <K extends string>(table: Record<K, Record<Lang, string[]>>): CluSublist[] =>
  (Object.entries(table) as [K, Record<Lang, string[]>][]).map(([listKey, words]) => ({
    listKey,
    synonyms: (['it', 'en'] as const).map((lang) => ({ language: CLU_LANGUAGE[lang], values: words[lang] })),
  }));

/** The project file, and what went in. */
export async function buildCluProject(
  corpora: ExportCorpus[],
  local: Recognizer,
  options: { projectName: string; description?: string },
): Promise<{ project: CluProjectFile; summary: ExportSummary }> {
  const utterances = new Map<string, CluUtterance>();
  const conflicts = new Set<string>();
  let duplicates = 0;
  const serviceWords = new Map<string, Map<Lang, Set<string>>>();
  const modelWords = new Map<string, Map<Lang, Set<string>>>();
  const remember = (table: Map<string, Map<Lang, Set<string>>>, key: string, lang: Lang, words: string) => {
    const byLang = table.get(key) ?? new Map<Lang, Set<string>>();
    const set = byLang.get(lang) ?? new Set<string>();
    set.add(words.toLowerCase());
    byLang.set(lang, set);
    table.set(key, byLang);
  };

  for (const corpus of corpora) {
    for (const item of corpus.items) {
      const text = maskVehicleIds(item.text.trim());
      if (!text) continue;
      const intent = item.intent === 'outOfDomain' ? CLU_NONE : item.intent;
      const id = `${corpus.lang}\u0000${text}`;
      const seen = utterances.get(id);
      if (seen) {
        if (seen.intent !== intent) conflicts.add(id);
        else duplicates++;
        continue;
      }
      const gold = item.entities ?? {};
      const labels: Label[] = [];
      const add = (category: string, span: { offset: number; length: number } | undefined) => {
        if (!span) return;
        if (labels.some((l) => span.offset < l.offset + l.length && l.offset < span.offset + span.length)) return; // no overlaps
        labels.push({ category, ...span });
      };
      const needsRules = gold.service !== undefined || gold.date !== undefined || gold.time !== undefined;
      const read = needsRules
        ? await local.recognize({ text: item.text, lang: corpus.lang, now: item.now ?? corpus.now, timeZone: corpus.timeZone, awaiting: item.awaiting as never })
        : undefined;
      if (typeof gold.name === 'string') add(CLU_ENTITY.name, findSpan(text, gold.name));
      if (typeof gold.model === 'string') {
        const span = findSpan(text, gold.model);
        add(CLU_ENTITY.model, span);
        if (span) remember(modelWords, gold.model, corpus.lang, text.slice(span.offset, span.offset + span.length));
      }
      if (typeof gold.postcode === 'string') add(CLU_ENTITY.postcode, findSpan(text, gold.postcode));
      if (typeof gold.service === 'string' && read?.entities.service?.id === gold.service) {
        const span = findSpan(text, read.entities.service.text);
        add(CLU_ENTITY.service, span);
        if (span) remember(serviceWords, gold.service, corpus.lang, text.slice(span.offset, span.offset + span.length));
      }
      if ((gold.date !== undefined || gold.time !== undefined) && read?.entities.date?.text && (read.entities.date.date ?? null) === (gold.date ?? null)) {
        add(CLU_ENTITY.date, findSpan(text, read.entities.date.text));
      }
      if (gold.part === 'morning' || gold.part === 'afternoon') add(CLU_ENTITY.part, firstOf(text, PART_WORDS[gold.part], corpus.lang));
      if (gold.asap) add(CLU_ENTITY.asap, firstOf(text, ASAP_WORDS as Record<Lang, string[]>, corpus.lang));
      if (typeof gold.mobility === 'string' && gold.mobility in MOBILITY_WORDS) {
        add(CLU_ENTITY.mobility, firstOf(text, MOBILITY_WORDS[gold.mobility as keyof typeof MOBILITY_WORDS], corpus.lang));
      }
      if (typeof gold.legs === 'string' && gold.legs in LEGS_WORDS) add(CLU_ENTITY.legs, firstOf(text, LEGS_WORDS[gold.legs as keyof typeof LEGS_WORDS], corpus.lang));
      if (gold.language === 'it' || gold.language === 'en') add(CLU_ENTITY.language, firstOf(text, LANGUAGE_WORDS[gold.language], corpus.lang));
      if (gold.choice !== undefined) add(CLU_ENTITY.choice, findSpan(text, String(gold.choice)));
      labels.sort((a, b) => a.offset - b.offset);
      utterances.set(id, { text, intent, language: CLU_LANGUAGE[corpus.lang], dataset: corpus.dataset, entities: labels });
    }
  }
  for (const id of conflicts) utterances.delete(id);

  const learnedList = (table: Map<string, Map<Lang, Set<string>>>): CluSublist[] =>
    [...table.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([listKey, byLang]) => ({
      listKey,
      synonyms: (['it', 'en'] as const)
        .filter((lang) => byLang.get(lang)?.size)
        .map((lang) => ({ language: CLU_LANGUAGE[lang], values: [...(byLang.get(lang) ?? [])].sort() })),
    }));

  const entities: CluEntityDefinition[] = [
    { category: CLU_ENTITY.service, compositionSetting: 'combineComponents', list: { sublists: learnedList(serviceWords) } },
    { category: CLU_ENTITY.model, compositionSetting: 'combineComponents', list: { sublists: learnedList(modelWords) } },
    { category: CLU_ENTITY.mobility, compositionSetting: 'combineComponents', list: { sublists: wordsList(MOBILITY_WORDS) } },
    { category: CLU_ENTITY.legs, compositionSetting: 'combineComponents', list: { sublists: wordsList(LEGS_WORDS) } },
    { category: CLU_ENTITY.name, compositionSetting: 'combineComponents', prebuilts: [{ category: 'Person.Name' }] },
    { category: CLU_ENTITY.address, compositionSetting: 'combineComponents' },
    {
      category: CLU_ENTITY.postcode,
      compositionSetting: 'combineComponents',
      regex: { expressions: (['it', 'en'] as const).map((lang) => ({ regexKey: `cap-${lang}`, language: CLU_LANGUAGE[lang], regexPattern: '\\b\\d{5}\\b' })) },
    },
    { category: CLU_ENTITY.choice, compositionSetting: 'combineComponents', prebuilts: [{ category: 'Quantity.Ordinal' }, { category: 'Quantity.Number' }] },
    { category: CLU_ENTITY.language, compositionSetting: 'combineComponents', list: { sublists: wordsList(LANGUAGE_WORDS) } },
    { category: CLU_ENTITY.change, compositionSetting: 'combineComponents', list: { sublists: wordsList(CHANGE_WORDS) } },
    { category: CLU_ENTITY.date, compositionSetting: 'combineComponents', prebuilts: [{ category: 'DateTime' }] },
    { category: CLU_ENTITY.part, compositionSetting: 'combineComponents', list: { sublists: wordsList(PART_WORDS) } },
    { category: CLU_ENTITY.asap, compositionSetting: 'combineComponents', list: { sublists: wordsList({ asap: ASAP_WORDS as Record<Lang, string[]> }) } },
  ];

  const list = [...utterances.values()];
  const count = (key: (u: CluUtterance) => string[]) =>
    list.reduce<Record<string, number>>((acc, u) => {
      for (const k of key(u)) acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
  const project: CluProjectFile = {
    projectFileVersion: '2023-04-01',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: 'Conversation',
      projectName: options.projectName,
      multilingual: true,
      description: options.description ?? 'Mobility Concierge: workshop booking and mobility (it, en). Generated by npm run nlu:export-clu.',
      language: CLU_LANGUAGE.it,
      settings: { confidenceThreshold: 0 },
    },
    assets: {
      projectKind: 'Conversation',
      intents: [...INTENTS.filter((i) => i !== 'outOfDomain'), CLU_NONE].map((category) => ({ category })),
      entities,
      utterances: list,
    },
  };
  return {
    project,
    summary: {
      utterances: list.length,
      byDataset: count((u) => [u.dataset]),
      byIntent: count((u) => [u.intent]),
      labels: count((u) => u.entities.map((e) => e.category)),
      conflicting: conflicts.size,
      duplicates,
    },
  };
}
