/**
 * Sixth round of #12, written before the code: what the twentieth writers (blind until this
 * round) showed the rules read wrong, said again in other voices. Insurance named beside the
 * work wanted is a booking (a dispute or a lawyer is not); "road legal" is no legal matter.
 */
import { intentCases } from '../support/intent-cases';

const { check } = intentCases('2027-01-11T09:30:00+01:00'); // a Monday

describe('sixth round (#12)', () => {
  describe('insurance beside the work wanted is a booking', () => {
    check([
      ['en', 'Ghibli - rear windscreen replacement, insurance job. Could you do it Thursday 14th?', 'book'],
      ['en', 'need the bonnet resprayed on the Levante, insurance claim is open, when can I bring it?', 'book'],
      ['en', "Grecale, cracked windscreen, my insurer said I can choose the garage. Any chance next week?", 'book'],
      ['en', 'looking for a sportier exhaust on the MC20, still road legal please. what would it cost?', 'book'],
      ['it', "parabrezza della levante da cambiare, pratica con l'assicurazione già aperta, avete posto giovedì?", 'book'],
      ['it', 'devo rifare il paraurti della ghibli, è un sinistro con la mia assicurazione, quando posso portarla?', 'book'],
      ['it', 'ciao, la polizza cristalli copre il vetro, vorrei fissare la sostituzione per la settimana prossima', 'book'],
    ]);
  });
  describe('a dispute, a lawyer, or an insurer asking for a person still hands over', () => {
    check([
      ['en', 'my insurer refuses your invoice for the bumper repair and my lawyer will be in touch', 'urgent'],
      ['it', "il mio avvocato vi scriverà per la riparazione del paraurti fatta male", 'urgent'],
      ['en', 'I need to speak to someone about the insurance claim for the windscreen, it is complicated', 'human'],
      ['it', "vorrei parlare con qualcuno per la pratica dell'assicurazione sul paraurti", 'human'],
    ]);
  });
  describe('insurance to buy is not our business', () => {
    check([
      ['it', "quanto mi costa l'assicurazione kasko sulla levante?", 'outOfDomain'],
      ['en', 'how much would fully comprehensive insurance be on a Grecale?', 'outOfDomain'],
    ]);
  });
});

describe('sixth round (#12): told now, in other words', () => {
  describe('an emergency said without the usual words', () => {
    check([
      ['it', "la levante è entrata in modalità emergenza sulla via emilia, va ai 30 all'ora e ho la coda dietro", 'urgent'],
      ['it', 'fate presto vi prego, la grecale sta fumando davanti alla scuola di mia figlia', 'urgent'],
      ['en', "Levante went into limp mode on the ring road, I'm doing 40 with lorries behind me", 'urgent'],
      ['it', 'ieri me l\'avete riconsegnata e oggi la spia del motore è accesa fissa, ma come è possibile?', 'urgent'],
      ['en', 'collected it from you yesterday after the service and this morning a red warning light came on. seriously?', 'urgent'],
      ['it', 'il bagagliaio non si apre più da quando me l\'avete ridata, ho dentro la valigia per domani!', 'urgent'],
      ['en', "the sunroof won't close anymore since you serviced it and it's pouring with rain", 'urgent'],
    ]);
  });
  describe('anger that names our work, or a promise broken', () => {
    check([
      ['it', 'vi ho già scritto tre volte, il tagliando che avete fatto non è stato fatto e nessuno risponde. vergognoso', 'urgent'],
      ['en', "You replaced my brake pads a month ago and they're squealing like mad. Paid 600 euros. Disgusting.", 'urgent'],
      ['en', "I was promised the car by 10 and it's now half 12, I'm sat in your showroom and nobody can tell me anything", 'urgent'],
      ['it', "mi avevate promesso la macchina per le 11, sono qui in accettazione da un'ora e nessuno mi sa dire niente", 'urgent'],
    ]);
  });
  describe('a person asked for by title; a call before the driver comes is none', () => {
    check([
      ['it', "il signor Bertoni c'è? mi aveva detto di scrivergli qui per la Ghibli", 'human'],
      ['it', "la dottoressa Ferri è in sede oggi? devo parlarle", 'human'],
      ['it', "telefonatemi un quarto d'ora prima di passare a prenderla, il numero lo avete", 'inform', 'text'],
      ['en', 'give me a ring half an hour before the driver comes, you have my number', 'inform', 'text'],
      ['en', 'do you know a decent insurance broker round Modena? my premium has just doubled', 'outOfDomain'],
    ]);
  });
});

