/**
 * Seventh round of #12, written before the code: what the twenty-third writers (blind until this
 * round) showed the rules read wrong, said again in other voices. A fault right after our work
 * and a knock on the road hand over; a broken part with a day wished for is a booking; a direct
 * contact or a colleague asked for by name is a person; every slot turned down is a no.
 */
import assert from 'node:assert/strict';
import { intentCases } from '../support/intent-cases';

const { check } = intentCases('2027-01-11T09:30:00+01:00'); // a Monday

describe('seventh round (#12)', () => {
  describe('a fault right after our work, or a knock on the road, hands over', () => {
    check([
      ['it', "mi avete cambiato il parabrezza venerdì e adesso quando piove mi entra l'acqua in macchina", 'urgent'],
      ['en', 'you fitted a new windscreen last week and now rain comes in at the top corner, my seat is soaked', 'urgent'],
      ['it', 'dopo il cambio dischi da voi sento un rumore metallico fortissimo davanti, sto tornando a casa pianissimo', 'urgent'],
      ['en', "since you changed the pads on monday there's a horrible grinding at the front, I'm crawling home with my hazards on", 'urgent'],
      ['en', "Just had a bump at the lights, nobody hurt but the Levante's bumper is dragging on the ground. Can you send a truck?", 'urgent'],
      ['it', 'tamponata adesso al semaforo, nessun ferito ma il paraurti della ghibli striscia per terra, mi mandate il carro?', 'urgent'],
    ]);
  });

  describe('a broken part, a break-in or a leak, with a day or a collection wished for, is a booking', () => {
    check([
      ['it', 'la mia Grecale ha il portellone che non si apre più, il motorino gira a vuoto ma non si muove. posso portarla giovedì?', 'book'],
      ['en', 'the tailgate on my Levante stopped closing, the motor whirs but it does not move. Could I bring it in Thursday?', 'book'],
      ['it', 'stanotte mi hanno spaccato il finestrino per rubare, non hanno preso niente per fortuna. va sostituito, quando posso venire?', 'book'],
      ['en', 'someone smashed my passenger window overnight, nothing taken. need the glass replaced, I can get the train home', 'book'],
      ['en', 'the Quattroporte is dripping something under the engine, there is a little puddle every morning in the garage. could you collect it next week?', 'book'],
      ['it', "perde qualcosa da sotto la levante, ogni mattina trovo una macchia in garage. potete venire a prenderla la settimana prossima?", 'book'],
      ['en', 'my MC20 front splitter cracked on a speed bump, it needs a new one', 'book'],
      ['it', "si è staccata la maniglia della portiera della ghibli, rimasta in mano stamattina. va cambiata", 'book'],
    ]);
  });

  describe('nobody at the office, a fresh start with a used car: no person, no restart', () => {
    check([
      ['en', "book the Ghibli service for the 29th please, nobody's in the office that day anyway", 'book'],
      ['it', 'tagliando della grecale il 30, tanto quel giorno in ufficio non c è nessuno e posso venire', 'book'],
      ['it', 'ho preso una Levante usata e vorrei ricominciare da zero con i tagliandi da voi', 'book'],
      ['en', 'just bought a second-hand Ghibli and want a full service to start from scratch', 'book'],
    ]);
  });

  describe('a direct contact, a phone call from one of the team, a colleague by name', () => {
    check([
      ['it', 'mi date il contatto diretto del service? devo accordarmi per la consegna della grecale', 'human'],
      ['it', "posso avere il recapito diretto dell'accettazione?", 'human'],
      ['it', 'preferirei essere richiamata da una persona per il tagliando della levante, grazie', 'human'],
      ['en', "I'd prefer to be phoned by one of your team about the Ghibli service, thanks", 'human'],
      ['en', 'could I have a direct contact for the service desk? I need to sort out dropping off the Grecale', 'human'],
      ['it', 'per la macchina di cortesia devo sentire Franco, ci eravamo già messi d accordo', 'human', 'mobility'],
      ['en', 'Could I talk this through with Giulia? She arranged my loan car last time', 'human', 'mobility'],
      ['it', "non so che lavoro sia, mi hanno detto di cercare il signor Ferri in officina, lui sa tutto", 'human', 'service'],
    ]);
  });

  describe('every slot turned down is a no, with a reason or another day beside it', () => {
    check([
      ['it', 'nessuno di questi orari va bene per me, lavoro fino alle sei', 'deny', 'slot'],
      ['it', 'questi orari non mi vanno, avete qualcosa mercoledì?', 'deny', 'slot'],
      ['it', 'non riesco a nessuno di quelli', 'deny', 'slot'],
      ['en', "none of those work for me, I finish at 6", 'deny', 'slot'],
      ['en', "can't make any of them. anything on the 30th?", 'deny', 'slot'],
      ['en', 'none suits, sorry. something in the morning maybe?', 'deny', 'slot'],
    ]);
  });

  describe('at the summary: thinking it over is a no; yes with a change is a change', () => {
    check([
      ['en', "no thanks, I'll think about it over the weekend", 'deny', 'confirm'],
      ['it', 'no grazie, ci penso su e vi faccio sapere', 'deny', 'confirm'],
      ['en', 'yes but make it 10 instead please', 'correction', 'confirm'],
      ['it', 'sì però spostiamo alle 10', 'correction', 'confirm'],
    ]);
  });
});

