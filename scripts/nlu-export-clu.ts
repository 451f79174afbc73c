/**
 * `npm run nlu:export-clu [-- --out file] [--project name]`: writes a CLU project file
 * (src/nlu/clu/export.ts) from the labelled corpora in test/nlu/corpus — the main corpus as the
 * Train set, the old `*-holdout.json` there as the Test set — for Language Studio's "Import"
 * (docs/understanding.md). Never reads test/nlu/holdout. Default: data/clu/<project>.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildCluProject, type ExportCorpus } from '../src/nlu/clu/export';
import { loadCorpus, loadLanguageCorpus } from '../src/nlu/eval/corpus';
import { createLocalRecognizer } from '../src/nlu/local';
import { CORPUS_DIR, REPO_ROOT } from '../src/nlu/model/train';

/** The corpora exported: test/nlu/corpus only. */
export function exportCorpora(root = REPO_ROOT): ExportCorpus[] {
  const dir = join(root, CORPUS_DIR);
  const out: ExportCorpus[] = [];
  for (const lang of ['it', 'en'] as const) {
    out.push({ ...loadLanguageCorpus(dir, lang), dataset: 'Train' });
    const old = join(dir, `${lang}-holdout.json`);
    if (existsSync(old)) out.push({ ...loadCorpus(old), dataset: 'Test' });
  }
  return out;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const projectName = option('project') ?? 'mobility-concierge';
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(projectName)) throw new Error('--project: letters, digits, . _ - only');
  const out = resolve(option('out') ?? join(REPO_ROOT, 'data', 'clu', `${projectName}.json`));
  const { project, summary } = await buildCluProject(exportCorpora(), createLocalRecognizer(), { projectName });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(project, null, 1)}\n`);
  console.log(`CLU project "${projectName}" written to ${out}`);
  console.log(`utterances: ${summary.utterances} (${Object.entries(summary.byDataset).map(([k, v]) => `${k} ${v}`).join(', ')}); ` +
    `${summary.duplicates} duplicates merged, ${summary.conflicting} texts with two intents left out`);
  console.log(`intents: ${Object.entries(summary.byIntent).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`entity labels: ${Object.entries(summary.labels).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log('Import it in Language Studio (Conversational language understanding → Import), train, deploy, then set NLU_PROVIDER=clu.');
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