/** Written before the code, from what the twenty-fifth writers (indirect hand-overs and look-alikes) showed, in other words. */
describe('sixth round (#12): indirect hand-overs and their look-alikes', () => {
  describe('a fault right after our work, said as a story', () => {
    check([
      ['it', 'ho ritirato la levante stamattina dopo il cambio pastiglie e adesso in frenata il volante trema tutto', 'urgent'],
      ['it', 'la grecale riconsegnatami ieri sera si spegne da sola in coda, ma che avete combinato', 'urgent'],
      ['en', 'picked it up from your body shop this morning and now rain is coming in through the door seal', 'urgent'],
      ['en', 'got it back yesterday after the clutch job and it keeps cutting out at junctions', 'urgent'],
      ['it', "me l'avete ridata ieri dopo il lavoro sul tettuccio e piove dentro", 'urgent'],
      ['en', "collected my Quattroporte yesterday, there's a horrible rattle now and I'm not sure I'll make it home", 'urgent'],
    ]);
  });
  describe('anger at our work, between the lines', () => {
    check([
      ['it', 'ma sapete fare il vostro lavoro? tre giorni in officina per il clima e adesso esce aria calda', 'urgent'],
      ['en', "do you lot even know what you're doing? four days for the aircon and it blows hot", 'urgent'],
      ['it', "mi è arrivata una fattura per lavori che nessuno ha autorizzato, 1800 euro!", 'urgent'],
      ['en', "you've charged me for work I never authorised, 900 euros", 'urgent'],
      ['it', "mi è tornata con un bozzo sul cofano che prima non c'era, ma stiamo scherzando?", 'urgent', 'text'],
      ['it', 'scrivete pure che sono molto arrabbiato, è la seconda volta che la riporto', 'urgent', 'text'],
      ['en', "put in the note that I'm extremely angry, third time it's back for this", 'urgent', 'text'],
      ['it', "un amico mi ha appena mandato la foto della mia macchina in giro per Modena, ma la state usando voi?", 'urgent'],
      ['en', 'a mate just sent me a photo of my car being driven round town while it is supposed to be in your workshop', 'urgent'],
    ]);
  });
  describe('stopped or in danger now, said plainly', () => {
    check([
      ['it', 'sono al casello di Modena nord, si è rotto qualcosa sotto, rumore metallico e ho spento tutto', 'urgent'],
      ['en', 'sorry my english, I am stop on road to Sassuolo with Ghibli, motor no start', 'urgent'],
      ['en', 'lost the front bumper on the ring road, it just fell off', 'urgent'],
      ['it', 'nessuna delle due, mi è appena venuto addosso un furgone in retromarcia', 'urgent', 'slot'],
      ['it', 'mi si è staccata una ruota in curva, per fortuna andavo piano', 'urgent'],
      ['en', 'a wheel came off while I was driving, luckily I was going slowly', 'urgent'],
      ['it', 'mi si è rotta la macchina sulla provinciale, sono fermo davanti a un distributore chiuso', 'urgent', 'service'],
      ['it', 'no aspetti, sento odore di bruciato adesso, mi devo fermare?', 'urgent', 'confirm'],
      ['en', '2 is fine but the oil light just went red on the motorway, should I stop?', 'urgent', 'slot'],
      ['en', "Laura Price, but honestly I feel unsafe driving it right now, there's a burning plastic smell", 'urgent', 'name'],
    ]);
  });
  describe('a person asked for, in everyday words', () => {
    check([
      ['it', "mio padre ha 88 anni e non usa il cellulare, qualcuno può telefonargli per il tagliando?", 'human'],
      ['en', "my mum's 90 and can't do chats, could someone ring her at home?", 'human'],
      ['it', 'prima di confermare mi telefona qualcuno per rivedere tutto?', 'human', 'confirm'],
      ['it', "sono al volante, potrei avere una chiamata tra un'ora?", 'human', 'vehicle'],
      ['it', "Gina Russo. ho 79 anni e scrivere mi stanca, non mi chiamate voi?", 'human', 'name'],
      ['en', "could Marco get back to me? he's got all the details", 'human'],
      ['en', 'can Luca from the service desk give me a shout?', 'human'],
      ['en', "before I say yes I'd like to hear from someone about the price", 'human', 'confirm'],
      ['en', "it's hard to find, better if one of you calls me and I'll talk you in", 'human', 'address'],
      ['en', "company car, no idea of the plate, have someone ring my office", 'human', 'vehicle'],
      ['en', "I'd rather talk it over with whoever helped me last time", 'human', 'mobility'],
    ]);
  });
  describe('look-alikes that book or answer', () => {
    check([
      ['it', 'due anni fa mi avete rifatto la carrozzeria dopo un incidente, lavoro perfetto; ora solo una lucidatura', 'book'],
      ['en', 'you sorted my bodywork brilliantly after a crash two summers ago; this time just a valet', 'book'],
      ['it', 'vorrei la revisione per la ghibli, mi potete chiamare quando è pronta?', 'book'],
      ['it', 'Giorgio mi segue sempre per la Levante, vorrei fare il solito tagliando', 'book'],
      ['en', 'Sara always looks after my car, I need the yearly service on the Ghibli', 'book'],
      // (the workshop's number asked for is a wish to phone, a person, as most writers have it: test/nlu/everyday.test.ts)
      ['it', 'il vostro carro attrezzi va anche in Toscana? chiedo per il futuro, ora è tutto ok', 'inform'],
      ['en', 'do you tow from outside the province? just asking for the future, all fine now', 'inform'],
      ['it', 'la seconda, e chiamatemi il giorno prima per ricordarmelo', 'inform', 'slot'],
      ['en', '1 works, could you ring me the day before as a reminder?', 'inform', 'slot'],
      ['it', 'giovedì, se c\'è il signor Neri meglio, altrimenti fa niente', 'inform', 'date'],
      ['it', 'il numero su cui chiamarmi è quello che avete già', 'inform', 'text'],
      ['it', 'Chen Wei. ci siamo già sentiti al telefono con un vostro consulente', 'inform', 'name'],
      ['it', 'via Emilia Est 200, suonate al citofono o chiamatemi se serve', 'inform', 'address'],
      ['en', "when it's ready I'd like a call rather than a text", 'inform', 'text'],
    ]);
  });
});