describe('seventh round (#12): a yes with a question at the summary', () => {
  const { say } = intentCases('2027-01-11T09:30:00+01:00');
  const heldBack = [
    ['en', 'yes, but is the loan car insured?'],
    ['en', 'ok sure, but how much is the deposit?'],
    ['it', 'sì ok, ma devo portare il libretto?'],
    ['it', 'va bene, però quanto costa il taxi?'],
  ] as const;
  for (const [lang, text] of heldBack) {
    it(`${JSON.stringify(text)} at confirm is a yes held back by its question`, async () => {
      const u = await say(text, lang, 'confirm');
      assert.equal(u.intent, 'affirm');
      assert.equal(u.question?.heldBack, true);
    });
  }
  it('"prima di confermare, quanto viene?" holds no yes at all', async () => {
    const u = await say('ma quanto viene alla fine? prima di confermare voglio saperlo', 'it', 'confirm');
    assert.equal(u.intent, 'inform');
  });
  it('"sì, confermo. Devo portare il libretto?" is a yes, not held back', async () => {
    const u = await say('sì, confermo. Devo portare il libretto?', 'it', 'confirm');
    assert.equal(u.intent, 'affirm');
    assert.notEqual(u.question?.heldBack, true);
  });
});

describe('seventh round (#12): told mid-conversation, an emergency or our own work gone wrong', () => {
  check([
    ['it', 'guarda che sotto la macchina adesso c è un lago di olio, la posso ancora guidare?', 'urgent', 'confirm'],
    ['it', 'mi sa che perde liquido dei freni, il pedale va giù. che faccio?', 'urgent', 'slot'],
    ['en', 'hang on, steam is pouring out from under the bonnet right now', 'urgent', 'date'],
    ['it', 'esce vapore dal cofano e la spia della temperatura è rossa, cosa devo fare?', 'urgent', 'mobility'],
    ['en', "the Levante died in the driveway and it's blocking the exit for the whole building, need someone now", 'urgent', 'pickupDelivery'],
    ['it', 'la macchina si è piantata sul passo carrabile e blocca il cancello del condominio, mandate qualcuno subito', 'urgent', 'address'],
    ['en', 'the brakes went soft on the way home just now, can I still drive it to you?', 'urgent', 'slot'],
    ['en', 'had it serviced with you on Thursday and today there is oil all over the drive. are you kidding me', 'urgent', 'confirm'],
    ['it', 'mi avete rifatto i freni e dopo due settimane cigolano di nuovo, un lavoro di m...', 'urgent', 'service'],
  ]);
  describe('the same, calm: not driven, collected another day', () => {
    check([
      ['it', 'la ghibli perde un po di liquido dei freni, non la uso più finché non la vedete. potete passare a prenderla lunedì?', 'book'],
      ['en', "there's a small brake fluid leak on the Grecale, I'm not driving it. could you collect it on Monday?", 'book'],
    ]);
  });
});

describe('seventh round (#12): a person wished for mid-conversation, in other words', () => {
  check([
    ['it', "il signor Ferrari quando c'è? voglio che sia lui a seguire la macchina", 'human', 'date'],
    ['it', "potete dire a qualcuno dell'amministrazione di chiamarmi?", 'human', 'date'],
    ['it', 'mi passate Marco per favore? aveva detto lui di chiedere di lui', 'human', 'pickupDelivery'],
    ['it', 'chi viene a ritirarla? vorrei sentirlo prima per telefono', 'human', 'address'],
    ['en', 'could I pop into the showroom and sort this out in person with one of your team?', 'human', 'confirm'],
    ["en", "I'd rather go through it with the service manager before I book", 'human', 'confirm'],
    ['en', "I'll ring the workshop myself tomorrow, what's the number?", 'human', 'slot'],
    ['en', "can you put me through to Stefano? he said he'd organise the collection", 'human', 'pickupDelivery'],
  ]);
});

