/**
 * The words: one i18next instance over locales/<lang>/translation.json, loaded once.
 * @module
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { LANGUAGES, type Lang } from '../../dialogs/model';
import { openingHoursText, type WeekHours } from './opening-hours';

export const LOCALES_DIR = path.resolve(__dirname, '../../locales');

export function readLocale(lang: Lang): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'translation.json'), 'utf8'));
}

/** Variables every message may use ({{dealer}}, {{phone}}, {{address}}), from the dealer file. */
export interface Globals {
  dealer: string;
  phone: string;
  address?: string;
  /** Pickup & delivery and the staff shuttle: how far, how much notice (what they mean, #11). */
  pickupRadiusKm?: number;
  pickupNoticeHours?: number;
  shuttleRadiusKm?: number;
  /** #13: how many hours before the appointment the chat may still change or cancel it. */
  changeHours?: number;
  /** The opening hours, said in each language as `$t(facts.hours)`. */
  hours?: WeekHours;
}

export async function createI18n(globals: Globals): Promise<i18n> {
  const { hours, ...variables } = globals;
  const instance = i18next.createInstance();
  await instance.init({
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: readLocale(l) }])),
    lng: 'it',
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false, defaultVariables: { ...variables } },
    returnNull: false,
  });
  // dealer facts said in words of each language (answers to "what time do you open?")
  for (const lang of LANGUAGES) instance.addResource(lang, 'translation', 'facts.hours', hours ? openingHoursText(hours, lang) : '');
  return instance;
}

export type Translate = TFunction;
