/**
 * Maserati models named in a message ("levante", "Grekale", "gran turismo"), typo-tolerant.
 * @module
 */
import { PhraseSet } from './phrases';

/** Canonical model names; multi-word and trim variants first so they win over the base name. */
export const MODELS = new PhraseSet<string>([
  ['GranCabrio Folgore', ['gran ?cabrio folgore']],
  ['GranTurismo Folgore', ['gran ?turismo folgore']],
  ['Grecale Folgore', ['grecale folgore']],
  ['MC20 Cielo', ['mc ?20 cielo']],
  ['MCPura', ['mc ?pura']],
  ['Grecale', ['grecale', 'grekale', 'gracale']],
  ['Levante', ['levante', 'levant']],
  ['Ghibli', ['ghibli', 'gibli', 'ghilbi']],
  ['Quattroporte', ['quattro ?porte', 'quatroporte', 'qp']],
  ['MC20', ['mc ?20']],
  ['GranCabrio', ['gran ?cabrio', 'grancabriolet']],
  ['GranTurismo', ['gran ?turismo', 'granturism\\w*', 'gt']],
  ['GranSport', ['gran ?sport']],
  // the classics customers still bring (#12, eighteenth voices): "my Biturbo", "a Maserati Coupé from 2003"
  ['Biturbo', ['bi ?turbo']],
  ['Spyder', ['spyder', 'spider']],
  ['3200 GT', ['3200 ?gt']],
  ['4200 GT', ['4200 ?gt']],
  ['Coupé', ['coupe']],
  ['MC12', ['mc ?12']],
  ['Merak', ['merak']],
  ['Shamal', ['shamal']],
  ['Mistral', ['mistral']],
  ['Kyalami', ['kyalami']],
  ['Khamsin', ['khamsin']],
  ['Karif', ['karif']],
]);