describe('seventh round (#12): days and hours that are none, and the month before its day', () => {
  const { checkEntities } = intentCases('2027-01-11T09:30:00+01:00');
  checkEntities([
    ['en', 'could we do Feb 3 in the morning?', { date: '2027-02-03', part: 'morning', time: undefined }],
    ['en', 'March 9 at 10 works', { date: '2027-03-09', time: '10:00' }, 'date'],
    ['en', 'Jan 29?', { date: '2027-01-29' }, 'date'],
    ['en', "what's the price for 4 tyres on the Levante?", { time: undefined, date: undefined }],
    ['it', 'quanto viene cambiare 4 gomme sulla grecale?', { time: undefined, date: undefined }],
    ['en', "I'm abroad until the 25th, anything after that", { date: undefined }, 'date'],
    ['it', 'sono in ferie fino al 25, dopo quando volete', { date: undefined }, 'date'],
    ['en', 'any morning except Friday', { date: undefined, part: 'morning' }, 'date'],
    ['it', 'va bene qualsiasi giorno tranne il venerdì', { date: undefined }, 'date'],
    ['it', 'prendo il 19, passa proprio davanti a casa', { date: undefined }, 'mobility'],
    ['en', "I'll hop on the number 7 bus, it stops right outside yours", { date: undefined, time: undefined }, 'mobility'],
    ['en', 'need the Levante checked before Feb 10, we drive to Austria then', { date: undefined }],
    ['it', 'vorrei fare il tagliando prima di partire per la Sicilia il 28', { date: undefined }],
    ['en', 'a service before we head to the Alps on the 30th would be great', { date: undefined }],
    ['it', 'sabato 23 prima di partire?', { date: '2027-01-23' }, 'date'],
  ]);
});

describe('seventh round (#12): a change said in other words', () => {
  check([
    ['it', 'ho detto martedì? intendevo mercoledì, scusa', 'correction', 'confirm'],
    ['it', 'rettifico: la targa giusta è GH 512 KL', 'correction', 'confirm'],
    ['it', 'correggi il nome per favore: Bianchi Giulia', 'correction', 'confirm'],
    ['it', 'cambia il giorno: giovedì 14', 'correction', 'confirm'],
    ['it', "al posto del taxi mettete l'auto di cortesia", 'correction', 'confirm'],
    ['en', 'did I say the 14th? I meant the 15th', 'correction', 'confirm'],
    ['en', 'I put the wrong plate by mistake, it is GH512KL', 'correction', 'confirm'],
    ['en', 'can you change the time to 11, please', 'correction', 'confirm'],
    ['en', 'I think I wrote Levante, it is a Grecale', 'correction', 'confirm'],
    ['en', 'I typed human by mistake, ignore it, Thursday is fine', 'inform', 'date'],
  ]);
});

describe('seventh round (#12): not our business, though it names a Maserati', () => {
  check([
    ['it', 'si può visitare la fabbrica Maserati? siamo a Modena sabato', 'outOfDomain'],
    ['it', 'vendete anche i giubbotti Maserati? è per un regalo', 'outOfDomain'],
    ['it', 'vorrei vendere la mia Levante, siete interessati a comprarla?', 'outOfDomain'],
    ['it', 'state assumendo meccanici? finisco la scuola a giugno', 'outOfDomain'],
    ['it', 'noleggiate Maserati con autista per i matrimoni?', 'outOfDomain'],
    ['it', 'avete qualche Ghibli usata in vendita in questo momento?', 'outOfDomain'],
    ['en', 'can we visit the Maserati factory while we are in town?', 'outOfDomain'],
    ['en', 'do you sell Maserati jackets or caps? for my husband', 'outOfDomain'],
    ['en', 'would you buy my Levante? thinking of selling it', 'outOfDomain'],
    ['en', 'are you hiring mechanics at the moment?', 'outOfDomain'],
    ['en', 'can I hire a Maserati with a chauffeur for a wedding?', 'outOfDomain'],
    ['en', 'any used Ghiblis for sale right now?', 'outOfDomain'],
    ['en', 'is there a Maserati owners club around Modena?', 'outOfDomain'],
    ['en', 'is the showroom open on Sunday? I would like to see the new Grecale', 'outOfDomain'],
  ]);
});