/** Written before the code: the second pass over the twenty-fifth writers, in other voices. */
describe('sixth round (#12): second pass', () => {
  describe('urgent', () => {
    check([
      ['it', "sono in autogrill a Fiorenzuola, credo si sia rotto il turbo, fischio fortissimo e ho spento", 'urgent'],
      ['en', "two weeks to get it back and the squeak is still there, exactly the same", 'urgent'],
      ['it', "dieci giorni per riaverla e il rumore è ancora lì uguale", 'urgent'],
      ['en', "after your valet there are swirl marks all over the doors, lost for words", 'urgent'],
      ['en', "my wife is out in the Ghibli and it keeps cutting out in traffic, she's panicking", 'urgent'],
      ['en', "lost the whole front bumper on the ring road, it just came off", 'urgent'],
      ['en', "just collected it from your body shop and water is coming in through the roof", 'urgent'],
      ['en', "paid for new discs on Monday and this morning the brakes were smoking coming down the hill. I expect an explanation", 'urgent'],
      ['en', "the car you returned has a scratch on the wing that wasn't there. unbelievable", 'urgent', 'text'],
      ['en', "no hold on, it just died in the middle of the junction", 'urgent', 'confirm'],
      ['en', "the warning you reset came back on five minutes after I left, ten minutes ago", 'urgent', 'text'],
      ['en', "the car has been in your yard with the bonnet open for two weeks and nobody is working on it", 'urgent', 'text'],
      ['en', "the Levante I collected this morning is making a grinding noise and I'm driving it now", 'urgent', 'name'],
      ['en', "yes but smoke just came out of the bonnet, do I still drive it over?", 'urgent', 'confirm'],
      ['en', "I'm at the Modena Nord services and the Levante won't start, kids in the back", 'urgent', 'address'],
      ['en', "the airbag light came on and then the driver's airbag went off by itself in the car park", 'urgent'],
      ['en', "crash on the way to work, car's a mess and I've got a cut on my arm, nothing serious", 'urgent', 'service'],
    ]);
  });
  describe('not urgent, no person', () => {
    check([
      ['it', "un anno fa mi avete sistemato la fiancata dopo un incidente, perfetto, ora mi serve solo il tagliando", 'book'],
      ['en', "a year ago you fixed my wing after an accident, great job; now just the annual service", 'book'],
      ['it', "ieri sulla tangenziale è comparsa la scritta 'service', poi è sparita. un controllo?", 'inform', 'service'],
      ['it', "lunedì, così se devo parlare col meccanico lo trovo", 'inform', 'date'],
      ['it', "Anna Bassi. ci eravamo sentiti per telefono la settimana scorsa con una vostra collega", 'inform', 'name'],
      ['en', "please phone me before any extra work, that's all", 'inform', 'text'],
      ['it', "il numero fisso che c'è sul sito funziona ancora?", 'inform'],
      ['en', "is the phone number on your website still working?", 'inform'],
    ]);
  });
});

