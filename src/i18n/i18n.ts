/**
 * The words: one i18next instance over locales/<lang>/translation.json, loaded once.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { LANGUAGES, type Lang } from '../../dialogs/model';

export const LOCALES_DIR = path.resolve(__dirname, '../../locales');

export function readLocale(lang: Lang): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'translation.json'), 'utf8'));
}

/** Variables every message may use ({{dealer}}, {{phone}}), from the dealer file. */
export interface Globals {
  dealer: string;
  phone: string;
}

export async function createI18n(globals: Globals): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: readLocale(l) }])),
    lng: 'it',
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false, defaultVariables: { ...globals } },
    returnNull: false,
  });
  return instance;
}

export type Translate = TFunction;
