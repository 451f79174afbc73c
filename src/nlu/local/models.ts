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
  ['Spyder', ['spyder', 'spider']],
  ['3200 GT', ['3200 ?gt']],
]);