/** Written before the code: entities the twenty-fourth writers (entity-rich) showed read wrong, in other words. */
describe('sixth round (#12): entities', () => {
  const { checkEntities } = intentCases('2027-01-11T09:30:00+01:00'); // a Monday
  describe('a part of the day wished for in a first message', () => {
    checkEntities([
      ['en', 'Ghibli service please, afternoons only', { part: 'afternoon', date: undefined }],
      ['en', 'need new tyres on the Levante, mornings are best for me', { part: 'morning' }],
      ['en', 'could you fit the Grecale in this afternoon? the brakes squeak', { date: '2027-01-11', part: 'afternoon' }],
      ['it', 'tagliando levante, oggi pomeriggio ce la fate?', { date: '2027-01-11', part: 'afternoon' }],
      ['it', 'vorrei fare la revisione, solo di pomeriggio perché la mattina lavoro', { part: 'afternoon' }],
      ['it', 'cambio gomme sulla ghibli, preferibilmente di mattina', { part: 'morning' }],
      ['en', 'any afternoon this week works for the MOT', { part: 'afternoon' }],
      ['en', 'in 3 weeks, mornings', { date: '2027-02-01', part: 'morning' }, 'date'],
    ]);
  });
  describe('a part of the day in a story is no wish', () => {
    checkEntities([
      ['en', "my Levante pulls to the left in the morning when it's cold, can you check it?", { part: undefined }],
      ['it', 'la mattina a freddo fa fumo bianco, vorrei un controllo', { part: undefined }],
      ['en', 'every afternoon the aircon stops blowing cold', { part: undefined }],
    ]);
  });
  describe('no postcode inside a VIN or a mileage', () => {
    checkEntities([
      ['it', 'Grecale, telaio ZN6GU77S3NX40012, spia motore accesa', { postcode: undefined }],
      ['it', 'tagliando, km 45000, Levante del 2019', { postcode: undefined }],
      ['it', 'tagliando dei 45000 km sulla levante', { postcode: undefined }],
      ['en', 'Levante on 60000 km, needs its service', { postcode: undefined }],
      ['it', 'abito a Formigine 41043, tagliando per la Ghibli', { postcode: '41043' }],
    ]);
  });
  describe('names with titles, particles, four words, letters beyond Latin-1', () => {
    checkEntities([
      ['it', "tagliando della Quattroporte intestata all'avv. Federica Galli", { name: 'Federica Galli' }],
      ['it', 'la Spyder è a nome del Cav. Luigi Barbieri', { name: 'Luigi Barbieri' }],
      ['it', 'tre Grecale aziendali da tagliandare. Referente ing. Paolo Mancini Ruggeri. Grazie', { name: 'Paolo Mancini Ruggeri' }],
      ['it', 'Ludovica Orsini di Castelvecchio', { name: 'Ludovica Orsini di Castelvecchio' }, 'name'],
      ['en', 'Pieter van der Berg', { name: 'Pieter van der Berg' }, 'name'],
      ['it', 'mi chiamo María José Fernández Ruiz, la Grecale ha un colpo sulla portiera', { name: 'María José Fernández Ruiz' }],
      ['it', 'sono Mehmet Yılmaz, la Quattroporte perde olio', { name: 'Mehmet Yılmaz' }],
      ['it', 'pulizia interni della levante sabato mattina, nome Riccardo Santoro', { name: 'Riccardo Santoro' }],
    ]);
  });
  describe('a deadline or a duration is no day', () => {
    checkEntities([
      ['it', 'tagliando e gomme per la levante, entro il 20 deve essere pronta', { date: undefined }],
      ['en', 'service on the Ghibli, it must be ready by the 20th', { date: undefined }],
      ['it', 'quando posso portare la Grecale? non vorrei stare senza auto più di un giorno', { date: undefined }],
    ]);
  });
});