describe('seventh round (#12): more ways of asking for someone, and of being stuck in traffic', () => {
  check([
    ['it', 'mi potete passare lei? la signora Carla mi segue da anni', 'human', 'date'],
    ['it', 'potete chiedere a qualcuno della carrozzeria di chiamarmi?', 'human', 'date'],
    ['it', 'quando è libera la signora Neri? preferisco parlarne con lei', 'human', 'date'],
    ['en', 'could I get Marco’s mobile number? he did my car last time', 'human'],
    ['en', 'the Levante just died on a roundabout in Formigine, traffic piling up and people honking at me', 'urgent'],
  ]);
});

describe('seventh round (#12): yes and no in more forms, a no to the slots with a wish beside it', () => {
  check([
    ['it', 'mi pare tutto giusto, confermiamo', 'affirm', 'confirm'],
    ['it', 'va benone così', 'affirm', 'confirm'],
    ['en', 'go for it!', 'affirm', 'confirm'],
    ['it', 'no dai, lasciamo stare per adesso', 'deny', 'confirm'],
    ['en', "let's leave it for the moment", 'deny', 'confirm'],
    ['en', 'not for now, thanks', 'deny', 'confirm'],
    ['it', 'non confermare ancora, devo sentire mio marito', 'deny', 'confirm'],
    ['it', 'no purtroppo, avreste giovedì?', 'deny', 'slot'],
    ['it', 'no, sono troppo presto tutti, qualcosa dopo pranzo?', 'deny', 'slot'],
    ['en', 'nope, anything later in the day?', 'deny', 'slot'],
    ['en', 'no sorry, how about next Tuesday?', 'deny', 'slot'],
    ['en', 'no way, those are all during the school run', 'deny', 'slot'],
    ['it', 'niente da fare, nessuno', 'deny', 'slot'],
    ['it', 'no, la seconda', 'inform', 'slot'],
    ['it', 'buonasera, che orari fate il sabato?', 'inform'],
    ['en', 'Hi there, are you open on Saturday mornings?', 'inform'],
  ]);
});

describe('seventh round (#12): the twenty-ninth and thirtieth writers, in other voices', () => {
  describe('urgent', () => {
    check([
      ['en', 'crashed on the ring road, nobody injured but the Ghibli is a mess. can you organise a tow?', 'urgent'],
      ['en', 'you put a new windscreen in on Monday and there is already a crack across it. is this a joke?', 'urgent'],
      ['en', 'somebody is stealing my Levante right now, I am watching from the window!!', 'urgent', 'confirm'],
      ['it', 'aiuto adesso la macchina fuma dal cofano, mi fermo?', 'urgent', 'mobility'],
      ['it', 'ho ritirato la ghibli stamattina da voi e i freni non frenano bene', 'urgent', 'text'],
    ]);
  });
  describe('a person', () => {
    check([
      ['en', "I'd rather arrange the remap with one of your technicians by phone", 'human'],
      ['en', 'I want to talk to whoever serviced my Grecale, not a bot', 'human'],
      ['en', "I'd like a real advisor to look over this before anything gets booked", 'human', 'confirm'],
      ['en', "none of these work, you'd better call me", 'human', 'slot'],
    ]);
  });
  describe('not urgent after all', () => {
    check([
      ['it', 'il cognome giusto è Bertolini, avevo scritto Bertolina, che vergogna', 'correction', 'name'],
      ['it', 'via Morane 12, cancello verde dopo il ponte', 'inform', 'address'],
      ['en', "had the accident last Tuesday, but I can bring it in on Friday the 15th", 'inform', 'date'],
      ['en', 'bodywork on the tailgate, somebody reversed into it last Saturday', 'inform', 'service'],
      ['en', 'can I bring the Levante in on the 20th for the side? some idiot keyed it, I am fuming', 'book'],
      ['en', 'there is a faint burning smell after motorway runs, not smoking or anything. could you check it next week?', 'book'],
      ['it', 'stanotte mi hanno rotto il vetro posteriore per rubare lo zaino, riuscite a sostituirlo domani?', 'book'],
    ]);
  });
  describe('questions', () => {
    check([
      ['en', 'if I cancel the day before, is there a fee?', 'inform'],
      ['it', 'se disdico il giorno prima pago una penale?', 'inform'],
      ['it', 'quali opzioni avete?', 'inform', 'mobility'],
      ['en', 'what are my options?', 'inform', 'mobility'],
    ]);
  });
  describe('answers', () => {
    check([
      ['it', 'in bici, la pieghevole sta nel bagagliaio', 'inform', 'mobility'],
      ['en', 'not those... nothing on a Saturday?', 'deny', 'slot'],
      ['en', 'not yet, let me check my diary first', 'deny', 'confirm'],
    ]);
  });
});

