/**
 * Everyday customer language (#12): what customers actually type, in many voices (WhatsApp
 * style, no accents, typos, chat abbreviations, expats, Italians writing English), each answer
 * read where it is given (`awaiting`).
 */
import assert from 'node:assert/strict';
import type { Awaiting, Lang } from '../../dialogs/model';
import type { Concern, Intent } from '../../dialogs/understanding';
import { createLocalRecognizer } from '../../src/nlu/local';

const recognizer = createLocalRecognizer();
const NOW = '2026-11-30T09:00:00+01:00'; // a Monday
const TODAY = '2026-11-30';
const TOMORROW = '2026-12-01';
const say = (text: string, lang: Lang, awaiting?: Awaiting) => recognizer.recognize({ text, lang, now: NOW, timeZone: 'Europe/Rome', awaiting });

describe('everyday customer language (#12)', () => {
  describe('getting around, in everyday words, at the mobility question', () => {
    const cases: [Lang, string, string][] = [
      // walking
      ['en', "I'll just walk home", 'none'],
      ['en', 'walking home, its 5 min from here', 'none'],
      ['en', 'no worries ill go on foot', 'none'],
      ['it', 'vado a piedi', 'none'],
      ['it', 'torno a piedi tanto abito vicino', 'none'],
      ['it', 'nn serve niente, me ne torno a piedi cmq', 'none'],
      // trains, coaches, buses
      ['en', 'a coach or a train', 'public-transport'],
      ["en", "I'll get the train", 'public-transport'],
      ['en', 'the tube is fine', 'public-transport'],
      ['it', 'prendo il treno', 'public-transport'],
      ['it', 'la corriera va benissimo', 'public-transport'],
      ['it', 'prendo il pullman x tornare', 'public-transport'],
      // a Maserati, please
      ['en', 'a Maserati if possible', 'courtesy-car-brand'],
      ['en', 'maserati pls', 'courtesy-car-brand'],
      ['en', 'id prefer a maserati', 'courtesy-car-brand'],
      ['en', 'a Maserati loaner', 'courtesy-car-brand'],
      ['en', 'a Maserati loan car if you have one', 'courtesy-car-brand'],
      ['it', 'una maserati se possibile', 'courtesy-car-brand'],
      ['it', "maserati se c'è", 'courtesy-car-brand'],
      ['it', 'una Maserati di cortesia', 'courtesy-car-brand'],
      ['it', 'una Maserati sostitutiva', 'courtesy-car-brand'],
      // a colleague: the customer's own arrangement; one of the staff: the shuttle
      ['en', 'a colleague gives me a lift', 'none'],
      ['en', 'a coworker is giving me a lift', 'none'],
      ['en', 'my colleague will pick me up', 'none'],
      ['it', 'mi da un passaggio un collega', 'none'],
      ['it', 'un collega mi dà un passaggio', 'none'],
      ['it', 'mi viene a prendere un collega', 'none'],
      ['en', 'one of your staff could give me a lift?', 'staff-shuttle'],
      ['en', 'one of your staff could drop me home?', 'staff-shuttle'],
      ['en', 'can one of your guys give me a lift', 'staff-shuttle'],
      ['it', 'mi accompagna uno dei vostri', 'staff-shuttle'],
      ['it', 'un vostro addetto mi può accompagnare?', 'staff-shuttle'],
      ['it', 'mi riporta a casa uno dei vostri?', 'staff-shuttle'],
      // family picks the customer up
      ['en', 'my wife picks me up', 'none'],
      ["en", "wife's picking me up", 'none'],
      ["en", "my son's coming to get me", 'none'],
      ['it', 'mia moglie mi viene a prendere', 'none'],
      ['it', 'viene mio figlio a prendermi', 'none'],
    ];
    for (const [lang, text, mobility] of cases) {
      it(`${text} → ${mobility}`, async () => {
        const u = await say(text, lang, 'mobility');
        assert.equal(u.intent, 'inform');
        assert.equal(u.entities.mobility, mobility);
        assert.equal(u.entities.service, undefined);
      });
    }
    it('"am I talking to a bot?" is no walking', async () => {
      assert.equal((await say('am i talking to a bot?', 'en')).entities.mobility, undefined);
    });
    it('a courtesy car for my Maserati is any replacement, not the brand', async () => {
      assert.equal((await say('I need a courtesy car for my Maserati', 'en')).entities.mobility, 'replacement');
      assert.equal((await say('mi serve un auto di cortesia per la mia maserati', 'it')).entities.mobility, 'replacement');
    });
  });

  describe('a replacement car asks for no work', () => {
    for (const [lang, text] of [['it', "mi serve un'auto sostitutiva"], ['en', 'I need a replacement car'], ['it', 'vorrei una vettura sostitutiva x favore'], ['en', 'can i get a replacement vehicle']] as const) {
      it(text, async () => {
        const u = await say(text, lang);
        assert.equal(u.entities.mobility, 'replacement');
        assert.equal(u.entities.service, undefined);
      });
    }
    it('the work named beside it is still heard', async () => {
      const u = await say('devo sostituire le pastiglie, mi serve un auto sostitutiva', 'it');
      assert.equal(u.entities.service?.id, 'brakes');
      assert.equal(u.entities.mobility, 'replacement');
    });
  });

  describe('names, as people write them, at the name question', () => {
    const cases: [Lang, string, string][] = [
      ['en', 'Nguyen Thi Mai', 'Nguyen Thi Mai'],
      ['en', "Siobhan O'Connor", "Siobhan O'Connor"],
      ['en', 'siobhan o connor', "Siobhan O'Connor"],
      ['en', 'Jean-Luc Picard', 'Jean-Luc Picard'],
      ['en', 'Ahmed Al-Farsi', 'Ahmed Al-Farsi'],
      ['en', 'mary-jane watson', 'Mary-Jane Watson'],
      ['it', 'dottor Rossi', 'Rossi'],
      ['it', 'dott. Mario Rossi', 'Mario Rossi'],
      ['it', 'avv. Bianchi', 'Bianchi'],
      ['it', 'avvocato Giorgio Neri', 'Giorgio Neri'],
      ['it', 'ing. Carlo Verdi', 'Carlo Verdi'],
      ['it', 'prof. Luca Galli', 'Luca Galli'],
      ['en', 'Dr Smith', 'Smith'],
      ['en', 'Dr. Anna Schmidt', 'Anna Schmidt'],
      ['en', 'Mr. Patel', 'Patel'],
      ['en', 'Mrs Okafor', 'Okafor'],
      ['it', 'Rossi Mario', 'Rossi Mario'],
      ['it', 'ferraro giuseppe', 'Ferraro Giuseppe'],
      ['it', 'Nguyen Van An', 'Nguyen Van An'],
      ['en', 'book it under Jones', 'Jones'],
      ['en', 'put it under Kowalski please', 'Kowalski'],
      ['en', 'pls put it under Hannah Schulz', 'Hannah Schulz'],
      ['it', 'metti a nome Ferraro', 'Ferraro'],
      ['it', 'a nome Esposito', 'Esposito'],
      ['it', 'intestala a Gianni Russo', 'Gianni Russo'],
      ['en', 'Sarah Jones here', 'Sarah Jones'],
      ['it', 'sono io, Bianchi', 'Bianchi'],
      ['en', "it's me, Patel", 'Patel'],
      ['en', 'Olga Ivanova, thx', 'Olga Ivanova'],
      ['it', 'Mario Rossi grazie', 'Mario Rossi'],
      ['it', 'giuseppe verdi x favore', 'Giuseppe Verdi'],
    ];
    for (const [lang, text, name] of cases) {
      it(`${text} → ${name}`, async () => {
        const u = await say(text, lang, 'name');
        assert.equal(u.intent, 'inform');
        assert.equal(u.entities.name, name);
      });
    }
    it('a lawyer named as a title is no legal matter', async () => {
      assert.equal((await say('avvocato Giorgio Neri', 'it', 'name')).intent, 'inform');
    });
    it('a title inside a message', async () => {
      assert.equal((await say('buongiorno, sono il dott. Marco Gallo, tagliando per la levante', 'it')).entities.name, 'Marco Gallo');
      assert.equal((await say("hi it's Dr Mehta, my ghibli needs a service", 'en')).entities.name, 'Mehta');
    });
  });

  describe('a part of the day at the date question', () => {
    const cases: [Lang, string, { date?: string; part?: string }][] = [
      ['it', 'stamattina', { date: TODAY, part: 'morning' }],
      ['it', 'stamani se si può', { date: TODAY, part: 'morning' }],
      ['en', 'this morning', { date: TODAY, part: 'morning' }],
      ['en', 'this afternoon', { date: TODAY, part: 'afternoon' }],
      ['it', 'oggi pomeriggio', { date: TODAY, part: 'afternoon' }],
      // the workshop closes at the end of the afternoon: evening is its latest part
      ['it', 'stasera', { date: TODAY, part: 'afternoon' }],
      ['en', 'tonight', { date: TODAY, part: 'afternoon' }],
      ['en', 'this evening', { date: TODAY, part: 'afternoon' }],
      ['en', 'tomorrow evening', { date: TOMORROW, part: 'afternoon' }],
      ['it', 'domani sera', { date: TOMORROW, part: 'afternoon' }],
      ['it', 'domani in serata', { date: TOMORROW, part: 'afternoon' }],
      ['en', 'in the afternoon', { part: 'afternoon' }],
      ['it', 'nel pomeriggio', { part: 'afternoon' }],
      ['it', 'in mattinata', { part: 'morning' }],
      ['it', 'verso sera', { part: 'afternoon' }],
      ['it', 'in giornata', { date: TODAY }],
      ['it', 'domattina', { date: TOMORROW, part: 'morning' }],
      ['en', 'tmrw am', { date: TOMORROW, part: 'morning' }],
      ['en', 'tomorrow pm', { date: TOMORROW, part: 'afternoon' }],
      ['it', 'dmn pomeriggio', { date: TOMORROW, part: 'afternoon' }],
      ['it', 'nel primo pomeriggio', { part: 'afternoon' }],
    ];
    for (const [lang, text, want] of cases) {
      it(`${text} → ${JSON.stringify(want)}`, async () => {
        const u = await say(text, lang, 'date');
        assert.equal(u.intent, 'inform');
        assert.deepEqual({ date: u.entities.date?.date, part: u.entities.date?.part }, { date: want.date, part: want.part });
      });
    }
    it('"stamattina" in a story is no wish', async () => {
      const u = await say('mi hanno tamponato stamattina', 'it');
      assert.equal(u.entities.date?.part, undefined);
    });
  });

  describe('"as soon as you can", said loosely', () => {
    const cases: [Lang, string][] = [
      ['it', 'prima possibile'], ['it', 'appena potete'], ['it', 'quanto prima'], ['it', 'al più presto'], ['it', 'il primo buco che avete'],
      ['it', 'prima si può meglio è'], ['it', 'anche subito'], ['it', 'appena riuscite grazie'],
      ['en', 'asap'], ['en', 'ASAP pls!'], ['en', 'whenever is soonest'], ['en', "the earliest you've got"], ['en', 'earliest you have'],
      ['en', 'soonest possible'], ['en', 'as soon as poss'], ['en', 'as early as possible'], ['en', 'next available'], ['en', 'first free slot'],
      ['en', 'whenever you can fit me in, sooner the better'], ['en', 'right away if you can'],
      // more loose ways (#12)
      ['it', 'quando si libera un posto'], ['it', 'appena vi si libera qualcosa'], ['it', 'prima disponibilità'], ['it', 'la prossima disponibilità che avete'],
      ['it', 'in tempi brevi se possibile'], ['it', 'non appena possibile'], ['it', 'il più presto che potete'], ['it', 'prima sarà meglio sarà'],
      ['en', 'at your earliest convenience'], ['en', 'the earlier the better'], ['en', 'first opening you have'], ['en', 'next availability'],
      ['en', 'as quick as you can'], ['en', 'soon as you can mate'], ['en', 'whichever is soonest'], ['en', 'nearest available date'], ['en', 'at the earliest'],
      ['it', "appena c'è un posto libero"], ['it', 'quando potete ma presto'], ['it', 'mi serve subito'],
      ['en', 'need it straight away'], ['en', 'whenever you can, quickly'], ['en', 'first thing you have'], ['en', 'quickest you can do'],
    ];
    for (const [lang, text] of cases) {
      it(text, async () => {
        const u = await say(text, lang, 'date');
        assert.equal(u.intent, 'inform');
        assert.equal(u.entities.date?.asap, true);
        assert.equal(u.entities.choice, undefined);
      });
    }
    it('in a first message too', async () => {
      const u = await say('tagliando levante, appena potete', 'it');
      assert.equal(u.entities.date?.asap, true);
    });
  });

  describe('short yes and no at the summary', () => {
    const yes: [Lang, string][] = [
      ['en', 'yep'], ['en', 'yup all good'], ['en', 'sure thing'], ['en', 'ok go'], ['en', 'sounds good thx'], ['en', 'looks good'], ['en', 'all good'],
      ['en', 'lovely'], ['en', 'brilliant'], ['en', 'cool'], ['en', 'ya'], ['en', 'yea'], ['en', 'deal'], ['en', 'that works'], ['en', 'spot on'],
      ['it', 'perfetto'], ['it', 'va benissimo'], ['it', 'certo'], ['it', 'vabbè'], ['it', 'vabbe'], ['it', 'ok dai'], ['it', 'sisi'], ['it', 'ci sta'],
      ['it', 'perfetto grazie'], ['it', 'ottimo, procediamo'],
    ];
    const no: [Lang, string][] = [
      ['en', 'nope'], ['en', 'nah'], ['en', 'not at all'], ['en', 'definitely not'], ['en', 'nope not right'], ['en', 'leave it'],
      ['it', 'macché'], ['it', 'macche'], ['it', 'assolutamente no'], ['it', 'lascia stare'], ['it', 'nono'], ['it', 'neanche per sogno'], ['it', 'manco per idea'],
    ];
    for (const [lang, text] of yes) it(`${text} → affirm`, async () => assert.equal((await say(text, lang, 'confirm')).intent, 'affirm'));
    for (const [lang, text] of no) it(`${text} → deny`, async () => assert.equal((await say(text, lang, 'confirm')).intent, 'deny'));
  });

  describe('symptoms without a service word', () => {
    const cases: [Lang, string, string][] = [
      ['en', "there's a noise when I brake", 'brakes'],
      ['en', 'grinding noise when braking', 'brakes'],
      ['it', 'fischiano i freni', 'brakes'],
      ['it', 'quando freno sento un rumore', 'brakes'],
      ['en', 'noise when accelerating', 'diagnosis'],
      ['en', 'it judders when accelerating', 'diagnosis'],
      ['en', 'steering wheel shakes at 100', 'diagnosis'],
      ['it', 'fa un rumore quando accelero', 'diagnosis'],
      ['it', 'sento una vibrazione strana', 'diagnosis'],
      ['en', 'someone scratched it in a car park', 'bodywork'],
      ['en', 'someone keyed my car', 'bodywork'],
      ['en', 'small dent on the rear bumper', 'bodywork'],
      ['it', "me l'hanno rigata nel parcheggio", 'bodywork'],
      ['en', 'chipped windscreen', 'glass'],
      ['en', 'crack in the windscreen', 'glass'],
      ['it', 'parabrezza scheggiato', 'glass'],
      ['it', 'un sasso ha scheggiato il vetro', 'glass'],
      ['en', "there's a warning light on the dashboard", 'diagnosis'],
      ['en', 'orange light on the dash', 'diagnosis'],
      ['it', 'ho la spia accesa', 'diagnosis'],
      ['it', 'mi si è accesa una spia', 'diagnosis'],
      ['en', 'AC blowing warm', 'air-conditioning'],
      ['en', 'aircon not cold', 'air-conditioning'],
      ['it', "l'aria condizionata non raffredda", 'air-conditioning'],
      ['it', "l'aria esce calda", 'air-conditioning'],
      ['it', 'il clima non fa freddo', 'air-conditioning'],
      ['en', 'battery is flat', 'battery'],
      ['en', "battery's dead", 'battery'],
      ['en', "car won't start in the mornings", 'battery'],
      ['en', "doesn't start when it's cold", 'battery'],
      ['it', 'non parte la mattina', 'battery'],
      ['it', 'la mattina non parte', 'battery'],
      ['it', 'batteria scarica', 'battery'],
      ['it', 'non si accende', 'diagnosis'],
      ['it', 'non mette in moto', 'diagnosis'],
      ['it', 'stamattina non partiva', 'battery'],
      ['en', 'it wont start', 'diagnosis'],
    ];
    for (const [lang, text, service] of cases) {
      it(`${text} → ${service}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, 'book');
        assert.equal(u.entities.service?.id, service);
        assert.equal(u.question, undefined, 'no question asked');
      });
    }
    it('the same symptom answers the service question', async () => {
      const u = await say('fischiano i freni quando freno', 'it', 'service');
      assert.deepEqual([u.intent, u.entities.service?.id], ['inform', 'brakes']);
    });
  });

  describe('a person at once (R11)', () => {
    const urgent: [Lang, string, Concern][] = [
      ['en', "my car's broken down", 'road'],
      ['en', 'car stopped on the motorway', 'road'],
      ['en', 'car died on the motorway', 'road'],
      ['en', "the car just stopped on the highway and won't restart", 'road'],
      ['en', 'car has stopped in the middle of the road', 'road'],
      ['it', 'sono rimasto a piedi in autostrada', 'road'],
      ['it', 'mi si è fermata la macchina per strada', 'road'],
      ['it', 'la macchina si è piantata in mezzo alla strada', 'road'],
      ['en', "i've had an accident", 'road'],
      ['en', 'someone hit my car', 'road'],
      ['it', 'ho fatto un botto con la macchina', 'road'],
      ['en', "there's smoke coming out of the bonnet", 'road'],
      ['en', 'smoke pouring from under the hood', 'road'],
      ['it', 'esce fumo dal cofano', 'road'],
      ['en', 'burning smell and a warning light, I pulled over', 'road'],
      ['it', 'puzza di bruciato e spia accesa, ho accostato', 'road'],
      ['en', 'third time I bring it back for the same problem', 'complaint'],
      ['en', "this is the third time i've brought it in for the same thing", 'complaint'],
      ['en', "I've brought it back twice already and it's still not fixed", 'complaint'],
      ['it', 'è la terza volta che la porto per lo stesso problema', 'complaint'],
      ['it', 'è la terza volta che la riporto', 'complaint'],
      ['it', "l'ho già portata due volte e il problema c'è ancora", 'complaint'],
      ['en', 'will my insurance cover this?', 'legal'],
      ['en', 'I need to make an insurance claim', 'legal'],
      ['it', "la paga l'assicurazione?", 'legal'],
      ['it', 'il mio avvocato vi contatterà', 'legal'],
      ['en', "car just died at the lights and won't start", 'road'],
      ['it', 'la macchina si è spenta mentre guidavo', 'road'],
      ['en', 'the engine cut out while driving', 'road'],
      ['it', 'ho bucato in autostrada', 'road'],
      ['en', 'got a flat on the motorway', 'road'],
      ['en', 'warning light came on and the car lost power on the highway', 'road'],
      ['en', 'someone reversed into me', 'road'],
      ['it', 'è la seconda volta che ve la porto per lo stesso problema', 'complaint'],
      ['en', "you fixed it last week and it's broken again", 'complaint'],
      ['it', "l'avete riparata la settimana scorsa ed è di nuovo rotta", 'complaint'],
      ['en', "I'm really unhappy with the service", 'complaint'],
      ['it', 'sono molto deluso', 'complaint'],
      ['it', 'voglio un rimborso', 'complaint'],
      ['it', 'è coperto dalla kasko?', 'legal'],
    ];
    for (const [lang, text, concern] of urgent) {
      it(`${text} → urgent (${concern})`, async () => {
        const u = await say(text, lang);
        assert.deepEqual([u.intent, u.concern], ['urgent', concern]);
      });
    }
    const human: [Lang, string, Concern | undefined][] = [
      ['en', 'call me back please', 'callback'],
      ['en', 'can reception phone me?', 'callback'],
      ['en', "i'd like a callback", 'callback'],
      ['en', 'can i get a call back', 'callback'],
      ['it', 'richiamatemi', 'callback'],
      ['it', 'richiamami appena puoi', 'callback'],
      ['it', 'mi richiamate x favore', 'callback'],
      ['it', 'mi può telefonare la reception?', 'callback'],
      ['it', 'mi fate una telefonata?', 'callback'],
      ['en', "i'd rather talk on the phone", 'callback'],
      ['it', 'preferirei sentirci per telefono', 'callback'],
      ['en', 'is anyone there?', undefined],
      ['en', 'is there a real person?', undefined],
      ['it', 'passami un operatore', undefined],
      ['it', 'voglio parlare con qualcuno', undefined],
    ];
    for (const [lang, text, concern] of human) {
      it(`${text} → human${concern ? ` (${concern})` : ''}`, async () => {
        const u = await say(text, lang);
        assert.deepEqual([u.intent, u.concern], ['human', concern]);
        assert.equal(u.entities.service, undefined, 'a call back is no recall');
      });
    }
    // no handoff where the words only sound alike
    const notUrgent: [Lang, string][] = [
      ['en', 'do I get a refund of the deposit?'],
      ['it', 'la cauzione mi viene rimborsata?'],
      ['en', 'not happy with the price, anything cheaper?'],
      ['en', "I'm disappointed there's no courtesy car"],
      ['it', "esce fumo bianco dallo scarico all'accensione"],
      ['en', 'I have a flat tyre at home, can you fit me in tomorrow?'],
      ['en', "I'm stuck at work until 6, can I drop it off after?"],
      ['en', 'my car broke down last month and you fixed it, now I need the annual service'],
      ['en', 'third time lucky, can I book for friday'],
    ];
    for (const [lang, text] of notUrgent) {
      it(`${text} → no handoff`, async () => {
        const u = await say(text, lang);
        assert.ok(u.intent !== 'urgent' && u.intent !== 'human', u.intent);
      });
    }
    it('displeasure with our work is a complaint', async () => {
      assert.equal((await say('very disappointed with your workshop', 'en')).concern, 'complaint');
      assert.equal((await say('sono insoddisfatto del vostro lavoro', 'it')).concern, 'complaint');
    });
    it('a recall is still a recall', async () => {
      assert.equal((await say("c'è un richiamo sulla mia levante?", 'it')).entities.service?.id, 'recall');
      assert.equal((await say('is there a recall on my ghibli', 'en')).entities.service?.id, 'recall');
    });
    it('white smoke from the exhaust is a symptom to book', async () => {
      assert.deepEqual([(await say('il motore della gran turismo fa fumo bianco', 'it')).intent], ['book']);
    });
  });

  describe('out of our business, though a model is named', () => {
    const cases: [Lang, string][] = [
      ['en', 'how much is the car tax on my levante'],
      ['en', 'how much road tax for a ghibli'],
      ['it', 'quanto è il bollo della ghibli'],
      ['it', 'quanto pago di bollo per la levante?'],
      ['it', "quanto costa l'assicurazione per una grecale"],
      ['en', 'how much is insurance on a quattroporte'],
      ['it', 'valutazione usato levante'],
      ['it', 'quanto vale la mia ghibli'],
      ['it', 'quanto mi date per la mia levante usata'],
      ['en', 'how much is my quattroporte worth'],
      ['en', "what's my ghibli worth"],
      ['en', 'what would you give me for my grecale'],
      ['it', 'quanto consuma la grecale?'],
      ['en', "what's the top speed of the mc20"],
    ];
    for (const [lang, text] of cases) {
      it(text, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, 'outOfDomain');
        assert.ok(u.score <= 0.4);
        assert.ok(!u.question || u.question.topic === 'other', 'not answered as our price');
      });
    }
    it('the price of a service on the same car is ours: a question about our work, answered, not yet a booking', async () => {
      const u = await say('how much is a service on my levante', 'en');
      assert.equal(u.intent, 'inform'); // as the fifth and sixth independent corpora label such questions
      assert.equal(u.question?.topic, 'workCost');
    });
  });

  describe('switching language, never read backwards', () => {
    const cases: [Lang, string, Lang][] = [
      ['en', 'can we speak Italian?', 'it'],
      ['it', 'parliamo italiano', 'it'],
      ['it', 'parli inglese?', 'en'],
      ['en', 'in English please', 'en'],
      ['en', 'back to Italian please', 'it'],
      ['it', "torniamo all'italiano", 'it'],
      ['it', "torniamo all'inglese", 'en'],
      ['it', "possiamo passare all'inglese", 'en'],
      ['en', "I don't speak English, italiano per favore", 'it'],
      ['it', 'non parlo italiano, english please', 'en'],
      ['it', 'scusi non parlo bene italiano', 'en'],
      ['it', "non capisco l'inglese", 'it'],
      ['en', 'i dont understand italian', 'en'],
    ];
    for (const [lang, text, language] of cases) {
      it(`${text} → ${language}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, 'switchLanguage');
        assert.equal(u.entities.language, language);
      });
    }
  });

  describe('everything still read together', () => {
    const cases: [Lang, string, Awaiting | undefined, Intent, Record<string, unknown>][] = [
      ['it', 'ok vado a piedi, x le 9 domani va bene?', undefined, 'book', { mobility: 'none' }],
      ['en', 'my wife picks me up, thx', 'mobility', 'inform', { mobility: 'none' }],
    ];
    for (const [lang, text, awaiting, intent, entities] of cases) {
      it(text, async () => {
        const u = await say(text, lang, awaiting);
        assert.equal(u.intent, intent);
        for (const [k, v] of Object.entries(entities)) assert.equal((u.entities as Record<string, unknown>)[k], v, k);
      });
    }
  });
  describe('more everyday answers, read where they are given', () => {
    const cases: [Lang, Awaiting | undefined, string, Intent, Record<string, unknown>][] = [
      // getting around
      ['it', 'mobility', 'torno col regionale', 'inform', { mobility: 'public-transport' }],
      ['it', 'mobility', 'mezzi', 'inform', { mobility: 'public-transport' }],
      ['it', 'mobility', 'resto lì ad aspettare', 'inform', { mobility: 'none' }],
      ['en', 'mobility', "i'll stay and wait", 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'nulla', 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'ho la moto, vengo con quella', 'inform', { mobility: 'none' }],
      ['en', 'mobility', "i've got my bike, i'll ride home", 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'mi porto dietro la bici e torno in bici', 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'mi fate accompagnare a casa da qualcuno?', 'inform', { mobility: 'staff-shuttle' }],
      ['it', 'mobility', 'un passaggio da uno dei meccanici?', 'inform', { mobility: 'staff-shuttle' }],
      ['en', 'mobility', 'could one of you run me to the station?', 'inform', { mobility: 'staff-shuttle' }],
      ['en', 'mobility', 'can someone from the dealership drive me back? thanks', 'inform', { mobility: 'staff-shuttle' }],
      ['it', 'mobility', 'anche una fiat va benissimo', 'inform', { mobility: 'courtesy-car-other' }],
      ['en', 'mobility', 'a fiat is totally fine', 'inform', { mobility: 'courtesy-car-other' }],
      ['it', 'mobility', 'una macchina qualsiasi, anche piccola', 'inform', { mobility: 'courtesy-car-other' }],
      ['en', 'mobility', "any car really, doesn't have to be fancy", 'inform', { mobility: 'courtesy-car-other' }],
      ['it', 'mobility', 'se c è una maserati meglio, se no va bene qualsiasi cosa', 'inform', { mobility: 'courtesy-car-brand' }],
      ['it', 'mobility', 'mi date una macchina voi?', 'inform', { mobility: 'replacement' }],
      ['en', 'mobility', 'will you give me a car?', 'inform', { mobility: 'replacement' }],
      ['en', undefined, "could you lend me a car? mine's been with you for a week", 'book', { mobility: 'replacement' }],
      ['it', 'mobility', 'mi accompagna mio cognato', 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'passa a prendermi la mia compagna', 'inform', { mobility: 'none' }],
      ['en', 'mobility', 'my partner will come and get me', 'inform', { mobility: 'none' }],
      ['en', 'mobility', 'getting a lift from my brother', 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'mi faccio venire a prendere da mia sorella', 'inform', { mobility: 'none' }],
      ['en', 'mobility', "I'll sort myself out", 'inform', { mobility: 'none' }],
      ['en', 'mobility', "I've got my wife's car", 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'uso la macchina di mia moglie', 'inform', { mobility: 'none' }],
      ['en', 'mobility', "I'll work from the lounge while I wait", 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'posso aspettare lì?', 'inform', { mobility: 'none' }],
      ['en', 'mobility', 'walk', 'inform', { mobility: 'none' }],
      ['it', 'mobility', 'vado a piedi, sto a 5 minuti', 'inform', { mobility: 'none', date: undefined }],
      ['en', 'mobility', "I live 10 mins away, I'll walk", 'inform', { mobility: 'none', date: undefined }],
      ['en', 'mobility', 'something to get around in', 'inform', { mobility: 'replacement' }],
      ['it', 'mobility', 'una macchina per muovermi', 'inform', { mobility: 'replacement' }],
      ['it', 'mobility', "una maserati, se ce l'avete", 'inform', { mobility: 'courtesy-car-brand' }],
      ['en', 'mobility', 'doesnt matter which car', 'inform', { mobility: 'courtesy-car-other' }],
      ['it', 'mobility', 'va bene qualsiasi macchina', 'inform', { mobility: 'courtesy-car-other' }],
      ['it', 'mobility', 'non importa la marca', 'inform', { mobility: 'courtesy-car-other' }],
      ['it', undefined, 'mi ha lasciato a piedi in autostrada', 'urgent', {}],
      ['it', undefined, "mannaggia, la batteria m'ha lasciato a piedi di nuovo, la dovete cambiare", 'book', { service: 'battery' }],
      // names
      ['it', 'name', 'vi scrive Stefano Gallo', 'inform', { name: 'Stefano Gallo' }],
      ['it', 'name', 'ok, vi scrive stefano gallo', 'inform', { name: 'Stefano Gallo' }],
      ['it', 'name', 'ok, elena vitali qui', 'inform', { name: 'Elena Vitali' }],
      ['it', 'name', 'sono hans muller', 'inform', { name: 'Hans Muller' }],
      ['it', 'name', "sono l'avvocato Ferraris", 'inform', { name: 'Ferraris' }],
      ['it', 'name', 'a nome della ditta? no, a nome mio, Carlo Rota', 'inform', { name: 'Carlo Rota' }],
      ['en', 'name', 'this is rossi marco', 'inform', { name: 'Rossi Marco' }],
      ['en', 'name', 'Baker, Thomas', 'inform', { name: 'Baker Thomas' }],
      ['en', 'name', 'put it down as Nowak, thanks', 'inform', { name: 'Nowak' }],
      ['en', 'name', 'still me, Sam Porter', 'inform', { name: 'Sam Porter' }],
      ['en', 'name', 'sure, Wilson Mark here', 'inform', { name: 'Wilson Mark' }],
      ['en', 'name', 'Sean McDonald', 'inform', { name: 'Sean McDonald' }],
      ['en', 'name', 'wilson mark here', 'inform', { name: 'Wilson Mark' }],
      ['it', 'name', "ok, aoife o'connor qui", 'inform', { name: "Aoife O'Connor" }],
      ['en', undefined, 'the car is here, when can you look at it?', 'book', { name: undefined }],
      ['en', 'name', 'Li Wei', 'inform', { name: 'Li Wei' }],
      ['en', 'name', "the name's Bond", 'inform', { name: 'Bond' }],
      ['it', 'name', 'cognome Rossi, nome Mario', 'inform', { name: 'Mario Rossi' }],
      ['en', 'name', 'surname Taylor', 'inform', { name: 'Taylor' }],
      ['en', 'name', 'call me Dave', 'inform', { name: 'Dave' }],
      ['it', 'name', 'chiamami pure Luca', 'inform', { name: 'Luca' }],
      ['en', 'name', 'under Petrov', 'inform', { name: 'Petrov' }],
      ['it', 'name', 'Ciao Marco', 'inform', { name: 'Marco' }],
      ['en', 'name', 'call me back', 'human', { name: undefined }],
      ['it', 'name', 'Va Bene', 'affirm', { name: undefined }],
      // yes and no
      ['en', 'confirm', 'go for it', 'affirm', {}],
      ['en', 'confirm', 'definitely', 'affirm', {}],
      ['en', 'confirm', 'not yet', 'deny', {}],
      ['it', 'confirm', 'non ancora', 'deny', {}],
      ['en', 'confirm', "that isn't correct", 'deny', {}],
      // symptoms
      ['it', undefined, 'cambia marcia a strattoni quando è fredda', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'dash says engine fault', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'il cruscotto mi segna avaria motore', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'there is a clunk from the back over speed bumps', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'sul dosso sento un colpo secco dalla parte dietro', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'metallic whistle from the front wheels when i slow down', 'book', { service: 'brakes' }],
      ['en', undefined, 'the pedal feels spongy when i stop', 'book', { service: 'brakes' }],
      ['en', undefined, 'rear window shattered, no idea how', 'book', { service: 'glass' }],
      ['en', undefined, 'someone dinged my door with theirs in the car park', 'book', { service: 'bodywork' }],
      ['it', undefined, 'mi hanno urtato in parcheggio', 'book', { service: 'bodywork' }],
      ['en', undefined, 'squeal from the front when stopping', 'book', { service: 'brakes' }],
      ['it', undefined, 'nel traffico la macchina scalda troppo', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'the temperature gauge goes up in traffic', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'I was stuck in traffic and the AC stopped working', 'book', { service: 'air-conditioning' }],
      ['en', undefined, 'scratched my bumper in a car park, need it sorted, any day next week, no car needed', 'book', { service: 'bodywork', mobility: 'none' }],
      ['it', undefined, 'ho bisogno di una macchina mentre riparate la mia', 'book', { mobility: 'replacement' }],
      ['it', undefined, 'consegna soltanto', 'book', { mobility: 'pickup-delivery', legs: 'delivery' }],
      ['it', undefined, 'sento un fischio quando rallento', 'book', { service: 'brakes' }],
      ['en', undefined, 'the handbrake doesnt hold', 'book', { service: 'brakes' }],
      ['en', undefined, 'the engine dies when I stop', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'il motore batte in testa', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'loss of power when overtaking', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'la macchina non tira più', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'ticchettio dal motore', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'lo sterzo è duro', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'car smells of petrol inside', 'book', { service: 'diagnosis' }],
      ['it', undefined, "macchia d'olio sotto la macchina", 'book', { service: 'diagnosis' }],
      ['en', undefined, 'orange triangle on the dash', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'sul display è comparso un messaggio di errore', 'book', { service: 'diagnosis' }],
      ['it', undefined, 'ho preso un palo in retro', 'book', { service: 'bodywork' }],
      ['en', undefined, 'reversed into a post', 'book', { service: 'bodywork' }],
      ['it', undefined, 'la macchina fa fatica ad accendersi al mattino', 'book', { service: 'battery' }],
      ['en', undefined, 'car struggles to start in the cold', 'book', { service: 'battery' }],
      ['en', undefined, "clicks but won't start", 'book', { service: 'battery' }],
      // a person at once
      ['it', undefined, 'sono rimasta chiusa fuori con le chiavi dentro e la bimba in macchina', 'urgent', {}],
      ['en', undefined, "hit a barrier, i'm fine but the car isn't", 'urgent', {}],
      ['it', undefined, 'ho centrato un cinghiale, il muso è distrutto', 'urgent', {}],
      ['it', undefined, 'sono bloccato al casello, la macchina non si muove', 'urgent', {}],
      ['it', undefined, 'sono in mezzo alla strada con la ruota staccata', 'urgent', {}],
      ['en', undefined, 'the levante is leaking petrol outside my house, strong smell', 'urgent', {}],
      ['en', undefined, 'still nothing? i asked for an answer a week ago, enough', 'urgent', {}],
      ['it', undefined, "ho una domanda sull'assicurazione per il sinistro, mi passate qualcuno?", 'human', {}],
      ['en', undefined, "i'd like to speak to someone about a legal warranty issue", 'human', {}],
      // not our business
      ['it', undefined, 'mi ritirate la quattroporte in permuta?', 'outOfDomain', { model: 'Quattroporte' }],
      ['en', undefined, 'would you take my quattroporte as a part exchange?', 'outOfDomain', {}],
      ['it', undefined, 'che assicurazione mi consigliate per la ghibli?', 'outOfDomain', {}],
      ['en', undefined, "what's my 2018 ghibli worth second hand?", 'outOfDomain', {}],
      ['en', undefined, "what's the range of the grecale folgore?", 'outOfDomain', {}],
      ['it', undefined, 'la granturismo folgore quanti km fa con una ricarica?', 'outOfDomain', {}],
      ['it', undefined, 'quanto costa il passaggio di proprietà?', 'outOfDomain', {}],
      ['it', undefined, 'avete il noleggio a lungo termine?', 'outOfDomain', {}],
      ['en', undefined, 'book me a table at a restaurant', 'outOfDomain', {}],
      ['en', undefined, "what's a 3200 gt worth these days?", 'outOfDomain', {}],
      // a burning smell alone is a symptom to book; with a warning light, smoke or stopped, a person at once
      ['en', undefined, 'theres a burning smell after long drives', 'book', {}],
      ['it', undefined, 'sento puzza di bruciato dal cofano quando spengo', 'book', {}],
      ['it', undefined, 'sento odore di bruciato e si è accesa la spia', 'urgent', {}],
      ['en', undefined, 'hit a kerb and theres a lump in the tyre wall now', 'book', { service: 'tyres' }],
      ['en', undefined, "i'm stuck at the toll booth, the car won't move", 'urgent', {}],
      // when, said vaguely or loosely
      ['en', 'date', 'first day you have', 'inform', { asap: true }],
      ['it', 'date', 'quando volete voi', 'inform', {}],
      ['it', 'date', "tra un po', adesso sono pieno di lavoro", 'inform', {}],
      ['en', 'date', 'not sure yet, I\'ll let you know', 'inform', {}],
      ['en', 'date', 'whenever suits you', 'inform', {}],
      ['en', 'date', 'sometime soonish', 'inform', {}],
      ['it', 'date', "quando c'è posto?", 'inform', {}],
      ['en', 'date', 'any day', 'inform', {}],
      ['it', 'date', 'un giorno qualsiasi', 'inform', {}],
      ['en', 'date', 'whenever you have space', 'inform', {}],
      ['it', 'date', 'urgente', 'inform', { asap: true }],
      ['it', 'date', 'la prima disponibile', 'inform', { asap: true, choice: undefined }],
      ['en', 'date', 'the first available', 'inform', { asap: true, choice: undefined }],
      ['it', 'confirm', 'anzi pomeriggio', 'correction', {}],
      ['en', 'confirm', 'actually make it the morning', 'correction', {}],
      // legs, pickup
      ['it', 'pickupDelivery', 'solo andata', 'inform', { legs: 'pickup' }],
      ['it', 'mobility', 'venite voi a prenderla in azienda', 'inform', { mobility: 'pickup-delivery' }],
      ['en', 'mobility', 'could you swing by and grab it from outside my flat?', 'inform', { mobility: 'pickup-delivery' }],
      // symptoms and needs in other words
      ['en', undefined, 'a yellow light with an engine symbol came up on the dashboard', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'i have the light of the engine on since yesterday', 'book', { service: 'diagnosis' }],
      ['en', undefined, 'good morning, i must do the coupon of the levante', 'book', { service: 'maintenance' }],
      ['en', undefined, 'hi ther, my grecale is due a servce', 'book', { service: 'maintenance' }],
      ['it', 'service', 'una lucidata', 'inform', { service: 'detailing' }],
      // a person, help, greetings, thanks, calling off, a language
      ['it', undefined, 'c è un numero whatsapp di una persona?', 'human', {}],
      ['en', undefined, 'is there a whatsapp number for an actual person?', 'human', {}],
      ['it', undefined, 'cosa posso chiederti?', 'help', {}],
      ['it', undefined, 'mi sono perso, cosa devo rispondere?', 'help', {}],
      ['en', undefined, 'what are my options?', 'help', {}],
      ['en', undefined, 'huh, lost me', 'help', {}],
      ['en', undefined, 'how do i use this?', 'help', {}],
      ['it', undefined, 'buondì', 'greeting', {}],
      ['en', undefined, 'heya', 'greeting', {}],
      ['en', undefined, 'appreciate it', 'thanks', {}],
      ['it', undefined, 'ci ho ripensato, non prenoto', 'cancel', {}],
      ['en', undefined, "changed my mind, i won't book", 'cancel', {}],
      ['en', undefined, "don't book anything", 'cancel', {}],
      ['en', undefined, 'italiano pls', 'switchLanguage', { language: 'it' }],
      ['it', undefined, 'preferisco italiano grazie', 'switchLanguage', { language: 'it' }],
      ['it', undefined, 'italiano?', 'switchLanguage', { language: 'it' }],
      ['it', undefined, "scusate, non so l'inglese", 'switchLanguage', { language: 'it' }],
      ['it', undefined, "parlo un po' di inglese", 'switchLanguage', { language: 'en' }],
      ['en', undefined, "sorry I don't speak italian", 'switchLanguage', { language: 'en' }],
      ['it', 'mobility', "un'auto di cortesia, una qualsiasi", 'inform', { mobility: 'courtesy-car-other' }],
      ['en', 'mobility', 'loan car, a maserati ideally', 'inform', { mobility: 'courtesy-car-brand' }],
      ['en', 'confirm', '👍', 'affirm', {}],
      ['en', 'confirm', '👎', 'deny', {}],
      ['en', 'confirm', 'yh', 'affirm', {}],
      ['it', 'confirm', 'va be', 'affirm', {}],
      ['en', undefined, 'how much to tax my ghibli', 'outOfDomain', {}],
      ['it', undefined, 'mi valutate la levante?', 'outOfDomain', {}],
      ['it', undefined, 'vendete la grecale folgore?', 'outOfDomain', {}],
      ['en', undefined, 'is the new grecale available to order', 'outOfDomain', {}],
      ['en', undefined, 'how many hp is the quattroporte', 'outOfDomain', {}],
      ['en', undefined, 'does the levante have apple carplay', 'outOfDomain', {}],
      ['it', undefined, 'la mia nuova grecale deve fare il tagliando', 'book', { service: 'maintenance' }],
      // corrections: what was said is taken back; a preference answering a question, or in a first message, is no correction
      ['it', 'confirm', 'cambio idea: il 15', 'correction', {}],
      ['en', 'confirm', "on second thoughts i'll take the coach", 'correction', { mobility: 'public-transport' }],
      ['en', 'confirm', 'change of plan: pick it up and bring it back please', 'correction', { mobility: 'pickup-delivery', legs: 'both' }],
      ['it', 'confirm', 'scusa non giovedì, venerdì', 'correction', {}],
      ['it', 'confirm', 'mi sono confuso, sono le gomme non i freni', 'correction', { service: 'tyres' }],
      ['en', 'confirm', "typo, my name's Matthew not Mark", 'correction', { name: 'Matthew' }],
      ['it', 'date', 'meglio di mattina', 'inform', {}],
      ['it', undefined, 'la mia grecale deve fare il tagliando, io preferisco giovedì 10', 'book', { service: 'maintenance' }],
      ['it', undefined, 'la macchina non parte', 'book', { service: 'diagnosis' }],
    ];
    for (const [lang, awaiting, text, intent, entities] of cases) {
      it(`${awaiting ?? '-'}: ${text} → ${intent} ${JSON.stringify(entities)}`, async () => {
        const u = await say(text, lang, awaiting);
        assert.equal(u.intent, intent);
        const flat = { ...u.entities, service: u.entities.service?.id, asap: u.entities.date?.asap } as Record<string, unknown>;
        for (const [k, v] of Object.entries(entities)) assert.equal(flat[k], v, k);
      });
    }
  });

  describe('dates, hours and parts of the day as customers write them', () => {
    const cases: [Lang, Awaiting | undefined, string, { date?: string; time?: string; part?: string; service?: string }][] = [
      // a numeric date followed by a part of the day is that day's morning, not noon
      ['it', undefined, 'ciao, si è rotta la frizione il 10/12 di mattina, aspetto in sede', { date: '2026-12-10', part: 'morning', time: undefined, service: 'repair' }],
      ['it', 'date', 'x me va bn il 10/12 di mattina', { date: '2026-12-10', part: 'morning', time: undefined }],
      ['it', 'date', 'il 3/12 nel pomeriggio', { date: '2026-12-03', part: 'afternoon', time: undefined }],
      ['en', 'date', 'change of plan: 10/12 in the morning', { date: '2026-12-10', part: 'morning', time: undefined }],
      ['en', undefined, 'clutch has gone. 10/12 in the morning, i need a courtesy car', { date: '2026-12-10', part: 'morning', time: undefined }],
      ['en', 'date', '10/12 at 9', { date: '2026-12-10', time: '09:00' }],
      // British "half nine" is half past nine; an early hour is the afternoon's
      ['en', 'date', 'ok friday around half nine', { date: '2026-12-04', time: '09:30' }],
      ['en', 'date', 'tuesday at half 2', { date: '2026-12-01', time: '14:30' }],
      ['en', 'date', 'around half 8', { time: '08:30' }],
      // "martedì dopo il prossimo" is the Tuesday after next, as in English
      ['it', 'date', 'cmq martedi dopo il prossimo', { date: '2026-12-08' }],
      ['it', 'date', 'il giovedì dopo il prossimo', { date: '2026-12-10' }],
      ['en', 'date', 'the tuesday after next', { date: '2026-12-08' }],
      // "scratch that" takes back what was said: no scratch on the car
      ['en', 'confirm', 'scratch that, on the 15th', { date: '2026-12-15', service: undefined }],
      ['en', 'confirm', 'scratch that, i\'ll wait at the dealership', { service: undefined }],
      ['en', undefined, "there's a scratch on the rear door", { service: 'bodywork' }],
    ];
    for (const [lang, awaiting, text, want] of cases) {
      it(`${awaiting ?? '-'}: ${text} → ${JSON.stringify(want)}`, async () => {
        const u = await say(text, lang, awaiting);
        const got = { date: u.entities.date?.date, time: u.entities.date?.time, part: u.entities.date?.part, service: u.entities.service?.id } as Record<string, unknown>;
        for (const [k, v] of Object.entries(want)) assert.equal(got[k], v, k);
      });
    }
  });

  describe('a person at once, or a booking that only sounds like it (#12, R11)', () => {
    const cases: [Lang, string, Intent][] = [
      // on the road, now
      ['it', 'guasto in autostrada vicino a firenze, cosa faccio?', 'urgent'],
      ['it', 'ho preso un buco e la ruota è scoppiata in autostrada', 'urgent'],
      ['en', 'hit a pothole and the tyre blew out on the motorway', 'urgent'],
      ['it', 'la maserati mi ha lasciato a piedi in mezzo al traffico', 'urgent'],
      ['it', 'mi hanno investito la macchina e sono scappati, pirata della strada', 'urgent'],
      ['en', 'the airbags went off', 'urgent'],
      ['it', 'sono uscito di strada e sono finito nel fosso', 'urgent'],
      ['en', 'my car has been stolen', 'urgent'],
      ['en', 'stuck at the petrol station, the car won\'t start', 'urgent'],
      // fire, brakes, steering, heavy leaks, shut in
      ['it', 'la macchina sta andando a fuoco!!', 'urgent'],
      ['it', 'mentre guidavo il freno non frenava più, sono riuscito a fermarmi col freno a mano', 'urgent'],
      ['en', 'urgent: the car isn\'t braking properly and i\'m on the road', 'urgent'],
      ['it', 'lo sterzo si è bloccato in curva, ho rischiato grosso', 'urgent'],
      ['en', 'the brake pedal went to the floor', 'urgent'],
      ['it', 'perde tantissimo olio, c è una pozza enorme sotto la macchina', 'urgent'],
      ['en', 'fluid is pouring out of the engine, i\'m scared to move it', 'urgent'],
      ['it', 'sono chiuso dentro la macchina e le portiere non si aprono', 'urgent'],
      ['en', 'my son is locked in the car and the keys are inside', 'urgent'],
      // angry, again; legal
      ['it', 'è la seconda volta che vi chiamo per lo stesso problema e nessuno fa niente, sono furioso', 'urgent'],
      ['en', 'you\'re useless, the car came out of your workshop worse than it went in', 'urgent'],
      ['it', 'mi avete danneggiato la macchina', 'urgent'],
      ['en', "i'm taking you to court", 'urgent'],
      // a person, however asked
      ['it', 'voglio il manager', 'human'],
      ['it', 'passatemi il vostro capo', 'human'],
      ['it', 'preferisco sentire una persona al telefono', 'human'],
      ['en', "i'd like to speak to reception", 'human'],
      ['en', 'get me your supervisor', 'human'],
      ['en', 'connect me to customer service', 'human'],
      // look-alikes: told as history, reported, or a call only if something happens
      ['it', 'chiamatemi solo se il prezzo cambia, per il resto va bene giovedì', 'inform'],
      ['en', 'i need an MOT, call me if there are any problems', 'book'],
      ['it', 'se il pezzo non arriva in tempo chiamatemi pure, intanto prenoto per martedì', 'book'],
      ['it', 'il mio consulente Giorgio mi ha detto di prenotare online', 'book'],
      ['en', 'the operator told me to write here for an oil change', 'book'],
      ['it', "mi avevano tamponato a marzo, l'assicurazione ha già pagato, ora vorrei fare il lavoro", 'book'],
      ['en', 'since the accident in january the car pulls to the right, i\'d like an alignment', 'book'],
      ['en', 'the tow truck already brought it to you yesterday, when can you do the diagnosis?', 'book'],
      ['en', 'last year it broke down on the motorway, now i\'d like a full check before the trip', 'book'],
      ['en', 'there\'s a bit of condensation in the headlights since i washed the car, can you look?', 'book'],
      ['en', 'reversed into a post, bumper is cracked', 'book'],
      ['en', 'hello, anyone there?', 'greeting'],
      // asking whether it is a machine wants a person: the tenth and eleventh writers, as the sixth to eighth (changed from outOfDomain, #12)
      ['it', 'sei un robot?', 'human'],
      ['it', 'vorrei parlare col capo officina', 'human'],
      ['it', 'contattatemi voi', 'human'],
      ['en', 'what number can i call?', 'human'],
      ['it', 'il primo posto libero', 'book'],
    ];
    for (const [lang, text, intent] of cases) {
      it(`${text} → ${intent}`, async () => {
        assert.equal((await say(text, lang)).intent, intent);
      });
    }
  });

  describe('when a symptom began is no day wished', () => {
    const cases: [Lang, Awaiting | undefined, string, string | undefined][] = [
      ['it', undefined, 'la spia del motore si è accesa la settimana scorsa, vorrei farla controllare', undefined],
      ['en', undefined, 'engine warning light came on yesterday', undefined],
      ['en', undefined, 'the clutch has been slipping a bit for a few weeks', undefined],
      ['it', undefined, 'i freni fischiano da qualche settimana, prenoto un controllo', undefined],
      ['en', undefined, 'book tyres for friday', '2026-12-04'],
      ['it', undefined, 'vorrei il tagliando il 20 novembre', '2026-11-20'],
      ['it', 'date', 'ieri', '2026-11-29'],
    ];
    for (const [lang, awaiting, text, date] of cases) {
      it(`${awaiting ?? '-'}: ${text} → ${date ?? 'no date'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.date?.date, date);
      });
    }
  });

  describe('a name before "here" / "qui" anywhere in a first message, and where a name ends', () => {
    const cases: [Lang, string, string | undefined][] = [
      ['en', 'need to bring the car in Francesca Moretti here, got a flat tyre, tomorrow at noon', 'Francesca Moretti'],
      ['en', 'morning, Michael Brown here chipped windscreen friday the 11th at 9', 'Michael Brown'],
      ['it', 'giovedi della settimana prossima graffio sul paraurti, Grecale targa gb 619 ns, roberto casadei qui', 'Roberto Casadei'],
      ['it', 'Buongiorno, vorrei prenotare Ferretti Paola qui, la manutenzione ordinaria, domani', 'Ferretti Paola'],
      ['en', 'the car is here', undefined],
      ['en', 'my wife is here with me', undefined],
      ['it', 'la macchina è qui, sotto casa', undefined],
      // the need starts after the name
      ['it', 'salve, mi chiamo hans muller spia motore accesa, mi chiamate un taxi?', 'Hans Muller'],
      ['en', 'Morning - name is Mr Peter Hall battery is flat - tue 8th', 'Peter Hall'],
      ['en', 'morning, routine maintenance, book it under wilson mark granturismo reg fv123hj, thursday before lunch', 'Wilson Mark'],
      ['it', 'mi chiamo Anna Maria Rossi', 'Anna Maria Rossi'],
    ];
    for (const [lang, text, name] of cases) {
      it(`${text} → ${name ?? 'no name'}`, async () => {
        assert.equal((await say(text, lang)).entities.name, name);
      });
    }
  });

  describe('names as people sign, introduce themselves or book for someone else (#12)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      // a signature at the end
      ['it', 'Buongiorno, vorrei prenotare il tagliando per la mia Ghibli. Cordiali saluti, Marco Bianchi', 'Marco Bianchi'],
      ['it', 'tagliando levante, grazie. Luca Verdi', 'Luca Verdi'],
      ['it', 'ciao, tagliando x la levante, grz, marco rossi', 'Marco Rossi'],
      ['it', 'la spia dell olio è accesa, mi richiamate? saluti\nGiulia Conti', 'Giulia Conti'],
      ['it', 'vorrei cambiare le gomme della ghibli settimana prox. Grazie mille, Pietro', 'Pietro'],
      ['en', "Hi, I'd like to book a service for my Levante. Kind regards, John Carter", 'John Carter'],
      ['en', 'need a service on the ghibli asap. thanks, Priya Shah', 'Priya Shah'],
      ['en', 'brakes squeal on the grecale, can u fit me in next week? cheers, dave', 'Dave'],
      ['en', 'Levante due for its annual service.\nBest regards,\nTom Evans', 'Tom Evans'],
      // courtesies at the end that name nobody
      ['it', 'tagliando per la levante, grazie mille, a domani', undefined],
      ['it', 'grazie, Levante GH123KL', undefined],
      ['en', 'thanks, see you tomorrow', undefined],
      ['en', 'service for the ghibli please. Thanks, Levante owner', undefined],
      ['en', 'cheers mate', undefined],
      // a title in lower case after "sono" / "this is"
      ['it', 'ciao sn la sig.ra ferrari, devo fare il tagliando', 'Ferrari'],
      ['it', 'salve sono il sig. esposito, la ghibli perde olio', 'Esposito'],
      ['it', 'buongiorno sono la dottoressa galli, gomme da cambiare', 'Galli'],
      ['en', 'this is mrs kowalski, the levante needs tyres', 'Kowalski'],
      // booking for someone else
      ['it', 'prenotazione per conto di Bruno Neri, tagliando Levante', 'Bruno Neri'],
      ['it', 'scrivo per mio padre, Aldo Moretti, ha la quattroporte da tagliandare', 'Aldo Moretti'],
      ['it', 'il cliente è Paolo Galli, tagliando', 'Paolo Galli'],
      ['en', 'booking on behalf of my boss, Mr Richard Hale, Quattroporte service', 'Richard Hale'],
      ['en', 'the customer is Karen Lowe, ghibli service', 'Karen Lowe'],
      ['en', "writing for my dad, Frank Miller, his levante won't start", 'Frank Miller'],
      // at the name question, the name first and the car after it
      ['it', 'Rossi Marco, GH123KL', 'Rossi Marco', 'name'],
      ['it', 'marco rossi targa gh123kl', 'Marco Rossi', 'name'],
      ['it', 'bianchi, la targa è GH123KL', 'Bianchi', 'name'],
      ['it', 'sono la moglie, Laura Conti', 'Laura Conti', 'name'],
      ['en', 'Hale, Richard - plate FG 456 HJ', 'Hale Richard', 'name'],
      ['en', 'tom evans, the car is a levante', 'Tom Evans', 'name'],
      ['en', 'no idea, my husband booked it', undefined, 'name'],
    ];
    for (const [lang, text, name, awaiting] of cases) {
      it(`${JSON.stringify(text)}${awaiting ? ` (at ${awaiting})` : ''} → ${name ?? 'no name'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.name, name);
      });
    }
    it('"per conto di" is on behalf of, not a question about the bill', async () => {
      assert.equal((await say('prenotazione per conto di Bruno Neri, tagliando Levante', 'it')).question, undefined);
      assert.equal((await say('sono la moglie, Laura Conti', 'it', 'name')).question, undefined);
    });
  });

  describe('a name that opens a first message, before any cue (#12)', () => {
    const cases: [Lang, string, string | undefined][] = [
      ['it', 'Marco Rossi, Levante GH123KL, tagliando domani', 'Marco Rossi'],
      ['it', 'buongiorno, Paolo Verdi, vorrei prenotare il tagliando', 'Paolo Verdi'],
      ['it', 'giulia neri - tagliando levante giovedì', 'Giulia Neri'],
      ['it', 'Giulia, tagliando levante x venerdi', 'Giulia'],
      ['it', 'nome Luca cognome Neri, ghibli da tagliandare', 'Luca Neri'],
      ['en', 'Tom Evans, Ghibli, brakes grinding, any slot next week?', 'Tom Evans'],
      ['en', 'hi - Priya Shah - levante service please', 'Priya Shah'],
      ['en', 'Marco Rossi', 'Marco Rossi'],
      // what opens a message and is no name
      ['it', 'Spia Motore, la levante non parte', undefined],
      ['it', 'Urgente, la ghibli non parte', undefined],
      ['it', 'Levante, tagliando, domani', undefined],
      ['it', 'Domani mattina, tagliando levante', undefined],
      ['en', 'Quick question, how much is a service?', undefined],
      ['en', 'Good morning, Ghibli service please', undefined],
      ['en', 'Flat Tyre, can you help', undefined],
      ['en', 'Next Tuesday, Levante service', undefined],
    ];
    for (const [lang, text, name] of cases) {
      it(`${JSON.stringify(text)} → ${name ?? 'no name'}`, async () => {
        assert.equal((await say(text, lang)).entities.name, name);
      });
    }
  });

  describe('a name said on its own between the facts of a long message (#12)', () => {
    const cases: [Lang, string, string | undefined][] = [
      ['it', 'ho una levante del 2017, vorrei fare il tagliando e il cambio pastiglie insieme. Fabbri Marco. settimana prossima venerdi alle 8 e mezza', 'Fabbri Marco'],
      ['it', 'la levante ha il tergicristallo dietro che non funziona piu. Mancini Roberta. sabato mattina. aspetto li', 'Mancini Roberta'],
      ['it', 'targa:GD 402 CS . Grecale . Cambio gomme . Venerdi 4 ore 16 . Riccardo', 'Riccardo'],
      ['it', 'Salve, Rossetti Maria. grecale EY115RS, tagliando dei 40mila', 'Rossetti Maria'],
      ['it', 'salve, Hoffmann Klaus, la mia levante ha una botta sul parafango', 'Hoffmann Klaus'],
      ['it', 'buongiorno Chen Jing, ho una grecale targa GF 398 SL, la revisione scade a dicembre', 'Chen Jing'],
      ['it', 'ciao sono matteo de santis, ghibli FW-778-LB', 'Matteo De Santis'],
      ['it', 'buonasera qui Marchi Lorenzo. grecale targa FZ114HS, ha il vetro posteriore scheggiato', 'Marchi Lorenzo'],
      ['it', "ciao, e' la Marta Zanetti, la mia grecale ha il tettuccio bloccato", 'Marta Zanetti'],
      ['it', "ho una mc20 e voglio ricaricare l'aria condizionata. Il mio nome e' Tiziano Ghirardini", 'Tiziano Ghirardini'],
      ['it', 'x la mc20 di mio marito ci vuole la ricarica del clima. intestate pure a Bertolini Sara. il 14 dicembre', 'Bertolini Sara'],
      ['it', 'scrivo x mio padre, Enzo Bellini, ha una quattroporte vecchia', 'Enzo Bellini'],
      ['it', "si chiama Pier Luigi Benedetti, e' mio suocero", 'Pier Luigi Benedetti'],
      ['en', 'bought a used quattroporte privately (GA 205 BD), want a full check plus service. Ryan Hughes. tuesday 1st early morning', 'Ryan Hughes'],
      ['en', 'the rear wiper on my levante has died. Jane Morris. saturday morning. I\'ll wait', 'Jane Morris'],
      ['en', 'grecale gk 930 rp: the centre screen keeps switching itself off. the 10th after lunch. Phil Edwards', 'Phil Edwards'],
      ['en', 'reg:GD 718 CR . Grecale . Tyre change . Fri 4th 4pm . Rick', 'Rick'],
      ['en', "my levante whistles from the engine bay when i accelerate. Name's Bruce Coleman. dropping it thursday", 'Bruce Coleman'],
      ['en', 'levante hybrid, EW 302 ZF, service. name Ashworth. about half past twelve friday the 4th', 'Ashworth'],
      ['en', 'book under Nguyen pls. grecale, need winter tyres on', 'Nguyen'],
      ['en', "evening, mrs O'Sullivan speaking. someone scraped the whole driver side of my granturismo", "O'Sullivan"],
      ['en', "hi it's tom van dijk, ghibli FW 310 LC", 'Tom Van Dijk'],
      ['en', 'good afternoon, Eng. Marco Santini. yearly service for quattroporte HB 904 CT', 'Marco Santini'],
      ['en', 'hello, Müller Stefan, my levante has a dent in the wing', 'Müller Stefan'],
      ['en', 'Good morning, Andersson Erik, swedish living in Maranello. ghibli diesel, oil change', 'Andersson Erik'],
      ['en', 'its for my father in law, Peter-John Harrington', 'Peter-John Harrington'],
      ['en', 'just put Dr Haines', 'Haines'],
      // capitalised words on their own that are no name
      ['it', 'Levante. Grecale Folgore. Tagliando', undefined],
      ['it', 'tagliando. Via Giardini 400. giovedi', undefined],
      ['en', 'service please. Next Tuesday. Thanks', undefined],
      ['en', 'hello, Flat Tyre, can you help', undefined],
      ['en', 'hi, Quattroporte Trofeo, annual service', undefined],
      ['it', 'Buongiorno, Modena Centro, tagliando levante', undefined],
    ];
    for (const [lang, text, name] of cases) {
      it(`${JSON.stringify(text)} → ${name ?? 'no name'}`, async () => {
        assert.equal((await say(text, lang)).entities.name, name);
      });
    }
    it('"mettete pure Avv. Santoro" at the name question', async () => {
      assert.equal((await say('mettete pure Avv. Santoro', 'it', 'name')).entities.name, 'Santoro');
    });
  });

  describe('stuck on the road now, a person asked for, and what only sounds like it (#12, R11)', () => {
    const cases: [Lang, string, Intent][] = [
      // stuck now, somewhere
      ['it', "mi si e accesa la spia rossa dell'olio in autostrada e il motore batte, ho paura a ripartire", 'urgent'],
      ['it', 'ragazzi la grecale folgore mi dice di fermarmi immediatamente, errore sistema, sono sulla statale', 'urgent'],
      ['it', "la macchina e' morta al parcheggio dell'aeroporto di bologna e io ho il volo di ritorno stasera, qualcuno mi puo aiutare?", 'urgent'],
      ['it', "la spia della temperatura e' rossa e fischia, sono in coda sul raccordo, spengo?", 'urgent'],
      ['it', "sta uscendo fumo nero dallo scarico e la macchina va a singhiozzo, sono sull'A1 direzione Bologna", 'urgent'],
      ['it', "scusate urgente: la chiave non viene riconosciuta e la ghibli non si accende, sono davanti all'ospedale e devo andare via", 'urgent'],
      ['it', "nn riesco piu a sterzare bene, lo sterzo e durissimo, l'ho lasciata in un parcheggio lungo la via Giardini", 'urgent'],
      ['it', "un camion mi ha preso lo specchietto e la portiera in autostrada, sono all'area di servizio secchia", 'urgent'],
      ['it', 'ragazzi sono fermo con la levante a lato della strada con le 4 frecce, mi mandate qualcuno?', 'urgent'],
      ['it', 'sono rimasto senza batteria in un parcheggio sotterraneo a Bologna, nn parte proprio', 'urgent'],
      ['it', 'mi sono fermato sulla A14, la spia del motore lampeggia e la macchina non accelera piu', 'urgent'],
      ['it', "nn so che fare, si e' accesa una spia rossa con un punto esclamativo e il volante e' pesantissimo, sono sulla via emilia", 'urgent'],
      ['it', "voglio fare una segnalazione formale: ho ritirato la macchina ieri e ci sono dei graffi che prima non c'erano", 'urgent'],
      ['it', "la macchina e' da voi e mi avete rigato il cofano, voglio parlare con il titolare", 'urgent'],
      ['en', 'help, car just died on the M-way near Bologna, hazards on, kids in the back, what do i do', 'urgent'],
      ['en', 'red oil warning came on the autostrada and the engine is knocking, scared to drive on', 'urgent'],
      ['en', 'locked the keys in the grecale and my 2 year old is inside, please help', 'urgent'],
      ['en', 'brake pedal goes straight to the floor, barely stopping, crawling through town', 'urgent'],
      ['en', "locked myself out of the levante, key's inside and i'm up in the mountains", 'urgent'],
      ['en', "hit a wild boar last night, radiator's leaking, can't drive it", 'urgent'],
      ['en', "the grecale folgore says stop the vehicle immediately, system fault, i'm on a main road", 'urgent'],
      ['en', "car's dead in the airport car park in bologna and my flight back is tonight, can anyone help get it sorted?", 'urgent'],
      ['en', 'think the belt snapped, massive bang and it cut out in the middle of the junction', 'urgent'],
      ['en', "black smoke from the exhaust and it's juddering, i'm on the A1 towards bologna", 'urgent'],
      ['en', "urgent: key not detected and the ghibli won't start, i'm outside the hospital and need to leave", 'urgent'],
      ['en', "steering's gone really heavy, i've left it in a lay-by on via giardini", 'urgent'],
      ['en', "a lorry took off my mirror and door on the motorway, i'm at the services", 'urgent'],
      ['en', "battery's dead in an underground car park in bologna, won't start at all", 'urgent'],
      ['en', "someone stole my wheels overnight, the car's on bricks outside my flat", 'urgent'],
      ['en', 'you scratched my bonnet while the car was with you, i want to speak to the owner', 'urgent'],
      // a person, asked for in many ways
      ['it', 'vorrei sentire il responsabile del service, il sig. Montanari', 'human'],
      ["it", "la signora dell'accettazione mi conosce, posso scrivere direttamente a lei?", 'human'],
      ['it', 'datemi il numero del service che chiamo io', 'human'],
      ["it", "sto impazzendo con questo sistema, c'e' qualcuno che risponde??", 'human'],
      ['it', 'ho bisogno di un preventivo dettagliato per un lavoro grosso, me lo fa un tecnico? vorrei parlarne a voce', 'human'],
      ['it', 'dai non capisci niente, passamelo a qualcuno vero', 'human'],
      ["it", "potrei ricevere una chiamata domani mattina dall'accettazione?", 'human'],
      ['en', "you're not getting it, let me talk to one of your colleagues", 'human'],
      ['en', 'fed up of typing, just call me', 'human'],
      ['en', 'the lady at reception knows me, can i message her directly?', 'human'],
      ['en', 'can i get a direct line to the workshop?', 'human'],
      ["en", "give me the service desk number and i'll ring them", 'human'],
      ['en', 'this system is driving me mad, is anyone actually there??', 'human'],
      ['en', 'i need a detailed quote for a big job, can a technician talk me through it on the phone?', 'human'],
      ["en", "come on you don't understand anything, pass me to a real one", 'human'],
      ["en", "i'd like a phone contact with one of your technicians", 'human'],
      // only sounds like it
      ["it", "quando l'ho ritirata dopo l'incidente era perfetta, adesso solo il cambio gomme", 'book'],
      ["it", "ho fatto un tamponamento a settembre, tutto risolto con l'assicurazione. ora e' ora della revisione", 'book'],
      ["it", "non e' un'emergenza, ma la luce di cortesia nell'abitacolo resta accesa", 'book'],
      ["it", "la macchina in panne? no no, tutto ok, e' solo per il tagliando", 'book'],
      ["it", "non sono stato io a fare l'incidente, era la macchina di prima. questa e' nuova e vorrei il primo tagliando", 'book'],
      ['it', 'nessun incidente, voglio solo far sistemare un graffietto al paraurti', 'book'],
      ['it', 'il soccorso stradale lo chiamo io se serve, tanto per adesso va benissimo. volevo solo prenotare il cambio olio', 'book'],
      ["it", "c'e un operatore del carro attrezzi che mi ha consigliato voi per la revisione, la macchina va benissimo", 'book'],
      ['it', "ho avuto un incidente con la vecchia macchina, adesso ho la grecale nuova e vorrei il primo tagliando", 'book'],
      ['it', "il responsabile service mi ha detto di fare la prenotazione qui e poi mi richiama lui per il preventivo", 'book'],
      ['it', "aspetto che mi chiami il carrozziere per il preventivo, intanto prenoto il tagliando", 'book'],
      ['en', 'it was perfect when i collected it after the accident, now just a tyre swap', 'book'],
      ['en', 'not an emergency but the interior courtesy light stays on', 'book'],
      ['en', "breakdown? no no all fine, it's only for the service", 'book'],
      ["en", "wasn't me in the accident, that was the previous car. this one's new, first service please", 'book'],
      ['en', 'no accident, just want a little scratch on the bumper sorted', 'book'],
      ["en", "i'll call the breakdown people myself if i need them, for now it's running great. just want an oil change", 'book'],
      ['en', 'accident was back in 2023, all sorted, just want it checked over before i sell it', 'book'],
      ['en', 'the tow truck guy recommended you for the roadworthiness test, car runs perfectly', 'book'],
      ["en", "had an accident with my old car, now i've got the new grecale and want its first service", 'book'],
      ["en", "the service manager said to book here and he'll ring me about the quote", 'book'],
      // no person wanted
      ['it', 'tranquilli non c\'e\' bisogno di chiamarmi, scrivetemi qui', 'inform'],
      ['it', 'non serve l\'operatore, faccio da solo', 'inform'],
      ['it', 'persona? no grazie, va bene cosi col bot', 'inform'],
      ['it', 'avevo scritto operatore per sbaglio, lascia stare, continuiamo: giovedi va bene', 'inform'],
      ['it', 'non voglio essere richiamato, confermate per messaggio', 'inform'],
      ["en", "don't need the operator, i'll do it myself", 'inform'],
      ['en', 'a person? no thanks, the bot\'s fine', 'inform'],
      ['en', 'typed operator by mistake, ignore that, let\'s carry on: thursday works', 'inform'],
      ["en", "i don't want to be called back, confirm by message", 'inform'],
      ['en', 'no need to phone me, text here is fine', 'inform'],
    ];
    for (const [lang, text, intent] of cases) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        const u = await say(text, lang);
        if (intent === 'urgent' || intent === 'human') assert.equal(u.intent, intent);
        else assert.ok(u.intent !== 'urgent' && u.intent !== 'human', `${u.intent}: no handoff expected`);
      });
    }
  });

  describe('getting around and the legs, in the verbs customers use (#12, fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, string | undefined][] = [
      // [lang, text, mobility, legs]
      ['it', 'sono Giuseppe Lo Russo, tagliando alla ghibli il 7 alle 14.30. la venite a ritirare voi a casa, a riprenderla ci penso io', 'pickup-delivery', 'pickup'],
      ['it', 'tagliando annuale quattroporte. venite voi a prenderla in via Vignolese 905, Modena 41125', 'pickup-delivery', 'pickup'],
      ['it', 'la levante deve fare la revisione. la venite a prendere voi in via Giardini 400 a Modena?', 'pickup-delivery', 'pickup'],
      ['it', 'vorrei venire tra 2 settimane, e possibile la consegna a domicilio a fine lavori?', 'pickup-delivery', 'delivery'],
      ['it', 'potete venire voi a prenderla a Formigine? 41043. giovedi 3', 'pickup-delivery', 'pickup'],
      ['it', 'ritirate voi e consegnate voi, io nn ci sono mai', 'pickup-delivery', 'both'],
      ['it', 'vorrei che la ritiraste in studio giovedì mattina', 'pickup-delivery', 'pickup'],
      ['it', 'me la venite a prendere voi? e poi me la riportate?', 'pickup-delivery', 'both'],
      ['en', 'can you collect and drop it back? 22 via sant eufemia, 41121', 'pickup-delivery', 'both'],
      ['en', 'thursday next week at 10. can you collect from via Giardini 400?', 'pickup-delivery', 'pickup'],
      ['en', "you collect and you deliver, i'm never around", 'pickup-delivery', 'both'],
      ['en', 'could you swing by and grab it from outside my flat?', 'pickup-delivery', 'pickup'],
      ['en', 'you can take the car at my home and bring back?', 'pickup-delivery', 'both'],
      // the customer moves the car, or it is about something else
      ['en', "could i drop it off thursday the 3rd around half nine? i'll need a loan car to get to the clinic", 'replacement', undefined],
      ['en', 'it was perfect when i collected it after the accident, now just a tyre swap', undefined, undefined],
      ['it', 'ho ritirato la macchina ieri e la spia è di nuovo accesa', undefined, undefined],
      ['en', "you never pick up the phone so i'm booking here: tyre change on the quattroporte", undefined, undefined],
      ['it', "non e' un'emergenza, ma la luce di cortesia nell'abitacolo resta accesa", undefined, undefined],
      ['en', 'not an emergency but the interior courtesy light stays on', undefined, undefined],
      // the brand, a car, a lift
      ['it', 'ho bisogno di una macchina che sia maserati se possibile', 'courtesy-car-brand', undefined],
      ['it', 'una maserati, ci tengo', 'courtesy-car-brand', undefined],
      ['en', 'a maserati, i insist', 'courtesy-car-brand', undefined],
      ['it', 'la porta lei venerdi 18 a prima ora e poi ha bisogno di una macchina', 'replacement', undefined],
      ['it', 'gomme invernali fine mese. e vorrei essere accompagnata a casa da voi', 'staff-shuttle', undefined],
      ['it', 'mi riportate a casa voi con la vostra auto?', 'staff-shuttle', undefined],
      ['it', 'mi vengono a prendere i miei colleghi', 'none', undefined],
      ['en', 'on second thoughts scrap the taxi, can someone from yours drive me instead', 'staff-shuttle', undefined],
      ['en', 'he doesn t drive much anymore so if one of your lads could drive him home that would be great', 'staff-shuttle', undefined],
    ];
    for (const [lang, text, mobility, legs] of cases) {
      it(`${JSON.stringify(text)} → ${mobility ?? 'no mobility'}${legs ? ` (${legs})` : ''}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.entities.mobility, mobility);
        assert.equal(u.entities.legs, legs);
      });
    }
  });

  describe('more words for each way of getting around, at the mobility question (#12)', () => {
    const cases: [Lang, string, string][] = [
      ['it', "un'auto in prestito", 'replacement'], ['it', 'mi lasciate una macchina per quei giorni?', 'replacement'], ['it', 'una macchina di scorta', 'replacement'],
      ['en', 'a spare car', 'replacement'], ['en', 'something to get about in', 'replacement'], ['en', 'a car to use meanwhile', 'replacement'], ['en', 'a temporary car', 'replacement'], ['en', 'a runaround would do', 'replacement'],
      ['it', "un'altra maserati", 'courtesy-car-brand'], ['it', 'una ghibli di cortesia', 'courtesy-car-brand'], ['en', 'a levante as a loaner', 'courtesy-car-brand'], ['en', 'same brand please', 'courtesy-car-brand'],
      ['it', 'anche una utilitaria va bene', 'courtesy-car-other'], ['it', 'non serve che sia maserati', 'courtesy-car-other'], ['en', 'a small car is fine', 'courtesy-car-other'],
      ['it', 'autonoleggio', 'rental-car'], ['en', 'hertz is fine', 'rental-car'], ['it', 'un radiotaxi', 'taxi'], ['it', 'prendo la linea 7', 'public-transport'],
      ['it', 'porta a porta', 'pickup-delivery'], ['en', 'door to door service', 'pickup-delivery'],
      ['it', "resto in sala d'attesa", 'none'], ['en', 'i can sit in the waiting room', 'none'], ['en', 'my wife will run me home', 'none'],
    ];
    for (const [lang, text, mobility] of cases) {
      it(`${JSON.stringify(text)} → ${mobility}`, async () => {
        assert.equal((await say(text, lang, 'mobility')).entities.mobility, mobility);
      });
    }
  });

  describe('what is wrong, told by the part that fails (#12)', () => {
    const cases: [Lang, string, string][] = [
      ['it', 'il navigatore è bloccato', 'diagnosis'], ['it', 'il bluetooth non si collega', 'diagnosis'], ['it', 'la chiave non funziona', 'diagnosis'],
      ['it', 'il portellone non si apre', 'diagnosis'], ['it', 'consuma tanto olio', 'diagnosis'], ['it', 'il cambio gratta', 'diagnosis'],
      ['it', 'il sedile non si regola', 'diagnosis'], ["it", "c'è acqua nel bagagliaio", 'diagnosis'], ['it', 'il faro è appannato', 'diagnosis'],
      ['it', 'ho preso una buca e ora il cerchio è storto', 'tyres'], ['it', 'vorrei installare il gancio traino', 'repair'], ['it', 'i sensori di parcheggio suonano sempre', 'diagnosis'],
      ['en', 'the sat nav is frozen', 'diagnosis'], ["en", "bluetooth won't connect", 'diagnosis'], ["en", "the key fob doesn't work", 'diagnosis'],
      ["en", "the boot won't open", 'diagnosis'], ["en", "it's burning a lot of oil", 'diagnosis'], ['en', 'gearbox crunches', 'diagnosis'],
      ['en', 'hit a pothole and the rim is bent', 'tyres'], ["en", "seat won't adjust", 'diagnosis'], ['en', 'water in the boot', 'diagnosis'],
      ['en', 'headlight is misty inside', 'diagnosis'], ['en', 'want a tow bar fitted', 'repair'], ['en', 'pulls to the left', 'diagnosis'],
      ['en', 'the parking sensors beep all the time', 'diagnosis'], ["en", "the door mirror won't fold", 'diagnosis'], ['en', 'the infotainment screen keeps rebooting', 'diagnosis'],
    ];
    for (const [lang, text, service] of cases) {
      it(`${JSON.stringify(text)} → ${service}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.entities.service?.id, service);
        assert.ok(u.intent === 'book', u.intent);
        assert.equal(u.entities.date, undefined);
        assert.equal(u.entities.mobility, undefined);
      });
    }
  });

  describe('urgent and a person in other voices: formal, regional, non-native, voice-typed (#12, second fresh dev corpus)', () => {
    const cases: [Lang, string, Intent][] = [
      ['it', 'Gentile concessionaria, mi trovo in questo momento nella galleria del Monte Bianco lato italiano, la mia vettura si è spenta e non vuole saperne di ripartire, vi prego di indicarmi come fare', 'urgent'],
      ['it', 'sono chiuso nel parcheggio sotterraneo del centro commerciale, la levante non si avvia e il parcheggio chiude alle 22', 'urgent'],
      ['it', 'uè sono al casello di Melegnano la ghibli si è ammutolita di colpo, ho la coda dietro che suona', 'urgent'],
      ['it', 'mi trovo sul traghetto per olbia e la grecale non si accende per sbarcare, i marinai mi mettono fretta', 'urgent'],
      ['it', "è comparsa la scritta avaria motore potenza ridotta mentre ero in autostrada, vado a 40 all'ora e ho paura che mi tamponino", 'urgent'],
      ['it', 'mentre guido si sente un colpo metallico forte sotto e adesso trascina qualcosa per terra, sono a 20 km da casa e non so se posso continuare', 'urgent'],
      ['it', 'puzza di benzina fortissima in macchina mio figlio ha mal di testa siamo in viaggio sulla a22', 'urgent'],
      ['it', 'ho appena fatto un frontale leggero in rotonda stiamo bene ma la levante perde liquido', 'urgent'],
      ['it', 'ho trovato adesso la macchina con il finestrino spaccato e hanno portato via la borsa e il navigatore', 'urgent'],
      ['it', 'qualcuno ha tagliato tutte e quattro le gomme stanotte, sono sotto casa e devo andare al lavoro', 'urgent'],
      ['it', "ho appena visto che mi hanno rigato tutta la fiancata con una chiave nel parcheggio dell'ospedale", 'urgent'],
      ['it', "ho ritirato ieri la macchina dal tagliando e oggi ho visto un graffio lungo sulla portiera che prima non c'era, voglio che vi prendiate le vostre responsabilità", 'urgent'],
      ['it', 'dopo il cambio gomme mi avete restituito la macchina con un cerchio rovinato, non è accettabile', 'urgent'],
      ['it', 'avete lasciato il sedile pieno di grasso e macchie dopo la riparazione, la pelle è rovinata', 'urgent'],
      ['it', 'quattro mesi e ancora il rumore nello sterzo non è sparito nonostante tre interventi, così non si può andare avanti', 'urgent'],
      ['it', "sono mesi che la ghibli va e viene dalla vostra officina e il problema al cambio è sempre lì, pretendo una soluzione definitiva", 'urgent'],
      ['it', "Spettabile concessionaria, con la presente intendo formalizzare il mio profondo disappunto per il trattamento ricevuto durante l'ultima visita in officina", 'urgent'],
      ['it', 'il vostro accettatore mi ha trattato malissimo e nessuno si è scusato, voglio segnalarlo', 'urgent'],
      ['it', 'mi avete fatto pagare 900 euro di lavori che non avevo autorizzato, voglio indietro i soldi', 'urgent'],
      ['it', 'chiedo il rimborso del tagliando perché la macchina è tornata con la spia accesa come prima', 'urgent'],
      ['it', 'ho già contattato un legale per la questione della garanzia negata, vi diffido formalmente', 'urgent'],
      ['it', "minchia ragazzi sono sulla tangenziale di napoli la macchina fa un rumore da paura tipo martello e perde potenza, m'aggia fermà?", 'urgent'],
      ['it', "nu sacc che fà a machina s'è fermata 'ncopp a via caracciolo e nun parte cchiù", 'urgent'],
      ['it', 'madonna sono sulla bassa la nebbia e la macchina mi si spegne a ogni semaforo, non riesco a tornare a casa', 'urgent'],
      ['it', 'buongiorno io indiano lavoro a reggio, macchina ferma a incrocio, non parte niente luci spente, polizia mi guarda', 'urgent'],
      ["it", "Salut, sono su autostrada A4 vicino Brescia, masina oprita, c'è spia rossa, cosa fare? scusate non parlo bene italiano", 'urgent'],
      ['it', 'la machina nn frena bn sto scendendo dal passo e ho paura, mi fermo o no??', 'urgent'],
      ['it', 'vi scrivo perché la macchina ritirata da voi giovedì scorso ha perso tutto l\'olio sul mio garage, è grave, non voglio più sentire scuse', 'urgent'],
      ['it', 'Gentile concessionaria, essendo una persona anziana e poco pratica di questi strumenti, preferirei di gran lunga parlare al telefono con un vostro addetto', 'human'],
      ['it', 'mi passi il capo officina per cortesia', 'human'],
      ["it", "c'è Giorgio? lui conosce già la mia macchina, vorrei sentire lui", 'human'],
      ["it", "ma c'è qualcuno li o parlo da sola?", 'human'],
      ['it', 'la prego di farmi contattare telefonicamente da un responsabile', 'human'],
      ['it', 'oh bella, me passi un omm vero o no? col computer non ci capisco niente', 'human'],
      ["it", "io non capisco questa chat, per favore telefono, parlare con uomo dell'officina", 'human'],
      ['it', 'rispondetemi voi, non la macchinetta', 'human'],
      ["it", "me fai chiamà da quarcuno dell'officina? grazie", 'human'],
      ["it", "voglio parlà co' na persona, nun co' sto coso", 'human'],
      ['it', 'Egregi Signori, sarei grato se un vostro incaricato volesse cortesemente contattarmi al numero fisso 059 223344 nelle ore mattutine', 'human'],
      ['it', 'chiama me per favore numero 320 445 6789 io sono Ahmed', 'human'],
      ['it', 'vorrei sentire la voce di qualcuno, sono anziana e non mi fido a fare tutto per iscritto', 'human'],
      ['it', 'chi è il responsabile del post vendita? lo vorrei sentire', 'human'],
      // only sounds like it
      ["it", "ho avuto un guasto la settimana scorsa e l'ha già sistemato il carro attrezzi, ora vorrei un controllo generale", 'book'],
      ["it", "qualche mese fa la macchina si era fermata in autostrada, adesso vorrei fare il richiamo che mi avete scritto", 'book'],
      ["it", "lunedi ho fatto un botto con il carrello della spesa sul paraurti, niente di grave, vorrei sistemarlo", 'book'],
      ["it", "non sono in panne, la macchina cammina, solo l'aria condizionata non fa freddo", 'book'],
      ["it", "il reclamo dell'altra volta l'avete gestito benissimo, adesso vorrei fare la revisione", 'book'],
      ['it', 'il vostro collega Luca mi aveva detto di prenotare qui il cambio gomme', 'book'],
      ['it', 'chiamatemi pure Marco', 'inform'],
      ["it", "sono Luca Bianchi, e no non sono l'operatore 😂", 'inform'],
    ];
    for (const [lang, text, intent] of cases) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        const u = await say(text, lang);
        if (intent === 'urgent' || intent === 'human') assert.equal(u.intent, intent);
        else assert.ok(u.intent !== 'urgent' && u.intent !== 'human', `${u.intent}: no handoff expected`);
      });
    }
  });

  describe('urgent and a person in other voices, in English (#12, second fresh dev corpus)', () => {
    const cases: [Lang, string, Intent][] = [
      ['en', "Dear Sirs, I regret to inform you that my vehicle has come to a complete standstill in the Fr\u00e9jus tunnel approach and will not restart. I should be most grateful for immediate assistance.", 'urgent'],
      ['en', "hello i am romanian, car stop on country road outside village, it make click click and no start, i am alone and it getting dark", 'urgent'],
      ['en', "i'm stuck in the multi storey at the shopping centre, the levante wont turn on and they lock the gates at 10", 'urgent'],
      ['en', "at the toll booth at Melegnano and the ghibli just died on me, queue behind me all honking", 'urgent'],
      ['en', "on the ferry to Olbia and the grecale won't start to drive off, crew are getting shirty", 'urgent'],
      ['en', "tyre blew out on the dual carriageway and theres no spare, kids in the back, on the verge", 'urgent'],
      ['en', "Dear Sir or Madam, I am driving over the Cisa pass and there is a very strong burning smell in the cabin. I have stopped but I fear it may catch fire.", 'urgent'],
      ['en', "loud metal clunk underneath while driving and now something is dragging on the ground, 20 km from home, can i keep going??", 'urgent'],
      ['en', "just had a minor head on at a roundabout, we're ok but the levante is leaking fluid", 'urgent'],
      ['en', "I am Chinese. I now accident with other car. Man very angry. I not understand what to do. Please", 'urgent'],
      ['en', "lost the quattroporte keys on the beach and the car's here, i need to drive back to Bologna tonight", 'urgent'],
      ['en', "came down this morning and the car was gone, stolen from the courtyard", 'urgent'],
      ['en', "my grecale has been nicked outside the gym, do you have a tracker on it? I need to report it to the police", 'urgent'],
      ['en', "just found the car with the window smashed in, they took my bag and the satnav", 'urgent'],
      ['en', "someone slashed all four tyres overnight, i'm outside my house and need to get to work", 'urgent'],
      ['en', "just saw someone has keyed the whole side of my car in the hospital car park", 'urgent'],
      ['en', "after the tyre change you gave the car back with a kerbed wheel, not acceptable", 'urgent'],
      ['en', "you left grease stains all over the seat after the repair, the leather is ruined", 'urgent'],
      ['en', "four months and the steering noise still hasn't gone after three visits, this can't go on", 'urgent'],
      ['en', "the ghibli has been in and out of your workshop for months and the gearbox problem is still there, I demand a proper fix", 'urgent'],
      ['en', "Dear Sirs, I write to formally register my profound dissatisfaction with the treatment I received at my last workshop visit.", 'urgent'],
      ['en', "your service advisor was incredibly rude to me and nobody apologised, i want to report it", 'urgent'],
      ['en', "i want reimbursing for the taxi i had to pay for myself because the courtesy car you promised wasn't there", 'urgent'],
      ['en', "bro im on the naples ring road and the car is making a horrible hammering noise and losing power, should i stop??", 'urgent'],
      ['en', "car's conked out on the seafront and won't start again, dunno what to do", 'urgent'],
      ['en', "thick fog out here and the car keeps cutting out at every light, can't get home", 'urgent'],
      ['en', "hello i am moroccan i drive and smoke come from back of car very much, i stop now under bridge", 'urgent'],
      ['en', "abeg my car don stop for road o, near Piacenza toll, e no gree start again, wetin i go do", 'urgent'],
      ['en', "cars not braking properly im coming down the pass and im scared, do i stop or not??", 'urgent'],
      ['en', "the rear wheel just came off as i was coming into town, literally just now, i'm in shock", 'urgent'],
      ['en', "boot won't close and the car says tailgate error and won't start, i'm halfway through my trip with the luggage", 'urgent'],
      ['en', "put diesel in instead of petrol at the pump and the car spluttered and died leaving the forecourt", 'urgent'],
      ['en', "the car i collected from you last thursday has dumped all its oil on my garage floor, this is serious and i don't want any more excuses", 'urgent'],
      ['en', "Dear Sirs, being elderly and not at all accustomed to these contraptions, I should much prefer to speak on the telephone with a member of your staff.", 'human'],
      ['en', "i want the workshop manager", 'human'],
      ['en', "is Giorgio there? he already knows my car, i'd like to talk to him", 'human'],
      ['en', "i have a slightly odd question about the warranty that i'd prefer to ask someone over the phone", 'human'],
      ['en', "honestly cant make head nor tail of this computer thing, can i get a proper person", 'human'],
      ['en', "hello i am romanian, i not understand the messages well, want speak person on phone", 'human'],
      ['en', "answer me yourselves, not the machine", 'human'],
      ['en', "can you get someone from the garage to give us a bell? cheers", 'human'],
      ['en', "Dear Sirs, I should be obliged if one of your staff would kindly telephone me on my landline 059 223344 during the morning", 'human'],
      ['en', "put me in touch with reception please", 'human'],
      ['en', "i want to talk to someone in charge of mobility, i have special requirements for the loan car", 'human'],
      ['en', "if possible i'd like to set up a call with a technician to work out whether it's worth fixing", 'human'],
      ['en', "i need to ask something only a mechanic can tell me, can you put someone on?", 'human'],
      ['en', "i'd like to hear someone's voice, i'm 82 and i don't trust doing everything in writing", 'human'],
      ['en', "who's the head of after sales? i'd like a word with them", 'human'],
      ['en', "who will call me to confirm the appointment?", 'inform'],
      ['en', "spoke to one of your advisors on the phone yesterday and he told me to book the warranty repair here", 'book'],
      ['en', "not broken down, car drives fine, just the air con isn't cold", 'book'],
      ['en', "battery's a bit weak in the mornings, i'd like it replaced before it leaves me stranded", 'book'],
      ['en', "so i don't end up stuck on the road i'd like a check before driving to the mountains", 'book'],
      ['en', "you handled my complaint brilliantly last time, now i'd like to do the inspection", 'book'],
    ];
    for (const [lang, text, intent] of cases) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        const u = await say(text, lang);
        if (intent === 'urgent' || intent === 'human') assert.equal(u.intent, intent);
        else assert.ok(u.intent !== 'urgent' && u.intent !== 'human', `${u.intent}: no handoff expected`);
      });
    }
  });

  describe('symptoms told in a booking stay bookings, however they are worded (#12)', () => {
    const cases: [Lang, string][] = [
      ['it', 'la spia del motore va e viene, vorrei farla controllare'],
      ['it', 'ho una ammaccatura sulla parte frontale, da sistemare'],
      ['it', 'la macchina si spegne ai semafori, vorrei un controllo'],
      ['it', 'perde olio, ho visto una macchia nel parcheggio di casa'],
      ['it', 'ho perso la chiave di riserva, me ne fate una nuova?'],
      ['it', 'mi hanno rigato la macchina al parcheggio del supermercato'],
      ['it', 'ho parlato ieri al telefono con un vostro consulente che mi ha detto di prenotare qui'],
      ['it', 've lo spiego meglio quando vi porto la macchina'],
      ['it', 've lo spiego a voce quando porto la macchina giovedì'],
      ['en', 'the engine cut out twice in town last week, can you check it'],
      ['en', 'someone nicked my bumper in the car park'],
      ['en', 'you left a voicemail yesterday, booking the service now'],
      ['en', 'lost my spare key, can you make me a new one?'],
      ['en', 'the car keeps cutting out at traffic lights, can you have a look?'],
    ];
    for (const [lang, text] of cases) {
      it(JSON.stringify(text), async () => {
        const u = await say(text, lang);
        assert.ok(u.intent !== 'urgent' && u.intent !== 'human', u.intent);
      });
    }
  });

  describe('"none" is no choice of the first option (#12)', () => {
    for (const [lang, text] of [['en', 'none'], ['en', "none, I'll wait there"], ['en', 'nope none']] as [Lang, string][]) {
      it(JSON.stringify(text), async () => {
        const u = await say(text, lang, 'mobility');
        assert.equal(u.entities.choice, undefined);
        assert.equal(u.entities.mobility, 'none');
      });
    }
    it('"n 2", "nr 3" and "#1" still pick', async () => {
      assert.equal((await say('n 2', 'it', 'slot')).entities.choice, 2);
      assert.equal((await say('nr 3', 'it', 'slot')).entities.choice, 3);
      assert.equal((await say('#1', 'en', 'slot')).entities.choice, 1);
    });
  });

  describe('a name given as in a form (#12)', () => {
    const cases: [Lang, string, string, Awaiting?][] = [
      ['it', 'Nome e cognome: Mario Rossi, tagliando', 'Mario Rossi'],
      ['it', 'nominativo: Giulia Verdi', 'Giulia Verdi', 'name'],
      ['it', 'intestatario Paolo Neri', 'Paolo Neri', 'name'],
      ['en', 'full name: John Carter', 'John Carter'],
      ['en', 'name and surname: Tom Evans', 'Tom Evans', 'name'],
      ['it', 'Cliente: Anna Bianchi', 'Anna Bianchi', 'name'],
    ];
    for (const [lang, text, name, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${name}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.name, name);
      });
    }
    it('"il cliente è soddisfatto" names nobody', async () => {
      assert.equal((await say('il cliente è soddisfatto', 'it')).entities.name, undefined);
    });
  });
  describe('a name after "name is" in a longer message, a title before a surname, a name that looks like a word (#12)', () => {
    const cases: [Lang, string, string, Awaiting?][] = [
      ['en', 'need the levante in next week. name is Owen Price. brakes squeal', 'Owen Price'],
      ['en', 'hiya, name is tom parker, the ghibli needs tyres', 'Tom Parker'],
      ['en', 'right. name is Sandra Klein and its the grecale, service due', 'Sandra Klein'],
      ['en', 'Evening, Ruth Price here. Levante needs its MOT', 'Ruth Price'],
      ['en', 'Dr Keith Cost here, ghibli service please', 'Keith Cost'],
      ['en', 'mr hughes, levante, service, thursday', 'Hughes'],
      ['en', 'Mrs Adebayo. quattroporte. new battery please', 'Adebayo'],
      ['it', 'dott. Marini, ghibli, revisione, martedì 8', 'Marini'],
      ['it', 'avv. Colasanti, quattroporte, cambio gomme giovedì', 'Colasanti'],
      ['it', 'sono l avvocato Tedeschi, la levante deve fare il tagliando', 'Tedeschi'],
      ['it', "sn l ing. Parodi, ho la ghibli da portare per i freni", 'Parodi'],
      ['it', 'buongiorno, la sig.ra Zampieri vorrebbe prenotare il tagliando', 'Zampieri'],
      ['en', 'hello, im mary-kate o\'neill, grecale, grinding when braking', "Mary-Kate O'Neill"],
      ['en', 'hey. name is Anna-Lena Schmidt, air con not cooling', 'Anna-Lena Schmidt'],
    ];
    for (const [lang, text, name, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${name}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.name, name);
      });
    }
    it('"sono l\'avvocato Tedeschi" is a title, no legal matter', async () => {
      assert.equal((await say('sono l avvocato Tedeschi, la levante deve fare il tagliando', 'it')).intent, 'book');
    });
    it('a surname that is a question word asks nothing: "Ruth Price here" is no question about prices', async () => {
      const u = await say('Evening, Ruth Price here. Levante needs its MOT', 'en');
      assert.equal(u.question, undefined);
      assert.equal(u.entities.model, 'Levante');
    });
    it('a staff member named with a title is not the customer', async () => {
      assert.equal((await say('ne ho parlato col dott. Ferretti del vostro service, tagliando della levante', 'it')).entities.name, undefined);
      assert.equal((await say('I spoke to Mr Barnes at your place, the ghibli needs a service', 'en')).entities.name, undefined);
    });
    it('"the price is fine" and "il prezzo va bene" still name nobody', async () => {
      assert.equal((await say('the price is fine', 'en')).entities.name, undefined);
      assert.equal((await say('name is fine as it is', 'en')).entities.name, undefined);
    });
  });
  describe('urgent now, a person asked for, and what only sounds like it, in a third set of voices (#12, third fresh dev corpus)', () => {
    const urgent: [Lang, string][] = [
      ['it', 'ho 78 anni, la macchina si è fermata davanti al cimitero e non si accende, non so chi chiamare'],
      ['it', 'esce fumo dal cofano della ghibli, mi sono fermata in una piazzola, la spengo?'],
      ['it', 'i freni non frenano quasi più e sto scendendo dal passo, cosa faccio'],
      ['it', 'URGENTE macchina ferma A14 km 80 non riparte'],
      ['it', 'sono finito in un sottopasso allagato e la levante si è spenta, ho l acqua alle portiere'],
      ['it', 'stanotte mi hanno forzato la portiera e rubato tutto dalla macchina'],
      ['it', 'la grecale è sparita dal parcheggio dell ospedale, penso me l abbiano rubata'],
      ['it', 'la chiave mi è caduta nel tombino e la macchina è chiusa in centro'],
      ['it', 'mi è partito l airbag in una buca, sono sotto shock'],
      ['it', 'spia rossa dei freni e pedale molle, sono a 5 km da voi, vengo o mi fermo?'],
      ['it', 'mi hanno sfasciato il finestrino e portato via la borsa, sono a Bologna per lavoro'],
      ['it', 'il motore batte forte e si è accesa la spia rossa, sono in mezzo alla strada'],
      ['en', 'the levante just died in the middle of a roundabout and people are beeping'],
      ['en', 'I am 79 and my car has stopped outside the post office and will not start, I do not know who to call'],
      ['en', 'brakes are barely working and i am coming down a steep hill, should i stop?'],
      ['en', 'water came in through a flooded underpass and the ghibli cut out, i am still in it'],
      ['en', 'the car stalled on a hill with my dad in it and its freezing, please come and get us'],
      ['en', 'someone smashed my window and nicked my laptop, im in Milan for work'],
      ['en', 'red brake warning and the pedal feels spongy, im a mile away, do i come in or stop?'],
      ['en', 'dropped my keys down a drain and the car is locked in a pay car park'],
      ['en', 'the airbag went off on a pothole and now it shows an error and won t restart'],
    ];
    for (const [lang, text] of urgent) {
      it(`${JSON.stringify(text)} → urgent`, async () => {
        assert.equal((await say(text, lang)).intent, 'urgent');
      });
    }
    const person: [Lang, string][] = [
      ['it', 'ma c è qualcuno di vero che mi risponde?'],
      ['it', 'vorrei un contatto diretto col direttore del post vendita'],
      ['it', 'non capisco bene italiano, meglio telefono con persona'],
      ['it', 'c è il signor Ferretti? mi ha detto di chiedere di lui'],
      ['it', 'una persona per favore, sono in difficoltà con questa chat'],
      ['it', 'vorrei parlare con il responsabile delle auto sostitutive'],
      ['it', 'è mezz ora che scrivo, passatemi un cristiano'],
      ['en', 'is Mrs Ferretti there? she told me to ask for her'],
      ['en', 'i want to talk to whoever handles the courtesy cars'],
      ['en', 'let me speak to Giulia please, she does the company cars'],
      ['en', 'struggling with this chat, a person please'],
    ];
    for (const [lang, text] of person) {
      it(`${JSON.stringify(text)} → human`, async () => {
        assert.equal((await say(text, lang)).intent, 'human');
      });
    }
    const neither: [Lang, string, Intent][] = [
      ['it', 'il vostro accettatore Paolo mi ha detto di tornare per i dischi freno', 'book'],
      ['it', 'mi ha detto il vostro consulente di prenotare qui il tagliando', 'book'],
      ['it', 'non chiamatemi, sono in riunione, rispondo qui', 'inform'], // a wish about how to be reached, as every corpus labels it
      ['it', 'alla fine mi ha richiamato il vostro collega e abbiamo sistemato tutto, grazie', 'thanks'],
      ['it', 'un collega mi dà un passaggio fino a casa', 'inform'],
      ['it', 'la spia rossa si era accesa ma il soccorso stradale ha risolto, ora vorrei un controllo', 'book'],
      ['it', 'la constatazione amichevole l abbiamo già fatta, mi serve solo la carrozzeria', 'book'],
      ['en', 'the breakdown service already sorted it on the day, i just want a proper check now', 'book'],
      ['en', 'i dreamt the car broke down last night so better book the service', 'book'],
      ['en', 'we filled in the accident form already, now i need the wing repaired', 'book'],
      ['en', 'the brake pedal shudders going downhill, can i book it in', 'book'],
      ['it', 'il pedale del freno vibra in discesa, vorrei farlo vedere', 'book'],
    ];
    for (const [lang, text, intent] of neither) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, intent === 'inform' ? 'mobility' : undefined)).intent, intent);
      });
    }
  });
  describe('names in a third set of voices: repeated in full, surname said first, unusual titles, more first names (#12)', () => {
    const cases: [Lang, string, string, Awaiting?][] = [
      ['it', 'il mio cognome è Pedrazzi, Luca Pedrazzi, ghibli da tagliandare', 'Luca Pedrazzi'],
      ['en', "name's Mensah, Kofi Mensah", 'Kofi Mensah', 'name'],
      ['en', "Clarke's the name, Nina Clarke", 'Nina Clarke', 'name'],
      ['en', 'hey its jake. jake holloway. levante clunks over bumps', 'Jake Holloway'],
      ['en', 'my surname is Short, first name Ellen', 'Ellen Short', 'name'],
      ['it', 'buongiorno, scrive il Dott. Arturo Lo Presti, vorrei fissare i freni della levante', 'Arturo Lo Presti'],
      ['it', 'prof.ssa Marta Ghidoni, grazie', 'Marta Ghidoni', 'name'],
      ['it', 'sono la moglie di Enrico Salvi, prenoto per lui il tagliando', 'Enrico Salvi'],
      ['en', "i'm the husband of Laura Finch, booking for her: grecale tyres", 'Laura Finch'],
      ['en', 'Sir Roger Blake', 'Roger Blake', 'name'],
      ['en', 'Father Liam Walsh, the ghibli needs a service', 'Liam Walsh'],
      ['en', 'hi im hassan nouri, levante, aircon smells', 'Hassan Nouri'],
      ['en', 'Hello it is Ahmad Rahimi writing, car is levante', 'Ahmad Rahimi'],
      ['en', 'hiya, chloe here!! tyres on the ghibli', 'Chloe'],
      ['it', 'sì certo, Anna Lisa Boni', 'Anna Lisa Boni', 'name'],
      ['en', "ok sure, it's under Price-Lambert", 'Price-Lambert', 'name'],
      ['en', 'put down Wozniak please', 'Wozniak', 'name'],
    ];
    for (const [lang, text, name, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${name}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.name, name);
      });
    }
    for (const text of ["i'm Italian, but I have lived in Leeds for years", "i'm near the station", "i'm running late, name later"]) {
      it(`${JSON.stringify(text)} names nobody`, async () => {
        assert.equal((await say(text, 'en', 'name')).entities.name, undefined);
      });
    }
  });
  describe('getting around, a third set of voices, at the mobility question (#12, third fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined][] = [
      ['it', 'ho il monopattino nel bagagliaio, torno con quello', 'none'],
      ['it', 'mia sorella mi viene dietro con la sua auto e mi riporta a casa', 'none'],
      ['it', 'mi arrangio coi mezzi pubblici', 'public-transport'],
      ['it', 'magari un altra grecale, o almeno una maserati', 'courtesy-car-brand'],
      ['it', 'va bene anche una panda, non sono schizzinosa', 'courtesy-car-other'],
      ['it', 'nessun mezzo grazie, sono a posto così', 'none'],
      ['it', 'non serve chiamarmi, leggo qui', undefined],
      ['it', 'no no non serve un operatore, va bene la chat', undefined],
      ['en', 'ill just hang about in your showroom with a coffee', 'none'],
      ['en', 'got the other car so nothing needed', 'none'],
      ['en', 'ideally another ghibli, or at least a maserati', 'courtesy-car-brand'],
      ['en', 'a ford or whatever, not fussy', 'courtesy-car-other'],
      ['en', 'do you lend out cars while mine is in?', 'replacement'],
      ['en', 'id rather hire one, the company pays', 'rental-car'],
      ['en', 'nothing, thanks anyway', 'none'],
      ['en', 'a maserati thanks', 'courtesy-car-brand'],
      ['en', 'no need to ring me, message me here', undefined],
    ];
    for (const [lang, text, mobility] of cases) {
      it(`${JSON.stringify(text)} → ${mobility ?? 'no solution'}`, async () => {
        assert.equal((await say(text, lang, 'mobility')).entities.mobility, mobility);
      });
    }
    const legs: [Lang, string, string][] = [
      ['it', 'prendermela sì, riportarla no', 'pickup'],
      ['en', 'collect it yes, bring it back no', 'pickup'],
      ['it', 'anzi solo il ritiro, la riconsegna non serve', 'pickup'],
      ['en', 'actually just the pickup, no need to bring it back', 'pickup'],
    ];
    for (const [lang, text, leg] of legs) {
      it(`${JSON.stringify(text)} → legs ${leg}`, async () => {
        assert.equal((await say(text, lang, 'confirm')).entities.legs, leg);
      });
    }
  });
  describe('days and hours in WhatsApp shorthand and spoken forms (#12, third fresh dev corpus)', () => {
    const cases: [Lang, string, { date?: string; time?: string }][] = [
      ['it', 'giov 10 alle 8.30', { date: '2026-12-10', time: '08:30' }],
      ['it', 'ven 4 h 15', { date: '2026-12-04', time: '15:00' }],
      ['it', 'x me va bn merc 9 h 10', { date: '2026-12-09', time: '10:00' }],
      ['en', 'half three on thursday', { date: '2026-12-03', time: '15:30' }],
      ['en', 'not this friday, the one after', { date: '2026-12-11' }],
      ['it', 'non questo giovedì ma quello dopo', { date: '2026-12-10' }],
      ['it', 'il venerdì dopo quello di questa settimana', { date: '2026-12-11' }],
      ['it', 'mercoledì della settimana dopo', { date: '2026-12-09' }],
      ['it', 'facciamo alle 10 invece che alle 8', { time: '10:00' }],
      ['en', 'make it friday instead of wednesday', { date: '2026-12-04' }],
    ];
    for (const [lang, text, want] of cases) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(want)}`, async () => {
        const d = (await say(text, lang, 'date')).entities.date;
        assert.equal(d?.date, want.date);
        assert.equal(d?.time, want.time);
      });
    }
    it('when an emergency happened, or when to call back, is no appointment wish', async () => {
      assert.equal((await say('incidente dieci minuti fa in tangenziale, la macchina perde liquido', 'it')).entities.date, undefined);
      assert.equal((await say('someone slashed all four tyres last night, i am outside my house', 'en')).entities.date, undefined);
      assert.equal((await say('mi richiamate dopo le 17 per favore?', 'it')).entities.date, undefined);
    });
    for (const [lang, text] of [['en', 'been waiting for half an hour, get me a person'], ['en', 'a lift from one of your lads would be great'], ['it', 'è mezz ora che aspetto']] as [Lang, string][]) {
      it(`${JSON.stringify(text)} names no day and no hour`, async () => {
        assert.equal((await say(text, lang)).entities.date, undefined);
      });
    }
  });
  describe('an answer that puts the question off is still an answer, never out of our business (#12, third fresh dev corpus)', () => {
    const cases: [Lang, string, Awaiting][] = [
      ['it', 'ci penso un attimo e poi vi dico', 'date'],
      ['it', 'quando vi fa più comodo', 'date'],
      ['it', 'entro pasqua se ce la fate', 'date'],
      ['it', 'più tardi vi scrivo il giorno, adesso guido', 'date'],
      ['en', 'not sure yet, let me have a think', 'date'],
      ['en', "whatever's easiest for your lot", 'date'],
      ['en', 'one of these days, no rush', 'date'],
      ['en', 'later on, after the holidays probably', 'date'],
      ['en', 'dunno yet, got to check my diary', 'date'],
      ['en', 'by easter if you can', 'date'],
      ['it', 'il nome è quello della volta scorsa', 'name'],
      ['it', 'adesso non posso, il nome ve lo scrivo dopo', 'name'],
      ['en', "it's the same name as the last booking", 'name'],
      ['en', "not sure whose name it's under, probably my mum's", 'name'],
      ['it', 'boh decidete voi, basta che arrivo al lavoro', 'mobility'],
      ['en', 'up to you, as long as i get to work', 'mobility'],
    ];
    for (const [lang, text, awaiting] of cases) {
      it(`${JSON.stringify(text)} at the ${awaiting} question → inform`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, 'inform');
      });
    }
    it('saying where one is from switches no language', async () => {
      assert.notEqual((await say("i'm Italian, but I've lived in Leeds for years", 'en', 'name')).intent, 'switchLanguage');
      assert.notEqual((await say('Anna Rossi-Evans, half italian half english', 'en', 'name')).intent, 'switchLanguage');
      assert.equal((await say("i'm italian, can we speak italian please", 'en')).intent, 'switchLanguage');
    });
  });
  describe('a person asked for, or only named, in a third set of voices (#12)', () => {
    const human: [Lang, string][] = [
      ['it', 'avrei una domanda sul contratto che preferirei fare a voce a qualcuno'],
      ['it', 'vorrei parlare con un addetto per l auto sostitutiva, ho esigenze particolari'],
    ];
    for (const [lang, text] of human) {
      it(`${JSON.stringify(text)} → human`, async () => {
        assert.equal((await say(text, lang)).intent, 'human');
      });
    }
    const not: [Lang, string, Awaiting?][] = [
      ['it', 'gentilissima la ragazza dell accettazione, complimenti! ora vorrei prenotare il tagliando'],
      ['it', 'il reclamo di due anni fa è tutto risolto, grazie. tagliando giovedì?'],
      ['en', "oh and the complaint from last spring got sorted, cheers. service thursday?"],
      ['en', "we filled in the insurance form already, now i just need the wing sorted"],
      ['en', "sorry, who'll ring me when it's ready?", 'text'],
      ['en', 'the helpline operator gave me this link, need the recall done on the ghibli'],
      ['it', 'va bene così, aspetto la vostra telefonata di conferma', 'confirm'],
      ['it', 'puoi chiamarmi Teo', 'name'],
      ['it', 'chiamami pure Max, è più corto', 'name'],
    ];
    for (const [lang, text, awaiting] of not) {
      it(`${JSON.stringify(text)} is no request for a person`, async () => {
        const u = await say(text, lang, awaiting);
        assert.ok(u.intent !== 'human' && u.intent !== 'urgent', u.intent);
      });
    }
  });
  describe('names, towns and roles are never read as work (#12, third fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      ['it', 'segnate Hans-Peter Kofler, vengo da Merano', undefined, 'name'],
      ['en', 'Abigail Walsh here, Abby to my friends', undefined, 'name'],
      ['en', "name's Anna Nowak, i'm polish, the grecale needs winter tyres", 'tyres'],
      ['en', 'can you put me through to the service manager', undefined],
      ['it', 'mi passi il responsabile del service per favore', undefined],
      ['en', 'how much is your collection service?', undefined],
      ['en', "collect it and bring it back please, i've got a broken leg", undefined],
      ['it', 'la carrozzeria l ha già sistemata l assicurazione, ora devo solo fare il tagliando', 'maintenance'],
      ['en', 'insurance already sorted the bodywork, now it just needs a service', 'maintenance'],
    ];
    for (const [lang, text, service, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${service ?? 'no work'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.service?.id, service);
      });
    }
  });
  describe('urgent, a person, and look-alikes, in a fourth set of voices (#12, fourth fresh dev corpus)', () => {
    const urgent: [Lang, string][] = [
      ['it', 'sono in autostrada, la ghibli fa un rumore tipo trapano e non accelera più, dove mi fermo??'],
      ['it', 'esce fumo dalle bocchette dentro l abitacolo, siamo scesi tutti'],
      ['it', 'il pedale del freno è durissimo e la macchina non rallenta'],
      ['it', 'stamattina la levante sotto casa non c era più, chiamo i carabinieri?'],
      ['it', 'ho trovato la grecale senza ruote, sui mattoni, nel parcheggio dell albergo'],
      ['it', 'sto sul raccordo, m è esploso er copertone, sto fermo co le frecce'],
      ['it', 'ho perso una ruota appena uscito dalla vostra officina'],
      ['it', 'è caduto un albero sulla quattroporte, tetto sfondato'],
      ['it', 'io fermo vicino casello, grande rumore dal motore e poi niente'],
      ['it', 'la macchina è partita da sola di scatto e ho colpito una vetrina'],
      ['it', 'voglio parlare col titolare, mi avete ridato la ghibli con il tappo dell olio aperto'],
      ['it', 'è la terza volta che pago per la stessa cosa e ancora non va, chi è il responsabile?'],
      ['it', 'mi avete fatto pagare il ritiro che era gratis, sono furibondo'],
      ['en', 'smoke pouring out from under the seat, we are all out of the car'],
      ['en', 'brake pedal went rock hard and the car won t slow down'],
      ['en', 'just drove into the back of a lorry at the lights, bonnet crumpled, what do i do?'],
      ['en', 'a tree came down on the levante in the night, roof caved in'],
      ['en', 'someone smashed the side window and took the radio, i am next to the car now'],
      ['en', 'i want the dealer principal, you gave my car back with the oil cap off'],
      ['en', 'third time paying for the same fault and it still is not fixed, who is in charge?'],
      ['en', 'charged me for a collection that should have been free, absolutely fuming'],
    ];
    for (const [lang, text] of urgent) {
      it(`${JSON.stringify(text)} → urgent`, async () => {
        assert.equal((await say(text, lang)).intent, 'urgent');
      });
    }
    const human: [Lang, string][] = [
      ['it', 'mi fate squillare il telefono da qualcuno dell officina? 333 1234567'],
      ['it', 'basta, mi arrendo, passami uno vero'],
      ['it', 'potrebbe farmi ricontattare dal capo officina in giornata?'],
      ['it', 'devo parlare con Paolo del magazzino ricambi'],
      ['it', 'per la questione del noleggio fatturato vorrei sentire una persona'],
      ['en', 'could someone from the workshop give me a buzz? 333 1234567'],
      ['en', 'this is going round in circles, get me someone with a pulse'],
      ['en', 'need to speak to Marco in the parts department'],
      ['en', 'i d like a word with one of your mechanics before i decide'],
      ['en', 'please, an actual person'],
      ['en', 'is Chiara still there? she sorted my ghibli last time'],
    ];
    for (const [lang, text] of human) {
      it(`${JSON.stringify(text)} → human`, async () => {
        assert.equal((await say(text, lang)).intent, 'human');
      });
    }
    const not: [Lang, string][] = [
      ['it', 'dopo il tamponamento di marzo l assicurazione ha liquidato tutto, ora mi serve sistemare il portellone'],
      ['it', 'il perito è già passato e la pratica è chiusa, posso prenotare la carrozzeria per il paraurti?'],
      ['it', 'ho sentito l assicurazione, il parabrezza è coperto, quindi vorrei cambiarlo venerdì'],
      ['it', 'anni fa mi avete gestito un sinistro benissimo, ora vorrei il tagliando'],
      ['it', 'ieri si era accesa una spia rossa ma poi si è spenta e non è più tornata, vorrei farla controllare'],
      ['it', 'non mi serve un operatore, so cosa voglio: pastiglie mercoledì alle 8'],
      ['en', 'smells of burning after motorway runs, no smoke or anything, can i bring it wednesday?'],
      ['en', 'whatever, as long as i am not stranded'],
      ['en', 'if the loan car breaks down, who do i call?'],
      ['en', 'the breakdown cover people said the alternator is going, can i book it in thursday?'],
      ['en', 'all fine since the accident two years back, the grecale just needs its service'],
      ['en', 'my lawyer says the case is closed, so i can finally get the door repaired'],
    ];
    for (const [lang, text] of not) {
      it(`${JSON.stringify(text)} is neither urgent nor a person`, async () => {
        const u = await say(text, lang);
        assert.ok(u.intent !== 'human' && u.intent !== 'urgent', u.intent);
      });
    }
  });

  describe('urgent, a person, and look-alikes, in a fifth set of voices (#12, fifth fresh dev corpus)', () => {
    const urgent: [Lang, string, Awaiting?][] = [
      ['it', 'la levante sta fumando da sotto il cofano, mi sono messo al lato della via Aurelia'],
      ['it', 'vi scrivo dal distributore, la ghibli fuma da dietro dopo il vostro tagliando di ieri'],
      ['it', 'la grecale è scivolata in retromarcia ed è finita contro il cancello, mio figlio era lì vicino'],
      ['it', 'il motore resta acceso anche se tolgo la chiave, non si spegne più, cosa faccio?'],
      ['it', 'spia rossa accesa e il motore batte, sono a 40 km da casa in mezzo alle colline'],
      ['it', 'ferma sul passo della Cisa co la macchina che fuma, che devo fa?'],
      ['it', 'la ruota dietro quasi si staccava in tangenziale, avevate cambiato le gomme voi due giorni fa'],
      ['it', 'un furgone mi ha preso da dietro all uscita del raccordo, il portellone è piegato'],
      ['en', 'my ghibli started smoking from the bonnet at a petrol station, after your service on friday'],
      ['en', 'the levante rolled back on the drive and went into the garage door, my son was right there'],
      ['en', 'the engine keeps running even with the key out, it won t switch off, what now?'],
      ['en', 'a lorry shunted me at the roundabout, the boot lid is bent and we re on the slip road'],
      ['en', 'my dad s quattroporte has died on a hill start in Naples traffic and he s 80'],
      ['en', 'red oil light flashing and a knocking from the engine, i m about 40 km from home in the hills'],
      ['en', 'one of the wheels nearly came off on the motorway, you did my tyres on tuesday'],
    ];
    for (const [lang, text, awaiting] of urgent) {
      it(`${JSON.stringify(text)} → urgent`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, 'urgent');
      });
    }
    const human: [Lang, string, Awaiting?][] = [
      ['it', 'mi fate uno squillo appena potete? 340 5566778'],
      ['it', 'mi cercate voi in ufficio dopo le 14?'],
      ['it', 'vorrei confrontarmi con un meccanico prima di decidere se ripararla'],
      ['it', 'preferirei che qualcuno me lo spiegasse a voce'],
      ['it', 'c è Federica oggi? è sempre lei che mi segue'],
      ['it', 'ne avevo già parlato con Luca ieri, fatelo riprendere a lui'],
      ['it', 'qualcuno legge davvero questi messaggi o rispondete solo in automatico?'],
      ['it', 'il meccanico che ci sta lavorando mi può fare sapere a voce?'],
      ['en', 'give me a buzz when you get a chance, 07700 900456'],
      ['en', 'could you try me on my work number after 2?'],
      ['en', 'i d like to talk it through with a mechanic before i decide to fix it'],
      ['en', 'it would be easier to explain out loud'],
      ['en', 'is Rebecca in today? she always sorts me out'],
      ['en', 'I spoke to Tom about this yesterday, please get him to pick it up'],
      ['en', 'does a human actually read these or is it all automatic?'],
      ['en', 'could the technician on my car get hold of me this afternoon?'],
      ['en', 'I would appreciate a call from your service manager when convenient'],
    ];
    for (const [lang, text, awaiting] of human) {
      it(`${JSON.stringify(text)} → human`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, 'human');
      });
    }
    const not: [Lang, string, Awaiting?][] = [
      ['it', 'il soccorso stradale ce l avete voi o devo chiamare la Maserati?'],
      ['it', 'offrite il carro attrezzi anche la domenica?'],
      ['it', 'se mai restassi in panne in viaggio, mandate voi il carro attrezzi?'],
      ['it', 'il vostro carro attrezzi a luglio è arrivato in mezz ora, grazie ancora'],
      ['it', 'tre estati fa sono finito contro un guard rail, me l avete rifatta nuova; ora solo il tagliando'],
      ['it', 'avevo fatto un reclamo ma l avete risolto bene, ora vorrei le gomme invernali'],
      ['it', 'ieri ho preso una buca, la macchina cammina benissimo, vorrei solo far controllare l assetto'],
      ['it', 'la macchina di mio marito l ha già sistemata l assicurazione, io invece vorrei il tagliando della levante venerdì'],
      ['en', 'does your workshop run its own tow truck?'],
      ['en', 'is breakdown recovery something you offer at weekends?'],
      ['en', 'if I ever break down on holiday, who do I call?'],
      ['en', 'your recovery driver in july turned up in half an hour, thanks again'],
      ['en', 'a few winters ago I slid into a guard rail and you made it like new; this time just the service'],
      ['en', 'I had to complain last time but you sorted it well, so here I am for the brakes'],
      ['en', 'my husband s car was in a crash but his insurer handled all that, I just need my ghibli serviced on the 9th'],
    ];
    for (const [lang, text, awaiting] of not) {
      it(`${JSON.stringify(text)} is neither urgent nor a person`, async () => {
        const u = await say(text, lang, awaiting);
        assert.ok(u.intent !== 'human' && u.intent !== 'urgent', u.intent);
      });
    }
    it('"invece" and "instead" in a first message correct nothing: the wish is the booking', async () => {
      for (const [lang, text] of [
        ['it', 'la macchina di mio figlio è a posto, io invece vorrei il tagliando della levante venerdì'],
        ['en', 'my wife s car is fine, I instead need the brakes on the ghibli on tuesday'],
      ] as const) {
        assert.equal((await say(text, lang)).intent, 'book', text);
      }
    });
  });

  describe('a fifth set of voices, second round: a person asked for sideways, praise, answers that name nothing, corrections at the summary (#12)', () => {
    const human: [Lang, string, Awaiting?][] = [
      ['it', 'c è qualcuno in ufficio adesso? è una storia lunga'],
      ['it', 'fate che mi contatti Serena del service, ha lei il preventivo'],
      ['it', 'vorrei che uno dei vostri mi spiegasse con calma cosa serve davvero alla levante'],
      ['it', 'potete farmi sentire dal meccanico che la sta seguendo?'],
      ['it', 'preferisco sentirvi a voce, si fa prima'],
      ['it', 'al telefono facciamo in due minuti, qui non finiamo più'],
      ['it', 'questa chat non fa per me, avete un numero fisso?'],
      ['it', 'ma sei un programma? allora lascia stare, vi telefono io quando apre l ufficio'],
      ['it', 'i dati li do per telefono, preferisco', 'name'],
      ['en', 'anybody in the office right now? long story'],
      ['en', 'have Martina from service get in touch, she did my quote'],
      ['en', 'i need a proper chat with a technician before deciding whether to keep it'],
      ['en', 'i d like one of your team to walk me through what the levante really needs'],
      ['en', 'I already went through all this with Paolo, please have him pick it up'],
      ['en', 'could a technician spare five minutes on the phone before i decide?'],
      ['en', 'this chat malarkey is not for me, is there a landline?'],
      ['en', 'i d rather give my details over the phone', 'name'],
      ['en', 'can I talk to Giorgia about this? she dealt with it last time', 'vehicle'],
    ];
    for (const [lang, text, awaiting] of human) {
      it(`${JSON.stringify(text)}${awaiting ? ` (at ${awaiting})` : ''} → human`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, 'human');
      });
    }
    const thanks: [Lang, string][] = [
      ['it', 'complimenti, prenotare da qui è stato facilissimo'],
      ['it', 'grazie per avermi richiamata stamattina, tutto chiaro'],
      ['it', 'siete stati bravissimi la volta scorsa, la ghibli va come nuova'],
      ['it', 'il vostro carro attrezzi stanotte è arrivato in un quarto d ora, servizio top'],
      ['en', 'well done, booking through this was painless'],
      ['en', 'thanks for calling me back this morning, all clear now'],
      ['en', 'you lot were brilliant last time, the ghibli drives like new'],
      ['en', 'your recovery van reached me in fifteen minutes last night, top service'],
    ];
    for (const [lang, text] of thanks) {
      it(`${JSON.stringify(text)} → thanks`, async () => {
        assert.equal((await say(text, lang)).intent, 'thanks');
      });
    }
    const answers: [Lang, string, Awaiting][] = [
      ['it', 'mah, a me basta che abbia quattro ruote', 'mobility'],
      ['it', 'mi segue mia moglie con la sua e mi riporta lei', 'mobility'],
      ['it', 'non saprei, mi ha detto il gommista di portarla da voi', 'service'],
      ['it', 'e a cosa vi serve? comunque Ornella', 'name'],
      ['en', 'honestly anything with an engine will do', 'mobility'],
      ['en', 'my partner will follow me down and drive me back', 'mobility'],
      ['en', 'no idea, the tyre place told me to bring it to the main dealer', 'service'],
      ['en', 'what s that for? anyway, Siobhan', 'name'],
    ];
    for (const [lang, text, awaiting] of answers) {
      it(`${JSON.stringify(text)} at ${awaiting} → inform, never out of our business`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, 'inform');
      });
    }
    const corrections: [Lang, string][] = [
      ['it', 'sì ma alle 10 e mezza, non alle 10'],
      ['it', 'tutto giusto tranne il mezzo: non il taxi ma la navetta'],
      ['en', 'swap the train for a taxi please'],
      ['en', 'the plate s wrong, it s GH 482 TR'],
    ];
    for (const [lang, text] of corrections) {
      it(`${JSON.stringify(text)} at the summary → correction`, async () => {
        assert.equal((await say(text, lang, 'confirm')).intent, 'correction');
      });
    }
    const not: [Lang, string][] = [
      ['it', 'un capriolo l altra sera sulla statale, io sto bene e la macchina cammina, vorrei sistemare il faro tra una settimana'],
      ['it', 'mandate qualcuno a ritirarla in ufficio e riportatela a casa? tagliando della levante lunedì'],
      ['en', 'small power steering fluid leak on the drive, not urgent, could someone collect it on the 9th?'],
      ['en', 'hang on, it s on the insurance papers... GH 482 TR'],
    ];
    for (const [lang, text] of not) {
      it(`${JSON.stringify(text)} is neither urgent nor a person`, async () => {
        const u = await say(text, lang, lang === 'en' && text.startsWith('hang on') ? 'vehicle' : undefined);
        assert.ok(u.intent !== 'human' && u.intent !== 'urgent', u.intent);
      });
    }
  });

  describe('getting around in a fifth set of voices: waiting there, family, a Maserati meanwhile, a lift from you (#12, fifth fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      // waiting at the dealer while the work is done: no mobility from us
      ['it', 'cambio olio della levante sabato alle 9, aspetto in sala', 'none'],
      ['it', 'pastiglie dietro sulla ghibli, mercoledì mattina, la porto e aspetto', 'none'],
      ['it', 'convergenza grecale venerdì 11 alle 10, io aspetto', 'none'],
      ['it', 'ricarica clima ghibli martedì alle 15, aspetto al bar di fronte', 'none'],
      ['en', 'grecale wheel alignment friday at 10, i can wait', 'none'],
      ['en', 'new wipers on the levante tuesday morning, I ll hang around', 'none'],
      ['en', 'brake check on the ghibli saturday 9am, I ll bring a book and wait', 'none'],
      ['en', 'ghibli service on the 3rd at 8, the driver will wait', 'none'],
      // family or friends bring the customer: no mobility from us
      ['it', 'tagliando quattroporte giovedì pomeriggio, poi torno con mio fratello', 'none'],
      ['it', 'revisione levante il 28, vengo con mio marito che mi riaccompagna', 'none'],
      ['it', 'gomme invernali grecale lunedì, vengo accompagnata', 'none'],
      ['en', 'ghibli brakes thursday after 3, my bf can drop me off and pick me up', 'none'],
      ['en', 'levante tyres monday, I go back home with my sister', 'none'],
      ['en', 'my brother will follow me down and bring me back', 'none', 'mobility'],
      // a Maserati while it is in
      ['it', 'tagliando ghibli il 9 mattina, e mi serve una Maserati nel frattempo', 'courtesy-car-brand'],
      ['it', 'controllo clima levante il 9, con vettura sostitutiva Maserati', 'courtesy-car-brand'],
      ['en', 'levante service on the 21st at 8, i ll need a maserati to use meanwhile', 'courtesy-car-brand'],
      ['en', 'a maserati if you ve got one, a grecale ideally', 'courtesy-car-brand', 'mobility'],
      // any car at all
      ['it', 'mi serve un auto di cortesia, anche piccola', 'courtesy-car-other'],
      ['en', 'a courtesy car of any kind is fine', 'courtesy-car-other'],
      ['it', 'qualsiasi cosa che abbia un motore', 'courtesy-car-other', 'mobility'],
      // a car, please
      ['en', 'levante shocks on the 21st, and a car please', 'replacement'],
      ['en', 'can i drop it off on the 14th and borrow a car?', 'replacement'],
      // a lift from the dealer's staff
      ['it', 'tagliando levante il 18 alle 14, ho bisogno di essere accompagnato in ufficio', 'staff-shuttle'],
      ['it', 'la capote cigola, tra una settimana va bene? mi accompagna a casa qualcuno di voi?', 'staff-shuttle'],
      ['en', 'battery on the grecale friday at 3, I ll need a ride home', 'staff-shuttle'],
      ['en', 'timing chain check on the 28th, I ll need to be driven to the station', 'staff-shuttle'],
      ['en', 'levante service next wednesday, i ll need dropping at the train station', 'staff-shuttle'],
      // collected from home
      ['it', 'revisione freni della 3200 GT a metà mese, gradirei che la vettura venisse ritirata a casa mia', 'pickup-delivery'],
      ['it', 'la levante non parte più, potete venirla a prendere voi? 41043', 'pickup-delivery'],
      ['en', '3200 GT injection check on the 21st, please collect it, I don t trust it on the road', 'pickup-delivery'],
      // no way of getting around wished for
      ['en', 'grey smoke from the wheel arch, I pulled into a bus stop on the SS9', undefined],
      ['it', 'mi avete riconsegnato la macchina con un graffio sul cofano che prima non c era', undefined],
    ];
    for (const [lang, text, mobility, awaiting] of cases) {
      it(`${JSON.stringify(text)}${awaiting ? ` (at ${awaiting})` : ''} → ${mobility ?? 'no mobility'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.mobility, mobility);
      });
    }
  });

  describe('a day told about a person, thanks or the past is no day wished (#12, fifth fresh dev corpus)', () => {
    const cases: [Lang, string][] = [
      ['it', 'c è Martina oggi? mi segue sempre lei'],
      ['it', 'grazie per avermi richiamato ieri, tutto a posto'],
      ['it', 'siete stati bravissimi la settimana scorsa, la levante va come nuova'],
      ['it', 'ne avevo già parlato ieri con Fabio, fatelo riprendere a lui'],
      ['en', 'is Karen in today? she has been looking after my grecale'],
      ['en', 'thanks for the call back yesterday, all sorted'],
      ['en', 'you were brilliant last week, the levante drives like new'],
      ['en', 'could you give me a buzz when you get a sec? 338 420 7719'],
    ];
    for (const [lang, text] of cases) {
      it(`${JSON.stringify(text)}: no date`, async () => {
        assert.equal((await say(text, lang)).entities.date, undefined);
      });
    }
  });

  describe('names signed at the end, given after a question or a city, in a fifth set of voices (#12, fifth fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      // signed at the very end, with or without closing words, a postcode after
      ['en', 'Morning. Grecale GT, rattling dashboard. Thursday 10th if possible, I will wait. Desmond Achebe', 'Desmond Achebe'],
      ['en', 'Levante due its service, any day next week works, taxi home please. - Imogen Hartley', 'Imogen Hartley'],
      ['en', 'I wish to arrange the annual service for my Quattroporte on the 22nd at 9. Yours sincerely, Humphrey Baxter', 'Humphrey Baxter'],
      ['en', 'Ghibli first service please, Monday 7 at 9, I will need a rental car. Kind regards Rohan Mehta', 'Rohan Mehta'],
      ['it', 'Grecale, cambio pastiglie, venerdì mattina va bene, aspetto. Ludovico Salvemini', 'Ludovico Salvemini'],
      ['it', 'tagliando dei 60mila, fine mese, me la riportate voi a casa? Rosaria Cavallaro 40033', 'Rosaria Cavallaro'],
      // said after a question or a comma at the name question
      ['it', 'e a che vi serve? comunque Ornella', 'Ornella', 'name'],
      ['en', 'what is that for? anyway, Siobhan', 'Siobhan', 'name'],
      // a city after the name is no part of it
      ['it', 'buongiorno, sono Teresa Galli di Vignola, la ghibli deve fare il tagliando', 'Teresa Galli'],
      ['it', 'ciao, sono Samuele da Cesena, levante del 2019, vorrei il cambio gomme', 'Samuele'],
      // no name
      ['it', 'la grecale segna un autonomia Sbagliata e non si carica, lunedì mattina?', undefined],
      ['en', "I'm Matteo's dad, he's got the grecale in with you, could the mechanic ring me?", undefined],
      ['it', 've lo dico dopo, intanto la macchina è una ghibli', undefined, 'name'],
    ];
    for (const [lang, text, name, awaiting] of cases) {
      it(`${JSON.stringify(text)}${awaiting ? ` (at ${awaiting})` : ''} → ${name ?? 'no name'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.name, name);
      });
    }
  });

  describe('the work, named by what fails or in other words, in a fifth set of voices (#12, fifth fresh dev corpus)', () => {
    const cases: [Lang, string, string][] = [
      ['en', 'the heater on the levante only blows cold air, monday morning?', 'air-conditioning'],
      ['it', 'il riscaldamento della grecale butta solo aria fredda, lunedì?', 'air-conditioning'],
      ['en', 'how much to respray the rear bumper on the grecale?', 'bodywork'],
      ['en', 'the ghibli handbrake does not hold on hills, thursday?', 'brakes'],
      ['en', 'front pads on the quattroporte please, friday at 9', 'brakes'],
      ['en', 'could you get the levante detailed inside and out before the 20th?', 'detailing'],
      ['en', 'my dog wrecked the seats, can the grecale get a deep clean on saturday?', 'detailing'],
      ['it', 'vorrei una pulizia completa degli interni della ghibli sabato', 'detailing'],
      ['en', 'the grancabrio roof creaks when it folds, can you look at it on the 9th?', 'diagnosis'],
      ['en', 'the reversing camera on the ghibli has gone blurry, tuesday?', 'diagnosis'],
      ['en', 'the coolant light came on twice this week, levante, wednesday after 2?', 'diagnosis'],
      ['en', 'the quattroporte makes a whining noise on full lock, monday?', 'diagnosis'],
      ['en', 'the keyless entry on the grecale stopped working, friday morning?', 'diagnosis'],
      ['en', 'the levante idles a bit rough when cold, any day next week', 'diagnosis'],
      ['it', 'la telecamera posteriore della ghibli non funziona più, martedì?', 'diagnosis'],
      ['it', 'la levante al minimo scende di giri e sembra spegnersi, giovedì?', 'diagnosis'],
      ['en', 'the levante needs new shock absorbers, the ride is awful, the 21st?', 'repair'],
      ['en', 'need the levante s oil changed on thursday at 1300', 'maintenance'],
      ['en', 'can the mc20 have its winter wheels fitted on friday?', 'tyres'],
      ['en', 'Could I book the grecale in for brakes? The pedal feels soft. Thursday afternoon, I will wait', 'brakes'],
    ];
    for (const [lang, text, service] of cases) {
      it(`${JSON.stringify(text)} → ${service}`, async () => {
        assert.equal((await say(text, lang)).entities.service?.id, service);
      });
    }
  });

  describe('a fifth set of voices, third round: yes at the summary with a word about calls, ways to say cancel, restart and hello, contact wishes, questions about roadside help (#12)', () => {
    const intents: [Lang, string, string, Awaiting?][] = [
      ['en', 'no need to ring me, the date is perfect', 'affirm', 'confirm'],
      ['it', 'non serve che mi telefoniate, va benissimo così', 'affirm', 'confirm'],
      ['it', 'vai', 'affirm', 'confirm'],
      ['en', 'actually bin it, I found another garage', 'cancel', 'confirm'],
      ['it', 'lasciamo perdere, ho trovato un altra officina', 'cancel', 'confirm'],
      ['en', 'evening all', 'greeting'],
      ['en', 'could we go back to the start? I got muddled', 'restart'],
      ['it', 'possiamo tornare all inizio? ho fatto confusione', 'restart'],
      ['en', 'any good restaurant near you while I wait?', 'outOfDomain'],
      ['it', 'mi consigliate un bar vicino a voi mentre aspetto?', 'outOfDomain'],
      ['en', 'please do not phone, I can only answer messages at work', 'inform'],
      ['en', 'text me here, I can t take calls during the day', 'inform'],
      ['it', 'scrivetemi qui per favore, al telefono non posso rispondere', 'inform'],
      ['it', 'non telefonatemi, rispondo solo ai messaggi', 'inform'],
      ['en', 'do you do roadside recovery at weekends? just for future reference', 'inform'],
      ['it', 'il soccorso stradale lo fate voi o la casa madre?', 'inform'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)}${awaiting ? ` (at ${awaiting})` : ''} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
    const urgent: [Lang, string][] = [
      ['it', 'freni completamente andati dopo le pastiglie fatte da voi, è un miracolo che siamo vivi'],
      ['it', 'è urgente, sono bloccata all aeroporto di Bologna con la levante a batteria a terra e due bambini'],
      ['it', 'la ghibli mi ha mollato sulla complanare e non si riaccende'],
      ['en', 'it s urgent, I m stuck at the station car park, the battery s completely dead and I have a baby with me'],
    ];
    for (const [lang, text] of urgent) {
      it(`${JSON.stringify(text)} → urgent`, async () => {
        assert.equal((await say(text, lang)).intent, 'urgent');
      });
    }
    const not: [Lang, string][] = [
      ['it', 'se un giorno restassi in panne in autostrada, mandate voi il carro attrezzi o devo chiamare l assicurazione?'],
      ['en', 'if I ever break down abroad, do you send recovery or should I ring my insurer?'],
      ['en', 'sorted everything with your tech over the phone yesterday, thanks; now the tyre change for saturday please'],
      ['en', 'I was going to ask to talk to someone about the service plan but found it online, so just book the ghibli in on the 21st'],
      ['it', 'volevo parlare con qualcuno del piano di manutenzione... no ok l ho trovato sul sito, prenoto: tagliando ghibli il 21'],
    ];
    for (const [lang, text] of not) {
      it(`${JSON.stringify(text)} is neither urgent nor a person`, async () => {
        const u = await say(text, lang);
        assert.ok(u.intent !== 'human' && u.intent !== 'urgent', u.intent);
      });
    }
  });

  describe('the work, second round: tuning words, what fails in a door, a radio or a gauge, the job wanted now after a story (#12, fifth fresh dev corpus)', () => {
    const cases: [Lang, string, string][] = [
      ['it', 'vorrei una mappatura sulla levante per avere più cavalli, venerdì?', 'tuning'],
      ['it', 'mi montate uno scarico sportivo sulla ghibli? martedì prossimo', 'tuning'],
      ['en', 'could you fit a performance exhaust to the grecale next month?', 'tuning'],
      ['en', 'lowering springs on the ghibli, is that something you do? tuesday', 'tuning'],
      ['it', 'la chiusura centralizzata della levante a volte non risponde, giovedì?', 'diagnosis'],
      ['it', 'radio e navigatore della ghibli non funzionano più, il 18?', 'diagnosis'],
      ['it', 'il volante è un po storto quando vado dritto, martedì pomeriggio', 'diagnosis'],
      ['en', 'the boot of the levante won t lock with the fob, tomorrow at noon?', 'diagnosis'],
      ['en', 'a fuel smell in the cabin of the grecale after filling up, monday?', 'diagnosis'],
      ['en', 'the temp gauge on the quattroporte keeps climbing, friday?', 'diagnosis'],
      ['it', 'vorrei l igienizzazione del climatizzatore della ghibli, puzza di chiuso', 'air-conditioning'],
      ['it', 'vorrei una revisione dell impianto frenante della 3200 GT a metà mese', 'brakes'],
      ['en', 'the levante has been sitting for a year, I d like it looked over and serviced on the 16th', 'maintenance'],
      ['en', 'Hi, Agnieszka here, Polish, living in Modena. The grecale needs winter tyres on tuesday', 'tyres'],
      ['en', 'last spring someone reversed into me and your bodyshop was great; now the ghibli needs its MOT on the 16th', 'inspection'],
      ['it', 'l anno scorso sono finito contro un muretto e la carrozzeria me l avete rifatta; stavolta solo il cambio gomme giovedì', 'tyres'],
    ];
    for (const [lang, text, service] of cases) {
      it(`${JSON.stringify(text)} → ${service}`, async () => {
        assert.equal((await say(text, lang)).entities.service?.id, service);
      });
    }
  });

  describe('collected and brought back, in a fifth set of voices (#12, fifth fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      ['it', 'non ho tempo di portarla, la potete ritirare voi e riportarla? tagliando grecale', 'both'],
      ['it', 'me la ritirate in ufficio e poi me la riportate a casa', 'both'],
      ['it', 'me la ritirate a casa e riportate? 47923', 'both'],
      ['it', 'servirebbe che qualcuno la venga a prendere a casa e poi la riporti', 'both'],
      ['it', 'sarebbe comodo se la veniste a prendere voi, non so se ci arriva', 'pickup'],
      ['it', 'prendetela voi da casa, a riportarla ci penso io', 'pickup'],
      ['en', 'collect from my flat, return to the office please', 'both'],
      ['en', 'please arrange collection from my home, 50125, and return thereafter', 'both'],
      ['en', 'can you collect from 40121 and return? tuesday', 'both'],
      ['en', 'collection from our place in 40137 would be lovely', 'pickup'],
    ];
    for (const [lang, text, legs, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${legs}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.legs, legs);
      });
    }
    const mobility: [Lang, string, string | undefined, Awaiting?][] = [
      ['it', 'la porterei domani mattina e aspetterei', 'none'],
      ['it', 'giovedì pomeriggio, poi torno con la moglie', 'none'],
      ['it', 'una maserati, se posso scegliere una levante', 'courtesy-car-brand', 'mobility'],
      ['it', 'se non mi restituite la macchina entro domani vi denuncio, sono tre settimane che aspetto', undefined],
      ['en', 'i ll wait for Sandro at reception to ring me back', undefined],
    ];
    for (const [lang, text, m, awaiting] of mobility) {
      it(`${JSON.stringify(text)} → ${m ?? 'no mobility'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.mobility, m);
      });
    }
  });

  describe('the typo corrector leaves real words alone (#12)', () => {
    const cases: [Lang, string, (u: Awaited<ReturnType<typeof say>>) => boolean, Awaiting?][] = [
      // "penso" is no "perso", "parto" no "parte", "feels" no "fees", "winters" no "winter", "spoke" no "smoke"
      ['it', 'prendetela voi da casa, a riportarla ci penso io', (u) => u.entities.legs === 'pickup'],
      ['en', 'the brake pedal feels a bit soft, tuesday?', (u) => u.question === undefined && u.entities.service?.id === 'brakes'],
      ['en', 'I spoke to Gianni yesterday about the ghibli', (u) => u.entities.service === undefined],
      // and still reads slips of the finger: a letter missed, two swapped, a key beside the right one
      ['it', 'tagliandi della levante giovedì', (u) => u.entities.service?.id === 'maintenance'],
      ['it', 'vorrei l auto di cortsia', (u) => u.entities.mobility === 'replacement'],
      ['it', 'mercoldi alle 10', (u) => u.entities.date?.date === '2026-12-02'],
      ['en', 'i need a courtesy car for the sevrice', (u) => u.entities.service?.id === 'maintenance'],
      ['it', 'guarda fammi chiamare che faccio prima', (u) => u.intent === 'human', 'mobility'],
    ];
    for (const [lang, text, ok, awaiting] of cases) {
      it(JSON.stringify(text), async () => {
        const u = await say(text, lang, awaiting);
        assert.ok(ok(u), JSON.stringify(u));
      });
    }
  });

  describe('a question about what we do is answered before any booking (#12, fifth and sixth fresh dev corpora)', () => {
    const cases: [Lang, string, Intent][] = [
      ['it', 'quanto costa il noleggio per due giorni?', 'inform'],
      ['it', 'un cambio pastiglie sulla levante quanto viene più o meno?', 'inform'],
      ['it', 'quanto ci vuole di solito per cambiare un parabrezza?', 'inform'],
      ['en', 'roughly what does a ghibli brake job cost?', 'inform'],
      ['en', 'how long does an mot usually take?', 'inform'],
      ['en', 'is there a deposit on the loan car?', 'inform'],
      // a wish, a day or a plate beside the question: on the way to a booking
      ['it', 'vorrei prenotare il tagliando, quanto costa?', 'book'],
      ['en', 'how much for a service on GH 482 TR on friday?', 'book'],
    ];
    for (const [lang, text, intent] of cases) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, intent);
        assert.ok(u.question, 'the question is kept to be answered');
      });
    }
  });

  describe('a sixth set of voices: questions about us, resolved scares, thanks by name, a person sideways, stuck and smoking (#12, sixth fresh dev corpus)', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      ['en', 'do you work on older models like the biturbo?', 'inform'],
      ['en', 'is it normal that the grecale squeaks a little on cold mornings?', 'inform'],
      ['it', 'è normale che la levante nuova faccia un ticchettio a motore spento?', 'inform'],
      ['en', 'what happens if I get a speeding ticket in the loan car?', 'inform'],
      ['it', 'cosa devo portare per ritirare l auto di cortesia?', 'inform'],
      ['en', 'no need to ring back, turns out it was just the floor mat under the pedal', 'inform'],
      ['it', 'falso allarme, la spia era solo il liquido lavavetri, buona giornata', 'inform'],
      ['en', 'please do not phone me, I am in court all day. Messages only.', 'inform'],
      ['it', 'niente telefonate per favore, solo messaggi', 'inform'],
      ['en', 'huge thanks to Marta at reception for sorting the loan car paperwork', 'thanks'],
      ['en', 'five stars, the ghibli purrs again', 'thanks'],
      ['it', 'cinque stelle, la levante va come un orologio', 'thanks'],
      ['en', 'I was livid with you in the summer but Luca put it all right, credit where it s due', 'thanks'],
      ['en', 'is Gianluca in today? he did my last booking and I d rather go through him', 'human'],
      ['en', 'can I just come in and talk it over face to face with whoever does the bookings?', 'human'],
      ['it', 'posso passare a parlarne di persona con chi fa le prenotazioni?', 'human'],
      ['en', 'honestly this is like talking to a wall. phone number?', 'human'],
      ['en', 'can somebody ring me about having the car collected?', 'human'],
      ['en', 'I ll phone you tomorrow morning instead, who should I ask for?', 'human'],
      ['en', 'I d rather discuss this on the phone, it s complicated: two cars and one insurance claim', 'human'],
      ['en', 'gearbox stuck in 3rd and the dash is flashing, limping along the tangenziale at 40', 'urgent'],
      ['en', 'clouds of white smoke and it s losing coolant like mad, I ve pulled onto a farm track', 'urgent'],
      ['en', 'every warning light came on and it s juddering, I m in the tunnel near Bologna', 'urgent'],
      ['en', 'the battery died, I m stuck in a multistorey car park that shuts at 8', 'urgent'],
      ['en', 'urgent - I can smell burning from the engine and it s ticking loudly', 'urgent'],
      ['en', 'the engine just started smoking while I m parked outside your gate', 'urgent'],
      ['en', 'relax, nothing s on fire, the levante just wants its service next thursday', 'book'],
      ['en', 'hypothetically, if my ghibli broke down on the way to you, would you come and get it?', 'inform'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });

  describe('a sixth set of voices, Italian round (#12, sixth fresh dev corpus)', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      ['it', 'devo disdire l appuntamento di giovedì', 'cancel'],
      ['it', 'ho fatto un pasticcio, daccapo', 'restart'],
      ['it', 'stamattina ho visto un incidente qui davanti, spero niente di grave. volevo prenotare il cambio gomme sabato', 'book'],
      ['it', 'la spia del motore si è accesa e poi è sparita, vorrei farla controllare giovedì', 'book'],
      ['it', 'la batteria era a terra ma l ho fatta ripartire coi cavi, vorrei un controllo lunedì', 'book'],
      ['it', 'ferma sulla SS9 dopo Castelfranco, nevica e non riparte', 'urgent'],
      ['it', 'sto guidando e dal cofano esce vapore, la lancetta della temperatura è tutta su', 'urgent'],
      ['it', 'la ruota mi ballava in tangenziale dopo il vostro cambio gomme, potevo ammazzarmi', 'urgent'],
      ['it', 'vorrei che qualcuno dell officina mi chiamasse per la revisione', 'human'],
      ['it', 'passami uno dell officina per favore', 'human'],
      ['it', 'ma sto scrivendo a un computer?', 'human'],
      ['it', 'datemi un recapito telefonico, non mi fido dei messaggi automatici', 'human'],
      ['it', 'a che ora posso chiamarvi? faccio prima a voce', 'human'],
      ['it', 'mi chiama il capofficina tra mezz ora?', 'human'],
      ['it', 'il vostro consulente mi aveva detto di scrivere qui ma volevo parlare direttamente con lui', 'human'],
      ['it', 'preferisco scrivere, al telefono non sento bene', 'inform'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
    it('"ci ha fermato la polizia per lo stop fulminato, niente multa" is neither urgent nor a person', async () => {
      const u = await say('ci ha fermato la polizia per lo stop fulminato, niente multa per fortuna, lo cambiate domani?', 'it');
      assert.ok(u.intent !== 'urgent' && u.intent !== 'human', u.intent);
    });
  });
  describe('a seventh set of voices: a complaint with a person asked for, a colleague asked for by name, robots, emergencies told in dialect or calmly, stories that only mention a breakdown, questions before booking (#12, seventh fresh dev corpus)', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      // fed up with the chat, a person asked for: a person; a complaint about our work stays urgent with or without
      // one asked for (the corpora disagree here; the older tests and the fifth and sixth writers say urgent)
      ['it', 'ho scritto mille volte la stessa cosa, basta, mi serve un operatore', 'human'],
      ['en', 'this chat is useless, I need the number of an actual advisor', 'human'],
      ['it', 'voglio un reclamo formale ma non con un programma, passatemi una persona', 'human'],
      ['it', 'voglio presentare un reclamo, passatemi il responsabile del service', 'urgent'],
      ['en', 'I want to complain about the state my car came back in, put me through to the manager', 'urgent'],
      ['en', "who's in charge over there? I'd like to complain about how the desk treated me", 'urgent'],
      ['en', 'second time you have sent my car back with the same rattle, this is not ok', 'urgent'],
      ['it', 'mi avete restituito la ghibli con un graffio sulla portiera, è inaccettabile', 'urgent'],
      // a colleague asked for by name
      ['it', 'mi passate Giorgio dell accettazione? sa già tutto lui', 'human'],
      ['it', 'devo chiedere di Paola per il preventivo, me la passate?', 'human'],
      ['it', 'uè mi passi il Colombo dell officina? lui conosce la macchina', 'human'],
      ['it', 'troppe domande, ne parlo con Sergio in accettazione, me lo passa?', 'human', 'mobility'],
      // a machine or a person?
      ['it', 'sei un robot o un essere umano?', 'human'],
      ['it', 'c è qualcuno in carne e ossa o siete tutti bot?', 'human'],
      ['it', 'chat carina, ma adesso posso avere un umano?', 'human'],
      ['en', 'am I chatting with a real person or a bot?', 'human', 'service'],
      // emergencies in dialect, calmly, sarcastically
      ['it', 'm hanno appena tamponato ar semaforo, er paraurti è sfonnato, che devo fa?', 'urgent'],
      ['it', 'mi è partita la frizione in salita, la macchina non si muove e dietro suonano tutti', 'urgent'],
      ['en', 'lost all power on the ring road, coasting onto the hard shoulder now', 'urgent'],
      ['en', 'a tyre has shredded and my dad is stuck on the SS1 on his own', 'urgent'],
      ['en', "the handbrake locked itself at 60, nearly caused a crash, I'm on the verge", 'urgent'],
      ['en', "my Levante's just been hit at a roundabout, I'm still at the scene", 'urgent', 'mobility'],
      ['en', 'engine temperature in the red and a STOP warning, stuck in traffic on the bridge', 'urgent'],
      // a breakdown, an accident or a complaint that is not the point
      ['it', 'ieri ho visto una ghibli in panne in tangenziale e mi sono deciso: tagliando sabato 12?', 'book'],
      ['it', 'tranquilli, non sono in panne, è solo la spia del tagliando. martedì va bene?', 'book'],
      ['it', 'il reclamo di ottobre è stato chiarito, grazie. ora vorrei il tagliando della levante il 29', 'book'],
      ['it', 'a mio cognato avete dato subito l auto di cortesia dopo l incidente, io devo solo fare le gomme venerdì', 'book'],
      ['it', 'ero in coda per un incidente in A1 e ho notato che la temperatura sale un po, la porto lunedì?', 'book'],
      ['it', 'faccio l operatore ecologico e ho libero solo il sabato, tagliando della levante sabato 12', 'book'],
      ['it', 'mi ha consigliato il vostro consulente Luca di prenotare qui: ghibli, freni, lunedì alle 8', 'book'],
      ['en', 'my mechanic says the brakes are an accident waiting to happen, so new pads please, the 23rd', 'book'],
      ["en", "the emergency's over, a neighbour jump-started it, but I want the battery replaced on Thursday", 'book'],
      ['en', 'my wife is the one who crashes cars lol, I just need tyres on the 11th', 'book'],
      ["en", "what do I do if it breaks down on the way to you? just asking, it's running fine", 'inform'],
      ['it', 'se dovessi avere un guasto mentre ho l auto di cortesia, chi chiamo?', 'inform'],
      ['it', 'fate anche le assicurazioni auto?', 'outOfDomain'],
      ['en', 'do you also sell car insurance?', 'outOfDomain'],
      // a question about the service before any booking
      ['it', 'cosa bisogna portare per avere l auto sostitutiva?', 'inform'],
      ['en', 'what paperwork do I need to bring for the loan car?', 'inform'],
      ['it', 'posso spostare l appuntamento da martedì a mercoledì?', 'inform'],
      ['en', 'could I move my booking from Monday to Tuesday?', 'inform'],
      ['it', 'chi paga il taxi se il lavoro è in garanzia?', 'inform'],
      ['en', 'do you pay for the taxi if the repair is under warranty?', 'inform'],
      // control words
      ['en', 'scrap that', 'cancel'],
      ['en', 'forget it, my husband already booked it over the phone', 'cancel'],
      ['en', "cancel this, I'll call you next week instead", 'cancel'],
      ['en', "g'day", 'greeting'],
      ['en', 'negative', 'deny', 'confirm'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('waiting there, or family taking the customer, told in an eighth set of voices (#12, eighth fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      ['it', 'tagliando della ghibli sabato mattina, aspetto lì dentro col giornale', 'none'],
      ['it', 'controllo freni giovedì alle 9, io aspetto dentro', 'none'],
      ['it', 'revisione della levante lunedì alle 9, l autista aspetta', 'none'],
      ['it', 'cambio olio martedì, aspettiamo lì io e mia moglie', 'none'],
      ['it', 'la porto venerdì alle 8 e aspetto, va bene?', 'none'],
      ['it', 'la porta mio figlio mercoledì e aspetta lui', 'none'],
      ['it', 'si può fare giovedì? aspetterò lì, porto il portatile', 'none'],
      ['it', 'mi fermo in sala d attesa con il pc', 'none', 'mobility'],
      ['it', 'mio marito viene a prendermi', 'none', 'mobility'],
      ['it', 'marito viene a prendere', 'none', 'mobility'],
      ['it', 'a casa mi ci riporta mia sorella', 'none', 'mobility'],
      ['it', 'c è chi mi accompagna, grazie', 'none', 'mobility'],
      ['it', 'la accompagno io e aspettiamo insieme', 'none', 'mobility'],
      ['it', 'aspetto vostra conferma per giovedì', undefined],
      ['it', 'aspetto una vostra risposta, grazie', undefined],
      ['en', 'service on friday, my driver will wait', 'none'],
      ['en', "my husband's coming to get me", 'none', 'mobility'],
    ];
    for (const [lang, text, mobility, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${mobility ?? 'no way of getting around'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.mobility, mobility);
      });
    }
  });
  describe('an emergency or a complaint said not to be one, beside the booking wanted (#12, eighth fresh dev corpus)', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      ['en', "the car hasn't broken down, don't worry, but the Ghibli whines when I accelerate. Thursday morning? taxi back", 'book'],
      ['en', "not complaining, just saying nobody answered the phone. Levante service, next Friday at 10", 'book'],
      ["en", "I'm not in an emergency, just planning ahead: Grecale inspection on the 20th please", 'book'],
      ['en', 'the heater only works on one side and my kids complain lol. MC20, Wednesday afternoon?', 'book'],
      ["en", "booking for my dad (he's useless with phones): Levante, brakes, Tuesday at 8", 'book'],
      ['en', 'the recovery driver you sent last summer was a legend. anyway, Ghibli tyres on Monday at 2', 'book'],
      ["en", "I'm not stranded, the car is fine, it's just the annual service, the 22nd please", 'book'],
      ['en', 'got rear-ended while parked, police report done and the insurer says go ahead: bodywork on the Levante from the 14th with a rental', 'book'],
      ['it', 'non mi sto lamentando, dico solo che nessuno risponde al telefono. tagliando levante venerdì alle 10', 'book'],
      ['it', 'non sono rimasto a piedi, tranquilli: vorrei solo la revisione della grecale il 20', 'book'],
      ['it', 'prenoto per mio padre che con il telefono è negato: levante, freni, martedì alle 8', 'book'],
      // still urgent: said now, not denied
      ['en', 'the car just broke down on the ring road, I am stuck', 'urgent'],
      ['en', 'I am not joking, it is on fire right now on the A1', 'urgent'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('who may drive, whether it is allowed, a booking moved, a question asked before booking (#12, eighth fresh dev corpus)', () => {
    const cases: [Lang, string, Intent, string][] = [
      ['en', 'can my daughter drive the loan car too?', 'inform', 'conditions'],
      ['en', "we'd both like to drive the hire car, is that allowed?", 'inform', 'conditions'],
      ['en', 'do I need an international driving permit for the rental?', 'inform', 'documents'],
      ['it', 'può guidarla anche mio marito l auto di cortesia?', 'inform', 'conditions'],
      ['it', 'è consentito che guidi anche mia figlia la macchina a noleggio?', 'inform', 'conditions'],
      ['en', 'not booking yet, just curious: how long does a brake job take?', 'inform', 'duration'],
      ['it', 'non prenoto ancora, volevo solo sapere quanto ci vuole per la diagnosi', 'inform', 'duration'],
      ['en', 'I had booked Thursday, could I bring it Friday instead?', 'inform', 'changeBooking'],
      ['it', 'avevo prenotato per martedì, posso portarla mercoledì invece?', 'inform', 'changeBooking'],
      ['en', 'what do I need to bring when I drop the car off?', 'inform', 'documents'],
      ['it', 'cosa devo portare quando vi lascio la macchina?', 'inform', 'documents'],
    ];
    for (const [lang, text, intent, topic] of cases) {
      it(`${JSON.stringify(text)} → ${intent}, about ${topic}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, intent);
        assert.equal(u.question?.topic, topic);
      });
    }
  });
  describe('names in an eighth set of voices: written by an assistant or a carer, a title anywhere, a particle or a place after the name, dialect introductions (#12, eighth fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      ['en', "I'm the PA for Mr Ottavio Ruggeri. His Levante needs its service on Friday", 'Ottavio Ruggeri'],
      ['en', 'Hello, I am the carer of Mrs Adele Fontana, 88. Her Ghibli will not start', 'Adele Fontana'],
      ['en', 'Good evening. Professor Marcus Hale, University of Bologna. The Quattroporte needs a battery', 'Marcus Hale'],
      ['en', 'Booking for my grandmother Nora Quinn: her Levante needs winter tyres', 'Nora Quinn'],
      ['it', 'scrivo per conto della Contessa Bianca Orsini: la sua GranCabrio va lavata', 'Bianca Orsini'],
      ['it', 'il sottoscritto Cav. Aurelio Baldini desidera prenotare il tagliando', 'Aurelio Baldini'],
      ['it', 'Buongiorno, sono Serena dell ufficio acquisti della Rossi Costruzioni, la Levante aziendale deve fare i freni', 'Serena'],
      ['it', 'sono Roberta del poliambulatorio, la nostra Levante fa un rumore', 'Roberta'],
      ['it', 'sugnu Calogero Lo Presti, a Grecale fa un rumore', 'Calogero Lo Presti'],
      ['it', "so' Gennaro Esposito, la levante ha la spia accesa", 'Gennaro Esposito'],
      ['it', 'xe Bepi Zanon da Treviso, el parabrezza xe crepà', 'Bepi Zanon'],
      ['en', 'Greetings. I am Khalid bin Rashid. My Levante requires a service', 'Khalid bin Rashid'],
      ['en', "Evening. Ghibli, service, tomorrow at 11, I'll wait. Sven Larsen", 'Sven Larsen'],
      // no name
      ['en', 'do you guys do the courtesy car for free if it is under warranty?', undefined],
      ['en', 'skip the questions, just have Luca call me', undefined],
    ];
    for (const [lang, text, name, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${name ?? 'no name'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.name, name);
      });
    }
  });
  describe('the work in an eighth set of voices, and "service" or "fix" that name no work (#12, eighth fresh dev corpus)', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      ['en', 'want a full detail and a ceramic coat on the GranTurismo before xmas', 'detailing'],
      ['en', "I'd like the leather cleaned and conditioned, the dog has made himself at home", 'detailing'],
      ['en', 'Grecale needs new rubber, the front two are bald', 'tyres'],
      ['en', 'just the yearly one', 'maintenance', 'service'],
      ['it', 'solo quello annuale', 'maintenance', 'service'],
      ['en', 'could Matteo in service ring me? he knows the car', undefined],
      ['en', 'I tried your service line four times and nobody picked up', undefined],
      ['en', 'my secretary will call you to fix the date', undefined],
      ['en', 'rental, I need an SUV with a tow bar for the horse trailer', undefined, 'mobility'],
      ['en', 'can you fit a tow bar on the Levante?', 'repair'],
    ];
    for (const [lang, text, service, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${service ?? 'no work'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.service?.id, service);
      });
    }
  });
  describe('an emergency or a person in the middle of the booking, in an eighth set of voices (#12, eighth fresh dev corpus)', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      ['en', "can't do dates now, somebody just smashed into the back of me at the lights, I need help", 'urgent', 'date'],
      ['en', 'hold on, the engine light is flashing red and the car is shaking badly, I am on the motorway right now', 'urgent', 'confirm'],
      ['en', "later with the name, the brakes just failed on a hill and I've ended up in a ditch", 'urgent', 'name'],
      ['it', 'il nome dopo, mi si sono rotti i freni in discesa e sono finito nel fosso', 'urgent', 'name'],
      ['en', 'none of those work, just ask an advisor to ring me and we will sort a time', 'human', 'slot'],
      ['en', 'no idea what it needs, I would rather explain it to a mechanic directly', 'human', 'service'],
      ['en', 'too many options, can someone just ring me and tell me what is best', 'human', 'mobility'],
      ['en', 'my assistant will phone you to fix the day, who should he ask for?', 'human', 'date'],
      ['en', "is Marco still working there? he has looked after my cars for years, I'd like to deal with him", 'human'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('Italian, eighth set of voices: a person asked for by role or channel, accidents only imagined or seen, insurance to buy (#12, eighth fresh dev corpus)', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      ['it', 'vorrei assistenza umana', 'human'],
      ['it', 'mi date il WhatsApp del responsabile dell officina?', 'human'],
      ['it', 'il numero di telaio lo dico a voce a una persona, non in chat', 'human', 'vehicle'],
      ['it', 'c è Giorgio dell accettazione? lui sa tutto della mia macchina', 'human'],
      ['it', 'il rumore non lo so descrivere, serve che un meccanico mi senta al telefono', 'human', 'service'],
      ['it', 'se faccio un incidente con la macchina di cortesia quanto è la franchigia?', 'inform'],
      ['it', 'giusto per sapere, se il vostro autista fa un incidente con la mia auto chi paga?', 'inform'],
      ['it', 'stamattina c era una Levante ferma in tangenziale con le frecce, comunque vorrei prenotare le gomme della mia per sabato', 'book'],
      ['it', 'ho visto il crash test della Grecale, quante stelle ha preso?', 'outOfDomain'],
      ['it', 'mi consigliate una buona assicurazione per la ghibli?', 'outOfDomain'],
      ['en', 'can you recommend a good insurance for the Levante?', 'outOfDomain'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('the offered slots turned down, bare or with another day (#12): a no to the list, never a way of getting around nor a yes', () => {
    const cases: [Lang, string, Intent, Awaiting][] = [
      ['en', 'none of those', 'deny', 'slot'],
      ['en', 'none of these work for me', 'deny', 'slot'],
      ['en', 'nope, none of those times', 'deny', 'slot'],
      ['en', "those don't work for me", 'deny', 'slot'],
      ['en', 'neither', 'deny', 'slot'],
      // with another day: still a no to the list, the day kept (BRIEF.md; the sixteenth to twenty-second writers)
      ['en', 'none of them suit me, anything friday?', 'deny', 'slot'],
      ['it', 'nessuna va bene', 'deny', 'slot'],
      ['it', 'nessuno di questi', 'deny', 'slot'],
      ['it', 'non mi va bene nessuno', 'deny', 'slot'],
      ['it', 'no, nessuno di questi orari', 'deny', 'slot'],
      ['it', 'nessuna delle due purtroppo', 'deny', 'slot'],
      ['it', 'nessuna delle tre, avete venerdì?', 'deny', 'slot'],
    ];
    for (const [lang, text, intent, awaiting] of cases) {
      it(`${JSON.stringify(text)} at ${awaiting} → ${intent}, no mobility`, async () => {
        const u = await say(text, lang, awaiting);
        assert.equal(u.intent, intent);
        assert.equal(u.entities.mobility, undefined);
      });
    }
    it('"none of those, I\'ll walk" at the mobility question still needs nothing', async () => {
      assert.equal((await say("none of those, I'll walk", 'en', 'mobility')).entities.mobility, 'none');
    });
  });
  describe('a person or an emergency in a tenth and eleventh set of voices (#12, tenth/eleventh fresh dev corpora): a machine or a person, the same fault after our work, danger while driving, a car stolen', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      // asking whether the chat is a machine: a person is wanted (R11)
      ['it', 'ma sei un bot?', 'human'],
      ['it', 'scusi, sto parlando con una persona o con un programma?', 'human'],
      ['it', 'sei vero o sei una intelligenza artificiale?', 'human', 'date'],
      ['en', 'are you a robot?', 'human'],
      ['en', 'is this an AI or a real person?', 'human'],
      ['en', 'hello? anyone there or is it just a computer', 'human'],
      ['en', 'are you AI? anyway i need a service', 'book'],
      // the same fault, or new damage, after our work
      ['en', 'collected my Levante after the clutch repair and it is doing exactly the same thing as before, I paid 900 euro for nothing', 'urgent'],
      ['en', 'you serviced it on monday and the same warning light is back on', 'urgent'],
      ['en', 'got the Ghibli back from you on friday and there is a dent on the door that was not there before', 'urgent'],
      ['en', 'picked it up yesterday after the service, the same rattle is still there, you told me it was fixed', 'urgent'],
      ['it', 'ho ritirato la grecale sabato e sul cofano c è un graffio che prima non c era', 'urgent'],
      ['it', 'dopo il vostro intervento la spia è di nuovo accesa, identica a prima, sono arrabbiato', 'urgent'],
      ['it', 'l avete riparata martedì e stamattina si è piantata di nuovo', 'urgent'],
      ['it', 'il rumore di cui vi parlavo è tornato uguale, dopo il tagliando', 'urgent'],
      // danger while driving, now
      ['en', 'the brake pedal is going to the floor, I am driving really slowly towards you', 'urgent'],
      ['en', 'brakes feel spongy and the car barely stops, is it safe to come in?', 'urgent'],
      ['en', 'overheating right now, the needle is at max and something is hissing', 'urgent'],
      ['en', 'strong smell of petrol in the cabin while I drive, I feel dizzy', 'urgent'],
      ['en', 'the steering suddenly went heavy on a bend and I nearly hit a pedestrian', 'urgent'],
      ['en', 'the front wheel is wobbling badly and making a horrible noise, I have pulled over', 'urgent'],
      ['en', 'fire coming from under the bonnet, I called the fire brigade', 'urgent'],
      ['en', 'my daughter is locked in the car and the keys are inside', 'urgent'],
      ['it', 'il pedale del freno è molle e la macchina non si ferma bene, sto guidando piano', 'urgent'],
      ['it', 'puzza di benzina fortissima in abitacolo mentre guido, mi gira la testa', 'urgent'],
      ['it', 'sento odore di bruciato dalle ruote e sono in tangenziale, mi fermo?', 'urgent'],
      ['it', 'si è accesa la spia rossa dell olio e mi sono fermato sul ciglio, riparto?', 'urgent'],
      ['it', 'il bimbo è rimasto chiuso in macchina con le chiavi dentro', 'urgent'],
      // told, not happening: a soft pedal when stopping, exhaust smell in a queue
      // a car ('è una macchina'), 'ai freni', a programme of work: no question about the bot
      ['it', 'la mia è una macchina del 2015, ha bisogno del tagliando e di guardare ai freni', 'book'],
      ['it', 'la carrozzeria la voglio uguale a prima, si può fare martedì?', 'book'],
      ['en', 'the brake pedal feels a bit spongy when I stop at lights, can you check it next week?', 'book'],
      ['it', 'sento puzza di gas di scarico in abitacolo quando sono in coda, la porto giovedì', 'book'],
      // a car stolen now, not last year
      ['it', 'stanotte mi hanno rubato la levante da sotto casa, avete il localizzatore?', 'urgent'],
      ['it', 'la mia auto è stata rubata stamattina al parcheggio del supermercato', 'urgent'],
      ['en', 'my Grecale was stolen from the driveway last night, what do I do?', 'urgent'],
      ['en', 'they stole my Ghibli outside the gym an hour ago', 'urgent'],
      ['it', 'mi hanno rubato la macchina l anno scorso, ora ho una ghibli e devo fare il tagliando', 'book'],
      ['en', 'my old car got stolen two years ago, this Levante needs its first service', 'book'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
    for (const [lang, text] of [['it', 'persona? no grazie, va bene cosi col bot'], ['en', 'a human? nah, the bot is fine']] as [Lang, string][]) {
      it(`${JSON.stringify(text)} → no person`, async () => {
        assert.notEqual((await say(text, lang)).intent, 'human');
      });
    }
    for (const [lang, text] of [['it', 'è un programma di manutenzione che avete voi? vorrei sapere cosa comprende'], ['en', 'is this a program you run for all cars or only for Maserati?'], ['it', 'sto parlando con mio marito, vi faccio sapere']] as [Lang, string][]) {
      it(`${JSON.stringify(text)} → no person`, async () => {
        assert.notEqual((await say(text, lang)).intent, 'human');
      });
    }
    it('"sei un bot?" is told what the bot is: concern machine', async () => {
      assert.equal((await say('sei un bot?', 'it')).concern, 'machine');
    });
  });
  describe('a correction of something said before, in a tenth and eleventh set of voices (#12): spelled out, said earlier, the wrong one given, the summary wrong', () => {
    const intents: [Lang, string, Intent, Awaiting][] = [
      ['it', 'il cognome è Galli con due elle, non Gali', 'correction', 'confirm'],
      ['it', 'correggo: mi chiamo Marta Fontana, non Martina', 'correction', 'mobility'],
      ['it', 'scusa la targa che ti ho dato prima era sbagliata, è GA123BC', 'correction', 'address'],
      ['it', 'prima ti ho detto Levante ma è la Grecale', 'correction', 'date'],
      ['it', 'uhm sì ma il nome è Bonetti con una t sola', 'correction', 'confirm'],
      ['it', 'nel riepilogo avete scritto taxi, io avevo chiesto la navetta', 'correction', 'confirm'],
      ['it', 'il lavoro non è il cambio gomme ma il tagliando', 'correction', 'confirm'],
      ['it', 'la targa giusta è FB224RT, quella di prima era di mia moglie', 'correction', 'date'],
      ['en', 'my surname is spelled Clarke, with an e, not Clark', 'correction', 'confirm'],
      ['en', 'I gave you the wrong postcode, it is 41126 not 41121', 'correction', 'address'],
      ['en', 'I said the afternoon, not the morning', 'correction', 'confirm'],
      ['en', 'sorry I said Ghibli earlier, it is the Levante I am bringing', 'correction', 'date'],
      ['en', 'the plate I gave you is my husband\'s car, mine is GE771DN', 'correction', 'date'],
      ['en', 'I typed Levante but it is a Grecale, autocorrect', 'correction', 'service'],
      ['en', 'the summary says taxi but I asked for a courtesy car', 'correction', 'confirm'],
      ['en', 'oops, I meant February not January, so 12 February', 'correction', 'date'],
      // not corrections: answers that say what they do not want
      ['en', 'the shuttle please, not a taxi', 'inform', 'mobility'],
      ['it', 'la navetta, non il taxi', 'inform', 'mobility'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} at ${awaiting} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('a booking cancelled or the request dropped, in a tenth and eleventh set of voices (#12)', () => {
    const intents: [Lang, string, Intent, Awaiting?][] = [
      ['it', 'buongiorno, sono Laura Pini, avevo prenotato il tagliando per martedì 15 ma non riesco a venire, vorrei annullarlo', 'cancel'],
      ['it', 'devo disdire l appuntamento di venerdì per la grecale, sono influenzato', 'cancel'],
      ['en', 'Please cancel the appointment for my Levante on 22 December, plate FN432EE. Thanks, B. Moretti', 'cancel'],
      ['en', 'cancel my brake appointment of the 29th please, I am stuck abroad', 'cancel'],
      ['en', 'actually scrap all this, I will come back another time', 'cancel', 'date'],
      ['it', 'mi hanno detto che siete carissimi, lascio perdere grazie', 'cancel', 'mobility'],
      ['it', 'no meglio di no, ci ripenso e vi riscrivo', 'cancel', 'confirm'],
    ];
    for (const [lang, text, intent, awaiting] of intents) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('questions before booking in a tenth and eleventh set of voices (#12): a solution’s conditions, what is paid, a booking moved with its work named', () => {
    const cases: [Lang, string, string][] = [
      ['it', 'la macchina di cortesia va riportata col pieno?', 'conditions'],
      ['it', 'quanti km posso fare con l auto sostitutiva? devo andare a Bologna', 'conditions'],
      ['it', 'la Maserati di cortesia la date anche a un neopatentato?', 'conditions'],
      ['it', 'se il lavoro si allunga, la macchina di cortesia fino a quando la posso tenere?', 'conditions'],
      ['it', 'col ritiro a domicilio arrivate fino a Reggio?', 'conditions'],
      ['en', 'is there a mileage limit on the loan car?', 'conditions'],
      ['en', 'do I have to return the courtesy car with a full tank?', 'conditions'],
      ['en', 'how far do you go for pickup and delivery? I live in Carpi', 'conditions'],
      ['en', 'if the job runs over, can I keep the courtesy car?', 'conditions'],
      ['it', 'per la navetta c è da pagare qualcosa?', 'price'],
    ];
    for (const [lang, text, topic] of cases) {
      it(`${JSON.stringify(text)} → inform, ${topic}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, 'inform');
        assert.equal(u.question?.topic, topic);
      });
    }
    const moved: [Lang, string][] = [
      ['it', 'devo spostare il tagliando di venerdì, posso venire martedì 22?'],
      ['en', 'can I move my service from Thursday to Monday 21st?'],
    ];
    for (const [lang, text] of moved) {
      it(`${JSON.stringify(text)} → inform, changeBooking`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, 'inform');
        assert.equal(u.question?.topic, 'changeBooking');
      });
    }
  });
  describe('needing nothing told in a tenth and eleventh set of voices (#12): waiting there, walking on, one\u2019s own driver or family', () => {
    const cases: [Lang, string, Awaiting?][] = [
      ['en', 'Tyres for the Ghibli, Monday 21st at 9. I wait.'],
      ['en', 'Please book my Levante for the service on Monday at 11 AM. I will be waiting at your premises.'],
      ['en', 'Grecale service, drop off at 7:45 and I walk to work'],
      ['en', 'brakes squeal, can you do it tomorrow? the wife drops me at the office'],
      ['en', 'my driver will bring the car in and wait for it'],
      ['en', 'my chauffeur will follow me in'],
      ['it', 'tagliando per la Levante il 12 gennaio, vorrei aspettare lì'],
      ['it', 'posso venire giovedì alle 14 e aspettare?'],
      ['it', 'in bici, ho la e-bike', 'mobility'],
      ['it', 'revisione della Grecale di mia figlia, la porta e la riprende mio marito'],
    ];
    for (const [lang, text, awaiting] of cases) {
      it(`${JSON.stringify(text)} → needs nothing`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.mobility, 'none');
      });
    }
    it('"wait for your call" is no way of getting around', async () => {
      assert.equal((await say("I'll wait for your call about the price", 'en')).entities.mobility, undefined);
    });
  });
  describe('what only sounds like an emergency, in a fourteenth set of voices (#12, fourteenth fresh dev corpus): what if, roadside questions, jokes, no hurry, thanks for a rescue, manners', () => {
    const notUrgent: [Lang, string, Awaiting?][] = [
      // what if, and questions about the roadside service
      ['it', 'cosa succede in caso di incidente con la macchina di cortesia? pago io la franchigia?'],
      ['it', 'domanda: se mi si pianta per strada mentre ho la vostra navetta, chi mi viene a prendere?'],
      ['it', 'chiedo per un amico: se la macchina si ferma il giorno prima dell appuntamento la venite a prendere voi?'],
      ['it', 'quanto costa il soccorso stradale se mi fermo fuori regione? è per il viaggio di capodanno'],
      ['en', 'what happens if I break down on the way to you on Christmas Eve?'],
      ['en', 'in case of a breakdown abroad, is the recovery covered by the warranty?'],
      ['en', 'who do I call if the loan car gets a flat? not that it has, just asking'],
      ['en', 'your site says roadside assistance 24/7, is that right? nothing has happened, just planning a trip'],
      // jokes and idioms beside a booking
      ['it', 'EMERGENZA!!! mi è finito il profumo per l abitacolo 😂 scherzo, però un lavaggio interni giovedì?'],
      ['en', 'emergency!!! the mother-in-law is coming and the car is a tip inside lol, can you valet it friday?'],
      ['en', 'my car has been stolen!!! just kidding, my son borrowed it. it needs an oil change next tuesday though'],
      // nothing urgent, said so
      ['it', 'la ghibli non parte da stamattina, è in garage a casa, nessuna fretta, quando potete venite a prenderla'],
      ['en', 'the Levante will not start, it is in my garage and I have the other car, so no rush, can you collect it next week?'],
      ['en', 'a flat tyre, but it is on my drive and I am working from home, could you come thursday?'],
      // thanks for a rescue, a mild word about manners
      ['it', 'volevo ringraziarvi, il carro attrezzi è arrivato in un quarto d ora ieri sera, bravissimi'],
      ['en', 'your recovery guy was brilliant last night, there in 15 minutes. thank you'],
      ['it', 'il tagliando va bene per giovedì. e non è un reclamo, ma l ultima volta la macchina di cortesia era senza benzina'],
    ];
    for (const [lang, text, awaiting] of notUrgent) {
      it(`${JSON.stringify(text)} → no emergency`, async () => {
        assert.notEqual((await say(text, lang, awaiting)).intent, 'urgent');
      });
    }
    const urgent: [Lang, string, Awaiting?][] = [
      ['it', 'ahah che giornata, mi hanno appena tamponato in tangenziale e sono ancora qui fermo in corsia'],
      ['en', 'lol my day: car died on the ring road, hazards on, sitting on the hard shoulder'],
      ['it', 'fantastico, la levante è morta proprio oggi in A1, sono in corsia d emergenza, che faccio?'],
      ['it', 'niente di grave ma la spia rossa dell olio si è accesa e ho accostato in superstrada, riparto?'],
      ['en', 'no rush on my side but the car is blocking a lane at the toll booth and the staff want it moved'],
    ];
    for (const [lang, text, awaiting] of urgent) {
      it(`${JSON.stringify(text)} → urgent`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, 'urgent');
      });
    }
  });
  describe('a person asked for in a fourteenth set of voices (#12, fourteenth fresh dev corpus): by name, by phone instead of the chat, to talk it through first', () => {
    const person: [Lang, string, Awaiting?][] = [
      ['it', 'mi passate il signor Bellei dell accettazione? mi segue sempre lui'],
      ['it', 'prima di scegliere vorrei sentire la signora Carla, di solito faccio con lei', 'mobility'],
      ['it', 'voglio parlare con Marchetti, il capo del service', 'date'],
      ['it', 'posso avere il cellulare di Simone dell officina?'],
      ['it', 'non si può fare per telefono? odio scrivere', 'service'],
      ['it', 'ditemi il numero dell officina che vi chiamo'],
      ['it', 'c è modo di parlarne al volo con qualcuno? non capisco le fasce', 'slot'],
      ['it', 'mi serve qualcuno che me lo spieghi a voce'],
      ['en', 'is Roberto around? tell him it is the guy with the blue Ghibli'],
      ['en', 'I would rather speak to Elena if she is in today', 'name'],
      ['en', 'can I just ring you? this is taking ages', 'vehicle'],
      ['en', 'what is the phone number for the workshop?'],
      ['en', 'could we sort the dates over the phone instead?', 'date'],
      ['en', 'before I confirm I want to talk to someone about the price', 'confirm'],
      ['en', 'stop the bot. get me Paolo.'],
    ];
    for (const [lang, text, awaiting] of person) {
      it(`${JSON.stringify(text)} → human`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, 'human');
      });
    }
    const notPerson: [Lang, string, Awaiting?][] = [
      ['it', 'mio marito vi chiama domani per confermare'],
      ['en', 'my PA will phone you to confirm the time', 'confirm'],
      ['en', 'tell Marco I said hi, the car runs beautifully', 'confirm'],
      ['it', 'preferisco scrivere, al telefono non sento bene'],
    ];
    for (const [lang, text, awaiting] of notPerson) {
      it(`${JSON.stringify(text)} → no person`, async () => {
        assert.notEqual((await say(text, lang, awaiting)).intent, 'human');
      });
    }
  });
  describe('no name made of ordinary words, in a tenth to fourteenth set of voices (#12): a spelling told, a mood, a word before or after the name', () => {
    const cases: [Lang, string, string | undefined, Awaiting?][] = [
      ['en', 'my name is spelled Caitlin, with a C, not Kaitlyn', 'Caitlin', 'confirm'],
      ['it', 'il nome è sbagliato: è Giulia Serri, non Giulia Sarri', 'Giulia Serri', 'confirm'],
      ['en', 'Marco Bellini. And by the way I am super annoyed with the wait', 'Marco Bellini', 'name'],
      ['en', 'let us start from scratch, I messed up', undefined],
      ['it', 'da capo per favore', undefined],
      ['en', 'Sir one minute, my son is calling', undefined],
      ['it', 'tagliando grecale giovedì alle 9. Nome Ferrari Lucia.', 'Ferrari Lucia'],
      ['en', 'put it under his name, Tommaso Re', 'Tommaso Re', 'name'],
    ];
    for (const [lang, text, name, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${name ?? 'no name'}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.name, name);
      });
    }
  });
  describe('questions before booking in a seventeenth set of voices (#12): what to bring, where the car may go, late returns, insurance, opening days, a quote, which cars', () => {
    const cases: [Lang, string, string][] = [
      ['it', 'per il tagliando devo portare il libretto?', 'documents'],
      ['it', 'porto solo la carta di circolazione o serve altro?', 'documents'],
      ['en', 'do you need the service book with the car?', 'documents'],
      ['en', 'should I leave the spare key too?', 'documents'],
      ['it', 'con la macchina di cortesia posso andare all estero? devo andare in Francia', 'conditions'],
      ['en', 'can I take the loan car to Austria?', 'conditions'],
      ['it', 'se riporto la sostitutiva in ritardo pago una penale?', 'conditions'],
      ['en', 'any penalty if I bring the courtesy car back a day late?', 'conditions'],
      ['it', 'l auto di cortesia è assicurata kasko?', 'conditions'],
      ['en', 'is the rental insured fully or do I need my own cover?', 'conditions'],
      ['en', 'are your loan cars automatic?', 'conditions'],
      ['it', 'la macchina sostitutiva ha le gomme invernali?', 'conditions'],
      ['it', 'lavorate anche il sabato?', 'hours'],
      ['it', 'fate le revisioni anche di sabato?', 'hours'],
      ['en', 'do you work saturdays?', 'hours'],
      ['en', 'open on the 27th?', 'hours'],
      ['it', 'mi fate un preventivo per le pastiglie della Ghibli?', 'workCost'],
      ['en', 'can I get a quote for a new windscreen on the Levante?', 'workCost'],
      ['it', 'la macchina di cortesia è una Maserati o un altra marca?', 'offered'],
      ['en', 'are the loan cars Maseratis or something else?', 'offered'],
    ];
    for (const [lang, text, topic] of cases) {
      it(`${JSON.stringify(text)} → inform, ${topic}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.intent, 'inform');
        assert.equal(u.question?.topic, topic);
      });
    }
    const bookings: [Lang, string][] = [
      ['it', 'potete fare il tagliando sabato mattina?'],
      ['it', 'vorrei la revisione, porto io il libretto?'],
      ['it', 'vi porto la Ghibli giovedì per le pastiglie, lascio anche il libretto'],
      ['en', "can you remap my Levante? I'd like it done next week"],
      ['en', 'my Ghibli makes a knocking noise, can you have a look?'],
      ['en', "I'll bring the service book when I drop the Levante off on Monday for its service"],
    ];
    for (const [lang, text] of bookings) {
      it(`${JSON.stringify(text)} → book`, async () => {
        assert.equal((await say(text, lang)).intent, 'book');
      });
    }
  });
  describe('a twelfth and eighteenth set of voices (#12): emergencies told sideways, look-alikes, colleagues by name, corrections at the summary, a model taken back', () => {
    const cases: [Lang, string, Intent, Awaiting?][] = [
      ['en', 'the Ghibli is smoking from the back!! we got out, who do I call?', 'urgent'],
      ['en', 'hold on, brake failure warning on the dash right now and I am on the ring road', 'urgent', 'confirm'],
      ['it', 'avaria impianto frenante sul display mentre guido, che faccio?', 'urgent'],
      ['en', 'the Levante you serviced last week is overheating again and I am stranded near Vignola', 'urgent', 'text'],
      ['it', 'il sedile del guidatore non si muove più, credo sia il motorino. martedì mattina?', 'book'],
      ['it', 'lo specchietto elettrico non si muove piu, quando potete?', 'book'],
      ['it', 'il faro sinistro ogni tanto si spegne, potete guardarlo giovedì?', 'book'],
      ['it', 'mi si è rigato il parafango sinistro in garage, serve la carrozzeria', 'book'],
      ['en', 'Is Marco in? He usually looks after the Quattroporte', 'human'],
      ['en', 'is Giulia working tomorrow? she always books me in', 'human', 'date'],
      ['it', 'c è Stefano oggi? di solito segue lui la mia macchina', 'human'],
      ['en', 'human', 'human', 'name'],
      ['it', 'operatore', 'human', 'name'],
      ['en', "hang on, it's the GranCabrio not the GranTurismo", 'correction', 'confirm'],
      ['en', 'the 22nd, not the 21st!', 'correction', 'confirm'],
      ['en', "time's not right, I asked for half 10 not half 9", 'correction', 'confirm'],
      ['en', 'sorry I typed the plate wrong before, it is FG 229 LR', 'correction', 'mobility'],
      ['it', 'ho scritto male la targa, è FG 229 LR', 'correction', 'date'],
      ['it', 'la macchina non è la Levante, è la Grecale di mia moglie', 'correction', 'confirm'],
    ];
    for (const [lang, text, intent, awaiting] of cases) {
      it(`${JSON.stringify(text)}${awaiting ? ` at ${awaiting}` : ''} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
    const models: [Lang, string, string, Awaiting?][] = [
      ['en', "the car isn't the Levante, it's my wife's Grecale", 'Grecale', 'confirm'],
      ['it', 'la macchina non è la Ghibli, è la Quattroporte', 'Quattroporte', 'confirm'],
      ['en', 'Grecale, not the Ghibli', 'Grecale', 'confirm'],
      ['it', 'porto la Levante, non la Ghibli, per il tagliando', 'Levante'],
    ];
    for (const [lang, text, model, awaiting] of models) {
      it(`${JSON.stringify(text)} → model ${model}`, async () => {
        assert.equal((await say(text, lang, awaiting)).entities.model, model);
      });
    }
    const noNames: [Lang, string][] = [
      ['it', 'sono SCHIFATO dal vostro servizio, voglio parlare col responsabile'],
      ['it', 'sono Furiosa, tre settimane e la macchina non è pronta'],
      ['it', 'potete ritirarla voi? per la riconsegna passo io'],
    ];
    for (const [lang, text] of noNames) {
      it(`${JSON.stringify(text)} → no name`, async () => {
        assert.equal((await say(text, lang)).entities.name, undefined);
      });
    }
    const getting: [Lang, string, string, string?][] = [
      ['en', "I'd want it collected from my house in Sassuolo and brought back after", 'pickup-delivery', 'both'],
      ['en', "I'd need it collected from and dropped back to Formigine", 'pickup-delivery', 'both'],
      ['en', 'could it be collected from Castelvetro on the 25th and dropped back the next day?', 'pickup-delivery', 'both'],
      ['en', "I'll need a courtesy car but don't mind what it is", 'courtesy-car-other'],
      ['en', 'I need a car to get to work in Fiorano, a small one is fine', 'courtesy-car-other'],
      ['en', "I'll need a car, doesn't need to be a Maserati, just to get to the airport", 'courtesy-car-other'],
    ];
    for (const [lang, text, mobility, legs] of getting) {
      it(`${JSON.stringify(text)} → ${mobility}${legs ? ` (${legs})` : ''}`, async () => {
        const u = await say(text, lang);
        assert.equal(u.entities.mobility, mobility);
        assert.equal(u.entities.legs, legs);
      });
    }
    const classics: [Lang, string, string][] = [
      ['en', 'The clutch on my Biturbo is slipping badly', 'Biturbo'],
      ['en', 'I have a Maserati Coupé from 2003, the AC compressor is noisy', 'Coupé'],
      ['it', 'la 4200 GT di mio padre va rimessa in strada', '4200 GT'],
      ['it', 'ho un Merak del 1977 che borbotta a freddo', 'Merak'],
    ];
    for (const [lang, text, model] of classics) {
      it(`${JSON.stringify(text)} → model ${model}`, async () => {
        assert.equal((await say(text, lang)).entities.model, model);
      });
    }
    it('"collected on the 25th and dropped back the next day": the 25th, the next day is the return', async () => {
      assert.equal((await say('could it be collected on the 25th and dropped back the next day?', 'en')).entities.date?.date, '2026-12-25');
    });
    it('"available Thursday 10th December from 08:00, a courtesy vehicle for the day": the 10th', async () => {
      assert.equal((await say('He is available on Thursday 10th December from 08:00 and will require a courtesy vehicle for the day.', 'en')).entities.date?.date, '2026-12-10');
    });
    it('"service is wrong, it is not a tagliando, it is the brakes" → brakes', async () => {
      assert.equal((await say("service is wrong - it's not a tagliando, it's the brakes", 'en', 'confirm')).entities.service?.id, 'brakes');
    });
  });
  describe('a fault back after our work is a complaint for a person, a repeat booking is not (#12, R11)', () => {
    const cases: [Lang, string, Intent, Awaiting?][] = [
      ['en', 'You did the brakes on Tuesday and today they squeal worse than before. Not happy.', 'urgent'],
      ['en', 'collected the Ghibli from your workshop yesterday and the same warning light is back on', 'urgent'],
      ['en', 'since picking the car up after the service there is oil on my driveway every morning', 'urgent'],
      ['en', 'the car came back with a scratch on the bumper that was NOT there when I dropped it off', 'urgent'],
      ['it', 'mi avete cambiato la frizione a dicembre e oggi slitta di nuovo', 'urgent'],
      ['it', 'ritirata ieri dopo il tagliando e stamattina la spia dell olio è di nuovo accesa', 'urgent'],
      ['it', 'ho pagato 900 euro di ammortizzatori e fa lo stesso rumore di prima', 'urgent'],
      ['it', 'me l avete riconsegnata con un graffio sulla portiera che prima non c era', 'urgent'],
      ['en', 'you did a great job on the brakes last year, now I need the annual service again', 'book'],
      ['en', 'same as last time please: service and tyres, you fixed it perfectly', 'book'],
      ['it', 'l anno scorso mi avete cambiato le gomme, ora vorrei fare di nuovo il cambio stagionale', 'book'],
      ['it', 'dopo il tagliando dell anno scorso va benissimo, ora vorrei la revisione', 'book'],
      // a past accident dated by its month, the work wanted now; a boat towed; a call when the car is ready; a key fob (#12, nineteenth voices)
      ['it', 'ho avuto un incidente a dicembre, l ha riparata un altra carrozzeria ma tira a destra, potete controllarla?', 'book'],
      ['it', 'a novembre ho preso un cinghiale, tutto ok, ma il paraurti della Ghibli è ancora rotto: vorrei rifarlo', 'book'],
      ['en', 'my Ghibli was in a small crash in December, the body shop fixed it but now there is a rattle, can you look at it?', 'book'],
      ['en', 'can you remap my Levante diesel? I want more torque for towing the caravan', 'book'],
      ['en', 'GranTurismo needs a service, please call me when the car is ready', 'book'],
      ['en', 'the key fob stopped working, I changed its battery and still nothing. Levante', 'book'],
      ['it', 'ho appena avuto un incidente in via Giardini, la macchina non si muove, cosa devo fare?', 'urgent'],
      ['en', 'I was in for the service in December, but I just had a crash on the ring road and the car won t move', 'urgent'],
      // work asked as a valuation; a spot of oil, the car fine, wanted looked at (#12, nineteenth voices)
      ['it', 'vorrei fare una valutazione per la conversione a GPL della Levante, sono libero mercoledì', 'book'],
      ['it', 'mi fate una valutazione della Ghibli per la permuta?', 'outOfDomain'],
      ['en', 'there is a small oil spot under the Levante. Car seems fine. Want to get it looked at though.', 'book'],
      ['it', 'la ghibli fa uno strano rumore, potete darle un occhiata?', 'book'],
    ];
    for (const [lang, text, intent, awaiting] of cases) {
      it(`${JSON.stringify(text)} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('a yes at the summary said with a goodbye that names the day (#12, eighteenth voices)', () => {
    const cases: [Lang, string][] = [
      ['it', 'Va bene, prenotate pure. Ci vediamo giovedì'],
      ['it', 'sì perfetto, a giovedì allora!'],
      ['en', 'Yes, that is right. I look forward to seeing you on Tuesday.'],
      ['en', 'yes please, see you Thursday'],
    ];
    for (const [lang, text] of cases) {
      it(`${JSON.stringify(text)} at the summary → affirm, no new day`, async () => {
        const u = await say(text, lang, 'confirm');
        assert.equal(u.intent, 'affirm');
        assert.equal(u.entities.date, undefined);
      });
    }
    it('"no, see you Friday instead" is still a change', async () => {
      assert.notEqual((await say('no, make it Friday instead', 'en', 'confirm')).entities.date, undefined);
    });
  });
  describe('a person asked for by office, by role, by phone, or tired of the machine, in an eighteenth and nineteenth set of voices (#12, R11)', () => {
    const cases: [Lang, string, Intent, Awaiting?][] = [
      ['it', 'per una fattura cumulativa della flotta con chi posso parlare?', 'human'],
      ['it', 'c è un errore nella fattura del tagliando, mi serve qualcuno dell amministrazione', 'human'],
      ['en', 'there is a mistake on the invoice, I need someone from accounts', 'human'],
      ['it', 'Basta robot. Persona. Grazie.', 'human'],
      ['en', 'Non-bot please. Thank you.', 'human'],
      ['en', 'are you real', 'human'],
      ['en', 'Are there any real people working today or is it just you?', 'human'],
      ['it', 'vorrei concordare la data direttamente con il signor Pellacani', 'human', 'date'],
      ['it', 'invece di scrivere la nota preferisco spiegare tutto al telefono a un tecnico', 'human', 'text'],
      ['en', "I'd rather explain it over the phone to a mechanic", 'human', 'text'],
      ['en', "please forward this to Ms Bertolini in the service department, she's expecting my message", 'human'],
      ['en', "do you have a phone number? I don't like chatting with computers", 'human'],
      ['en', "my dad won't use a chat. Can someone phone him at home?", 'human'],
      ['en', 'the address is a hotel, it is easier if someone calls me', 'human', 'address'],
      ['it', "Pronto? c'è nessuno? sono 20 minuti che scrivo e mi rispondete solo con i menu", 'human'],
      ['en', 'Rang 5 times today. Engaged, engaged, engaged. Is anybody alive over there?', 'human'],
      ['it', "scusa ma sei tu Andrea? quello che mi ha seguito la macchina l'altra volta?", 'human'],
      ['it', 'volevo parlare col ragazzo che mi ha riportato la macchina ieri', 'human'],
      ['it', 'su questo preferisco sentire Andrea, l ultima volta mi ha fatto un prezzo speciale sul noleggio', 'human', 'mobility'],
      ['it', 'posso sentire prima Barbara in accettazione? lei sa già tutto', 'human', 'slot'],
      ['it', 'mi hanno detto di chiedere di Valentina per le auto di cortesia', 'human'],
      ['en', "I'd like to discuss that with a colleague of yours first", 'human', 'mobility'],
      ['en', "is there anyone I could speak to about a long-term rental while the car's in?", 'human'],
      // look-alikes: a bill asked about, the phone number given, who to call only if it ever breaks down
      ['en', 'how much will the bill be roughly?', 'inform'],
      ['it', 'il mio numero è 347 1234567, tagliando per la Ghibli giovedì', 'book'],
      ['en', 'who do I call if it ever breaks down on the way? just asking', 'inform'],
      ['it', 'c è nessun problema se la porto sabato?', 'inform'],
      ['en', 'last time you gave me a taxi, same again please', 'inform', 'mobility'],
    ];
    it('"sono 20 minuti che scrivo" names no hour', async () => {
      assert.equal((await say('sono 20 minuti che scrivo e nessuno risponde', 'it')).entities.date, undefined);
    });
    it('"l ultima volta", "prima" inside a sentence are no pick', async () => {
      assert.equal((await say('su questo preferisco sentire Andrea, l ultima volta mi ha fatto un prezzo speciale', 'it', 'mobility')).entities.choice, undefined);
      assert.equal((await say('posso sentire prima Barbara?', 'it', 'slot')).entities.choice, undefined);
      assert.equal((await say('I will go with second', 'en', 'slot')).entities.choice, 2);
    });
    for (const [lang, text, intent, awaiting] of cases) {
      it(`${JSON.stringify(text)}${awaiting ? ` at ${awaiting}` : ''} → ${intent}`, async () => {
        assert.equal((await say(text, lang, awaiting)).intent, intent);
      });
    }
  });
  describe('tomorrow in dialect (#12, tenth to fourteenth writers)', () => {
    for (const text of ['dimane ve la porto?', 'dumani matina a levante', 'crai pozzo venì?']) {
      it(`${JSON.stringify(text)} → tomorrow`, async () => {
        assert.equal((await say(text, 'it', 'date')).entities.date?.date, '2026-12-01');
      });
    }
  });
});
