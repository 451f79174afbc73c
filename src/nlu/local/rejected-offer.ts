/**
 * The customer turns down the solution in the summary without naming another ("troppo caro,
 * avete altro?", "too pricey, any other options?"): the solutions are offered again (R4), and a
 * later "yes" cannot book the one refused.
 * @module
 */
import { PhraseSet } from './phrases';

export const REJECTED_OFFER = new PhraseSet<'mobility'>([
  ['mobility', [
    'troppo car[oa]', 'costa troppo', 'costano troppo', 'e troppo', 'troppo costos\\w*', 'meno costos\\w*', 'piu economic\\w*', 'meno car[oa]', 'spendere (meno|di meno)',
    '(un|un altra|altra|altre|diversa) soluzion\\w*', 'qualcos altro', 'qualcosa d altro', 'qualcosa di diverso', 'alternativ\\w*', 'c e (dell )?altro', 'avete (dell )?altro', 'cos altro',
    'too (expensive|pricey|much)', 'cheaper', 'less expensive', 'costs too much', 'something else', 'what else', 'other options?', 'another option', 'any other', 'alternatives?', 'different option',
  ]],
]);

/**
 * The slots offered turned down as a whole ("none of those", "nessuna va bene", "neither"): at the
 * slot question a no to the list (with another day it is that day's wish), never a way of getting
 * around ("none") nor a yes ("va bene").
 */
export const SLOTS_REFUSED =
  /\b(none of (those|these|them|the (times|slots|dates|options))|neither( of (those|these|them))?|(those|these|they|them) (don t|do not|dont) (work|suit|fit)|none (suits|suit|works|work|fits|fit|is good|are good)|nessun[oa]? (di (questi|queste|loro|quest\w*|quegli|quelli|quelle|quei)|dell[ae]|dei|degli|mi va|va( bene)?|orari\w*|mi (sta|torna|conviene))|nessun[oa] (di|la|il|al) (mattina|pomeriggio|sera|mattino)|(quegli|questi) orari non (mi )?(vanno|stanno bene|tornano|vanno bene)|(can t|cannot|can not|couldn t|won t be able to) (make|do) (any|either) of (them|those|these)|non mi (va|vanno|sta|stanno|torna|tornano) bene nessun[oa]?|non (va|vanno) bene nessun[oa]?|^(none|nessun[oa]|neither)\b(?= [a-z]))\b/;
