/**
 * Fifth round of #12, written before the code, from the cross-validated misses of the main
 * corpus: anger at our work and a fault come back, a car stopped where it is in the way, said
 * plainly; and words that only sound like a hand-over (a company's contact person, a nurse in
 * the emergency room, a lawyer's hearing, glass covered by the insurance).
 */
import assert from 'node:assert/strict';
import { intentCases } from '../support/intent-cases';

const { say, check } = intentCases('2027-01-14T18:10:00+01:00'); // a Thursday

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
  describe('a car that will not go, at home and in no hurry, is a booking (#12, main corpus cross-validated)', () => {
    it('"la macchina ve l\'ha già scaricata" (the tow truck came and went): no hand-over', async () => {
      assert.notEqual((await say("il tizio del carro attrezzi mi ha detto di scrivervi, la macchina ve l'ha già scaricata nel piazzale", 'it')).intent, 'urgent');
    });
    it('"nel caso facessi un incidente con l\'auto di cortesia…" supposes an accident: no hand-over', async () => {
      assert.notEqual((await say("nel caso facessi un incidente con l'auto di cortesia, sono assicurato io o voi?", 'it')).intent, 'urgent');
    });
    check([
      ['it', 'la Grecale ha la batteria a terra e non parte, ma è in garage, non in strada. venite a prenderla voi?', 'book'],
      ['it', 'la ghibli ha i freni andati, il pedale va fino in fondo. non la muovo, è in cortile. passate a prenderla?', 'book'],
      ['it', 'stamattina non è partita, è nel box a casa, nessuna fretta. giovedì potete ritirarla?', 'book'],
      ['en', "the Levante won't start, it's in my garage at home, no rush. could you collect it this week?", 'book'],
      ['en', 'brakes feel gone so I left it on the drive, not moving it. can someone fetch it?', 'book'],
      ['it', 'ieri la Levante non partiva, ho chiamato il soccorso stradale e ora è a posto, vorrei un controllo della batteria', 'book'],
      ['it', "mio figlio ha avuto un incidente con la sua auto, non con la maserati, io devo solo fare le gomme alla levante", 'book'],
      ['it', 'ho visto su facebook che la levante di un amico ha preso fuoco, mi fate un controllo completo alla mia?', 'book'],
      ['it', 'incidente diplomatico in famiglia: mia moglie vuole la Levante lucidata per sabato', 'book'],
      ['it', "qualcuno mi ha spaccato il finestrino della levante per rubare la borsa, ora c'è il nastro adesivo. domani alle 8 potete?", 'book'],
      ['it', "e se l'auto di cortesia me la rigano o faccio un incidente, chi paga?", 'inform', 'mobility'],
      // still urgent: at home but smoke, a child, locked in
      ['it', 'la macchina è in garage a casa ma esce fumo dal cofano, che faccio?', 'urgent'],
      ['en', "it won't start and my baby is locked inside, it's on my driveway", 'urgent'],
      ['en', "car died on the motorway, no rush for the repair but I'm stuck here now", 'urgent'],
    ]);
  });
  describe('happening now, in words the rules did not know (#12, main corpus cross-validated)', () => {
    it('"the car is not there yet?" asks about a delivery: no hand-over', async () => {
      assert.notEqual((await say('the car is not there yet? I was told it would be delivered at 10', 'en')).intent, 'urgent');
    });
    check([
      ['it', 'poi si è spenta del tutto. adesso sono fermo sul ponte e mi girano intorno tutti', 'urgent'],
      ['en', "the brake pedal just went soft while I'm sitting in traffic, what do I do?", 'urgent', 'confirm'],
      ['it', 'il pedale del freno è diventato spugnoso, sto guidando in coda in tangenziale', 'urgent', 'mobility'],
      ['en', "via Canaletto 88, but hurry, the car is now pouring smoke and I'm standing next to it", 'urgent', 'address'],
      ['it', 'mi stanno rubando la Ghibli in questo momento sotto casa!!!', 'urgent'],
      ['en', 'the car is not there anymore!!! I left it outside 20 minutes ago', 'urgent'],
      ['en', 'the bonnet just flew up on the ring road, pulled over, you fixed the latch last week', 'urgent'],
      ['en', 'got it back from you yesterday and there is a scratch on the door that was not there before', 'urgent'],
      ['en', 'second time the car has come back from you with the same fault light, sort it', 'urgent'],
      ['en', "picked it up Friday after the aircon regas and it's blowing hot again already", 'urgent'],
      // look-alikes
      ['it', 'il pedale del freno è un po spugnoso da qualche settimana, vorrei un controllo', 'book'],
    ]);
  });
  describe('a car that stopped, and where I am now (#12, main corpus cross-validated)', () => {
    check([
      ['it', 'gomma a terra e ruotino sgonfio, sono sulla via Emilia a Rubiera davanti al distributore', 'urgent'],
      ['it', 'mi si è rotta la macchina, sono sui viali e non va oltre i 20 all ora, che faccio?', 'urgent'],
      ['en', "the car died and won't restart, I'm on Via Giardini outside the bakery", 'urgent'],
      ['en', "flat tyre and no spare, we're at the petrol station on the Nonantolana", 'urgent'],
      // told, not happening: at home, or for a booking
      ['it', 'la gomma era a terra stamattina, sono a casa, la posso portare domani?', 'book'],
      ['en', "I'm on Via Giardini, 5 minutes from you, could I bring it in for the flat tyre on Friday?", 'book'],
    ]);
  });
  describe('last round: afraid to drive it, a fault after any work of ours; an engine light booked calmly (#12, twenty-second writers)', () => {
    check([
      ['it', 'sbanda e fa un rumore di ferro dalla ruota, ho paura a guidarla, sono in collina', 'urgent', 'service'],
      ['en', "it pulls hard and grinds, honestly I'm scared to drive it any further", 'urgent'],
      ['it', 'il climatizzatore che mi avete ricaricato la settimana scorsa adesso fa fumo dalle bocchette', 'urgent', 'service'],
      ['it', 'sì ok, ma la macchina che ho ritirato da voi venerdì frena malissimo, stamattina ho rischiato', 'urgent', 'confirm'],
      ['en', "my wife's Levante has had the engine light on since yesterday, please book it under Anna Gruber, she's useless with chats", 'book'],
      ['en', 'my MC20 got hit by a scooter in the car park, rear panel dented. need it fixed. plate GK219VW', 'book'],
      ['it', 'chiedo appuntamento per sostituire il motorino del tergicristallo, non si muove più', 'book'],
      ['it', "ogni tanto va in avaria motore in autostrada. adesso va ma non mi fido, domattina presto si può?", 'book'],
      ['en', 'you lot are useless, third time the same fault', 'urgent'],
      ['it', 'non mi fido a guidarla così in autostrada, vorrei un controllo prima delle ferie', 'book'],
    ]);
  });
});