describe('seventh round (#12): no name in a role, a month or the cover; no hour in how often; no choice in a bus number', () => {
  const { checkEntities } = intentCases('2027-01-11T09:30:00+01:00');
  checkEntities([
    ['en', 'Kind regards, Margaret Hollis, Operations Director', { name: 'Margaret Hollis' }],
    ['en', 'the sat nav freezes every now and then and it is still under warranty', { name: undefined }],
    ['en', 'I know it is February but the aircon needs a look before summer', { name: undefined }],
    ['it', 'la radio si riavvia ogni 5 minuti, vorrei farla vedere', { time: undefined, date: undefined }],
    ['en', 'the warning beeps every 20 minutes or so', { time: undefined, date: undefined }],
    ['en', "Friday at 9 is fine, I'll take the number 4 bus back", { choice: undefined, date: '2027-01-15', time: '09:00' }, 'date'],
  ]);
});

describe('seventh round (#12): the weather, insurance prices, a no to the slots that prefers another day', () => {
  check([
    ['en', 'will it snow in Modena on Saturday? driving down from Milan', 'outOfDomain'],
    ['it', 'sapete se nevica domani in Appennino?', 'outOfDomain'],
    ['en', 'roughly how much to insure an MC20 over here?', 'outOfDomain'],
    ['it', "quanto costa più o meno l'assicurazione per una Grecale?", 'outOfDomain'],
    ['it', 'no, troppo presto, meglio giovedì', 'deny', 'slot'],
    ['en', 'no, all too early. Friday would be better', 'deny', 'slot'],
    ['it', 'ma nessuna di pomeriggio? la mattina lavoro', 'deny', 'slot'],
  ]);
});

describe('seventh round (#12): a yes that says the facts again at the summary', () => {
  check([
    ['en', 'yes, Tuesday the 12th at 9 for the Grecale, confirmed', 'affirm', 'confirm'],
    ['it', 'confermo, martedì 12 alle 9', 'affirm', 'confirm'],
    ['it', 'Confermo. Cordiali saluti, Anna Ferri', 'affirm', 'confirm'],
    ['en', "perfect, I'll give you a call next week to see if it's ready", 'inform', 'confirm'],
    ['en', 'yes but make it Wednesday', 'correction', 'confirm'],
  ]);
});

describe('seventh round (#12): what the review found the new rules misread', () => {
  check([
    ['en', 'No problem, Thursday at 10 works for me', 'inform', 'slot'],
    ['it', 'No, va benissimo giovedì alle 10', 'inform', 'slot'],
    ['en', 'I need someone asap to look at my air con, it is 40 degrees', 'book'],
    ['it', "Quanto dura il tagliando? Se è meno di un'ora mi fermo", 'inform'],
    ['it', 'Il paraurti posteriore ha una striscia di vernice, vorrei sistemarlo la settimana prossima', 'book'],
    ['it', "Mi si è accesa la spia dell'olio ieri, cosa devo fare per prenotare un controllo?", 'book'],
    ['en', 'just put me in the earliest slot you have', 'inform', 'slot'],
    ['en', 'I picked up my daughter from school and on my way home the brakes started squealing, can I book a check next week?', 'book'],
    ['en', 'brakes squealing since Monday. Should you replace the pads as well?', 'book'],
    ['it', 'Qualcuno in accettazione mi aveva promesso il preventivo, inaccettabile. Vorrei comunque il tagliando lunedì', 'urgent'],
    ['en', 'I need a rental for the wedding on Saturday while you fix the car', 'book'],
    ['en', 'Can I talk it through with them first? Thursday looks fine otherwise', 'inform', 'confirm'],
    ['it', 'Cancelli la prenotazione di giovedì per favore', 'cancel'],
    ['it', 'me la lasciate davanti al cancello quando è pronta, grazie', 'thanks', 'pickupDelivery'],
  ]);
  const { checkEntities } = intentCases('2027-01-11T09:30:00+01:00');
  checkEntities([
    ['en', 'can you deliver it to 14 Park Lane after?', { time: undefined }, 'address'],
    ['it', 'va bene qualsiasi giorno, sono qui fino a venerdì', { date: '2027-01-15' }, 'date'],
    ['it', 'il 12 passa il vostro autista a prenderla?', { date: '2027-01-12' }],
    ['en', 'I will take bus number two home, so any slot after lunch', { choice: undefined }, 'slot'],
  ]);
});
