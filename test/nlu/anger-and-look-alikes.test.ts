/**
 * Fifth round of #12, written before the code, from the cross-validated misses of the main
 * corpus: anger at our work and a fault come back, a car stopped where it is in the way, said
 * plainly; and words that only sound like a hand-over (a company's contact person, a nurse in
 * the emergency room, a lawyer's hearing, glass covered by the insurance).
 */
import assert from 'node:assert/strict';
import type { Awaiting, Lang } from '../../dialogs/model';
import type { Intent } from '../../dialogs/understanding';
import { createLocalRecognizer } from '../../src/nlu/local';

const recognizer = createLocalRecognizer();
const NOW = '2027-01-14T18:10:00+01:00'; // a Thursday
const say = (text: string, lang: Lang, awaiting?: Awaiting) => recognizer.recognize({ text, lang, now: NOW, timeZone: 'Europe/Rome', awaiting });

type Case = [Lang, string, Intent, Awaiting?];

function check(cases: Case[]) {
  for (const [lang, text, intent, awaiting] of cases) {
    it(`${JSON.stringify(text)}${awaiting ? ` at ${awaiting}` : ''} → ${intent}`, async () => {
      assert.equal((await say(text, lang, awaiting)).intent, intent);
    });
  }
}

describe('anger, stops and look-alikes (#12, fifth round)', () => {
  describe('a complaint about our work said in anger, or the fault back (#12, main corpus cross-validated)', () => {
    check([
      ['en', "the Grecale came back yesterday with a scratch down the door that wasn't there. I'm absolutely raging", 'urgent'],
      ['en', 'same bloody warning light is back, you had the car four days and charged me 600 euros. I want an explanation', 'urgent'],
      ['en', 'you lot were meant to fix the coolant leak last week, same puddle under the car this morning', 'urgent'],
      ['it', "stessa spia di prima, dopo che l'avete riparata venerdì. 600 euro buttati, voglio spiegazioni", 'urgent'],
      ['it', "carrozzeria. e ditelo a chi me l'ha riconsegnata con la botta sul parafango, sono ancora arrabbiato nero", 'urgent', 'service'],
      ['it', 'mi hanno rubato la Levante stanotte dal cortile, ho già fatto denuncia. voi riuscite a localizzarla?', 'urgent'],
      // look-alikes: the same light as a year ago, a price grumble
      ['en', 'the same warning light as last winter is back, could you book me in for a check?', 'book'],
      ['it', 'la stessa spia di due anni fa si è riaccesa, vorrei un controllo la settimana prossima', 'book'],
    ]);
  });
  describe('stuck where the car stopped, said plainly (#12, main corpus cross-validated)', () => {
    check([
      ['en', 'a rear wheel came off after your tyre change, stuck on Via Nonantolana', 'urgent'],
      ['en', 'steering locked while driving, I stop in roundabout, cars behind, please quick', 'urgent'],
      ['en', 'I am in the mountains near Sestola, car not start, very cold', 'urgent'],
      ['it', 'la macchina si è fermata di colpo, sono fermo sul ponte del Secchia e mi suonano tutti', 'urgent'],
      ['it', "non parte più e sono messo di traverso all'incrocio, mandate qualcuno", 'urgent', 'address'],
      ['it', 'niente di grave eh, però sono rimasto a piedi al casello, batteria morta credo. mi mandate qualcuno?', 'urgent'],
    ]);
  });
  describe('words that only sound like a hand-over (#12, main corpus cross-validated)', () => {
    check([
      ['it', 'a nome della ditta Ferri Impianti srl, referente Gianni Ferri', 'inform', 'name'],
      ['it', 'sono infermiera in pronto soccorso e faccio i turni, posso lasciare la Levante giovedì alle 14 per le pastiglie?', 'book'],
      ['it', "Avvocato Mario Conti. Sarò a Modena per un'udienza in tribunale il 12, vorrei il tagliando della Quattroporte quella mattina", 'book'],
      ['it', "il parabrezza della Ghibli ha una crepa per un sasso, l'assicurazione copre i cristalli. giovedì mattina?", 'book'],
      ['en', 'my windscreen got a chip from a stone on the motorway, my insurance covers glass. Thursday morning?', 'book'],
    ]);
  });
});
