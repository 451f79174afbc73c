/**
 * The CLU project's entities (categories shared by the export and the mapping), and the words of
 * its list components where our corpus labels carry no span: with them the export labels where
 * a mobility, legs, part of the day, "as soon as possible" or language is said, and CLU answers
 * the key (`extraInformation: ListKey`). Recognition vocabulary, not words the bot says.
 * @module
 */
import type { Lang, Legs, MobilityWish } from '../../../dialogs/model';

export const CLU_ENTITY = {
  service: 'Service',
  model: 'Model',
  mobility: 'Mobility',
  legs: 'Legs',
  name: 'Name',
  address: 'Address',
  postcode: 'Postcode',
  choice: 'Choice',
  language: 'Language',
  change: 'Change',
  date: 'DateTime',
  part: 'DayPart',
  asap: 'Asap',
} as const;

/** CLU's language codes (language support: English is `en-us`), in the project and in each request. */
export const CLU_LANGUAGE: Record<Lang, string> = { it: 'it', en: 'en-us' };

/** CLU's own "nothing of ours" intent: our `outOfDomain`. */
export const CLU_NONE = 'None';

type Words = Record<Lang, string[]>;

export const MOBILITY_WORDS: Record<MobilityWish, Words> = {
  replacement: {
    it: ["auto di cortesia", "macchina di cortesia", "auto sostitutiva", "macchina sostitutiva", "vettura sostitutiva", "vettura di cortesia", "un'auto", "una macchina"],
    en: ['courtesy car', 'loan car', 'replacement car', 'loaner', 'a car'],
  },
  'courtesy-car-brand': { it: ['maserati di cortesia', 'auto di cortesia maserati', 'auto della casa'], en: ['maserati courtesy car', 'courtesy maserati'] },
  'courtesy-car-other': { it: ['auto di cortesia di altra marca', 'altra marca'], en: ['other brand', 'any courtesy car'] },
  'rental-car': { it: ['noleggio', 'auto a noleggio', 'macchina a noleggio', 'a noleggio'], en: ['rental car', 'rental', 'hire car', 'rent a car'] },
  'pickup-delivery': { it: ['ritiro e consegna', 'ritiro a domicilio', 'venite a prenderla', 'ritirarla'], en: ['pick up and delivery', 'collection and delivery', 'pickup and delivery', 'collect it'] },
  taxi: { it: ['taxi'], en: ['taxi', 'cab'] },
  'staff-shuttle': { it: ['navetta', 'passaggio', 'accompagnare'], en: ['shuttle', 'a lift', 'drive me'] },
  'public-transport': { it: ['mezzi pubblici', 'autobus', 'bus', 'treno'], en: ['public transport', 'bus', 'train'] },
  none: { it: ['niente', 'nulla', 'aspetto', 'non mi serve'], en: ['nothing', "i'll wait", 'no need'] },
};

export const LEGS_WORDS: Record<Legs, Words> = {
  pickup: { it: ['ritiro', 'ritirare', 'prenderla', 'venire a prendere'], en: ['pick up', 'pickup', 'collect', 'collection'] },
  delivery: { it: ['consegna', 'riportarla', 'riportare', 'consegnare'], en: ['delivery', 'deliver', 'bring it back', 'drop it off'] },
  both: { it: ['ritiro e consegna', 'andata e ritorno', 'entrambi'], en: ['both ways', 'pick up and deliver', 'both'] },
};

export const PART_WORDS: Record<'morning' | 'afternoon', Words> = {
  morning: { it: ['mattina', 'mattino', 'in mattinata', 'di mattina'], en: ['morning', 'in the morning', 'am'] },
  afternoon: { it: ['pomeriggio', 'dopo pranzo', 'nel pomeriggio'], en: ['afternoon', 'after lunch', 'pm'] },
};

export const ASAP_WORDS: Words = {
  it: ['prima possibile', 'il prima possibile', 'al più presto', 'appena possibile', 'primo posto libero', 'prima data disponibile'],
  en: ['as soon as possible', 'asap', 'earliest', 'first available', 'soonest'],
};

export const LANGUAGE_WORDS: Record<Lang, Words> = {
  it: { it: ['italiano', 'in italiano'], en: ['italian', 'in italian'] },
  en: { it: ['inglese', 'in inglese'], en: ['english', 'in english'] },
};

export const CHANGE_KEYS = ['date', 'mobility', 'service', 'vehicle', 'name'] as const;
export const CHANGE_WORDS: Record<(typeof CHANGE_KEYS)[number], Words> = {
  date: { it: ['cambiare data', 'altro giorno', 'spostare'], en: ['change the date', 'another day', 'move it'] },
  mobility: { it: ['altra soluzione', 'troppo caro', 'avete altro'], en: ['something else', 'too expensive', 'another option'] },
  service: { it: ['cambiare servizio', 'altro lavoro'], en: ['change the service', 'different work'] },
  vehicle: { it: ['altra macchina', 'cambiare auto', 'altra targa'], en: ['another car', 'different car', 'other plate'] },
  name: { it: ['cambiare nome', 'nome sbagliato'], en: ['change the name', 'wrong name'] },
};