/** Written before the code: the twenty-fourth writers' intents, said again in other voices. */
describe('sixth round (#12): third pass', () => {
  describe('a new fact at the summary is a change; a question there is a question', () => {
    check([
      ['it', 'quasi tutto giusto: la targa è FH 331 KD, non FH 313 KD', 'correction', 'confirm'],
      ['en', 'nearly, the surname is Okonkwo not Okonkow', 'correction', 'confirm'],
      ['it', "l'ora no: mettete le 11 e mezza", 'correction', 'confirm'],
      ['en', 'put it under my husband, Tom Reilly, he is dropping it off', 'correction', 'confirm'],
      ['it', 'aspetta, cosa devo portare quel giorno?', 'inform', 'confirm'],
      ['en', 'hang on, what do I need to bring with me?', 'inform', 'confirm'],
    ]);
  });
  describe('a change of mind, a refusal of the slots, nothing to add', () => {
    check([
      ['it', "anzi sai che c'è, ci ho ripensato: meglio un'auto di cortesia", 'correction', 'pickupDelivery'],
      ['en', "actually I've changed my mind, a courtesy car would be better", 'correction', 'pickupDelivery'],
      ['it', 'nessuno, avete qualcosa venerdì 22?', 'deny', 'slot'],
      ['it', 'niente, grazie', 'deny', 'text'],
      ['en', 'nothing thanks', 'deny', 'text'],
    ]);
  });
  describe('a person, by phone', () => {
    check([
      ['it', 'preferisco chiamare io, a che numero vi trovo per il tagliando della ghibli?', 'human'],
      ['en', "I'd rather ring, what's the number for booking the Levante's service?", 'human'],
      ['it', 'potrei essere ricontattata domani mattina da una persona dell\'accettazione?', 'human'],
    ]);
  });
  describe('damage with a day wished for, towed by the customer, a grumble at home: bookings', () => {
    check([
      ['it', 'ci hanno rotto il deflettore per rubare, non hanno preso niente. targa FK 221 PL. martedì 12 alle 9?', 'book'],
      ['it', 'la grecale non si apre più col telecomando e la batteria è a terra, venerdì mattina la portiamo col carro attrezzi noi', 'book'],
      ['en', "Grecale won't unlock and the battery's flat, we'll bring it over on a trailer ourselves on Friday", 'book'],
      ['en', "the heated seats barely work, my husband keeps complaining 😅 sometime next week", 'book'],
    ]);
  });
  describe('urgent, said as it happens', () => {
    check([
      ['en', 'windscreen just shattered on the ring road, I can barely see, pulled in at a petrol station', 'urgent'],
      ['it', 'il parabrezza è appena esploso in autostrada, non vedo quasi niente', 'urgent'],
      ['en', "the Levante isn't braking properly and grinding like mad, I'm doing 20 on via Giardini", 'urgent'],
      ['en', 'you put a new battery in on Monday and this morning the car is completely dead again, I have a flight to catch', 'urgent'],
      ['it', "ieri mi avete sostituito la batteria e stamattina non parte più, devo andare al lavoro", 'urgent'],
      ['en', "you fitted the new windscreen yesterday and today water's dripping onto the dashboard", 'urgent'],
      ['it', 'vergognoso, è la quarta volta che la porto per lo stesso difetto e mi dite che è tutto ok. voglio una risposta oggi', 'urgent'],
    ]);
  });
});

