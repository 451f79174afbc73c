/**
 * The web chat's words: locales/<lang>/webchat.json (the page, the receipt card), plus the names
 * of services and solutions from the dialogue's translation.json, so the card says exactly what
 * the conversation said.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Lang } from '../../../dialogs/model';
import { LOCALES_DIR, readLocale } from '../../i18n/i18n';

export type Words = Record<string, unknown>;

export function readWebChatWords(lang: Lang): Words {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'webchat.json'), 'utf8')) as Words;
}

/** Looks up `a.b.c` in nested words and fills `{{name}}`; the key itself when missing. */
export function lookup(words: Words, key: string, vars: Record<string, string> = {}): string {
  const found = key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Words)[k] : undefined), words);
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => vars[name] ?? m);
}

export interface WebChatWords {
  page: Record<Lang, Words>;
  /** The dialogue's words (service.*, solution.*), read-only. */
  dialogue: Record<Lang, Words>;
}

export function loadWords(): WebChatWords {
  return {
    page: Object.fromEntries(LANGUAGES.map((l) => [l, readWebChatWords(l)])) as Record<Lang, Words>,
    dialogue: Object.fromEntries(LANGUAGES.map((l) => [l, readLocale(l)])) as Record<Lang, Words>,
  };
}