/** Written before the code: questions and choices the twentieth writers showed read wrong, in other words. */
describe('sixth round (#12): questions and choices', () => {
  describe('a question about us is information, not a booking', () => {
    check([
      ['en', 'which options have I got for getting around while the car is with you?', 'inform'],
      ['it', 'che alternative ho per spostarmi mentre la macchina è da voi?', 'inform'],
      ['en', 'where exactly is the body shop? is it next to the showroom?', 'inform'],
      ['en', 'is a deposit needed to book a service?', 'inform'],
      ['it', 'serve una caparra per prenotare il tagliando?', 'inform'],
      ['en', "what does 'tagliando' mean? is it a normal service?", 'inform'],
      ['it', "scusate, cosa si intende per 'revisione'? è come il collaudo?", 'inform'],
    ]);
  });
  describe('a number praised at the slots is the choice', () => {
    const { checkEntities } = intentCases('2027-01-11T09:30:00+01:00');
    checkEntities([
      ['en', '2 is perfect', { choice: '2' }, 'slot'],
      ['it', 'la 3 è perfetta', { choice: '3' }, 'slot'],
      ['en', 'number 1 works great', { choice: '1' }, 'slot'],
    ]);
    check([['en', '2 is perfect', 'inform', 'slot']]);
  });
});

/** Written before the code: ways of getting around the twenty-fourth writers showed missed, in other words. */
describe('sixth round (#12): getting around, in everyday words', () => {
  const { checkEntities } = intentCases('2027-01-11T09:30:00+01:00');
  checkEntities([
    ['en', "service on the Ghibli Thursday, I'll wait for it, I've got my laptop", { mobility: 'none' }],
    ['en', 'my sister is driving me home after I drop it off', { mobility: 'none' }],
    ['it', 'la lascio e torno a casa in bici', { mobility: 'none' }],
    ['it', 'mi viene a prendere mio fratello', { mobility: 'none' }, 'mobility'],
    ['en', 'could one of your drivers take me to the station afterwards?', { mobility: 'staff-shuttle' }],
    ['it', 'mi basta che qualcuno di voi mi porti in ufficio', { mobility: 'staff-shuttle' }, 'mobility'],
    ['en', 'any old car will do, even a Fiat', { mobility: 'courtesy-car-other' }, 'mobility'],
    ['it', "va bene qualsiasi macchina, anche una Panda", { mobility: 'courtesy-car-other' }, 'mobility'],
  ]);
});

/** Found by the full suite (a booking changed instead of a new one asked for): a fact alone at a yes/no question is no change. */
describe('sixth round (#12): a fact at a yes/no question without a change said', () => {
  check([
    ['en', 'I also need new tyres on the Ghibli FX456AB', 'inform', 'confirm'],
    ['it', 'devo anche cambiare le gomme della Ghibli FX456AB', 'inform', 'confirm'],
    ['it', 'che tempo fa domani?', 'outOfDomain', 'confirm'],
  ]);
});
