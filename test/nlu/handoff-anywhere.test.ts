/**
 * An emergency or a wish for a person told without the words the rules know (#12, R11): the
 * recognizer the app uses (rules + model) hands over even when the message also names a car, a
 * place, a day or a name — and a booking that only sounds like trouble stays a booking.
 * Written before the policy that passes them, in voices not in the corpora.
 */
import assert from 'node:assert/strict';
import type { Awaiting, Lang } from '../../dialogs/model';
import type { Intent } from '../../dialogs/understanding';
import { createHybridRecognizer } from '../../src/nlu/hybrid';

const recognizer = createHybridRecognizer();
const NOW = '2026-11-30T09:00:00+01:00';
const say = (text: string, lang: Lang, awaiting?: Awaiting) => recognizer.recognize({ text, lang, now: NOW, timeZone: 'Europe/Rome', awaiting });

const HANDOFF: ReadonlySet<Intent> = new Set(['urgent', 'human']);

describe('an emergency or a person, told without the usual words, is handed over (#12, R11)', () => {
  const urgent: [Lang, string, Awaiting?][] = [
    ['it', 'sono sulla A14 altezza Pesaro, la Ghibli si è spenta e non riparte, ho due bambini in macchina'],
    ['it', 'la levante fuma dal cofano, mi sono fermato in una piazzola vicino a Fiorenzuola'],
    ['it', 'mi hanno tamponato al semaforo stamattina, il portellone non si chiude e perde liquido'],
    ['it', 'buonasera, la quattroporte è ferma nel parcheggio dell aeroporto di Bologna e non dà segni di vita, io parto tra due ore'],
    ['it', 'è la terza volta che mi ridate la macchina con lo stesso difetto, adesso basta, voglio parlare con il responsabile'],
    ['it', 'sto in tangenziale con le quattro frecce, il cruscotto è tutto rosso e la macchina va a 30 all ora'],
    ['it', 'cè odore di bruciato fortissimo dentro la grecale e sono sul raccordo, che faccio?', 'service'],
    ['it', 'la MC20 mi ha lasciato a piedi sull autostrada del Brennero, chi mi viene a prendere?', 'date'],
    ['en', 'the Levante just died on the M25 hard shoulder and my daughter is with me'],
    ['en', 'someone reversed into my Ghibli this morning, the rear light is hanging off and I can smell fuel'],
    ['en', 'stuck at Malpensa long stay car park, the Grecale will not even unlock, flight lands in an hour'],
    ['en', 'third time you have sent my car back with the same fault, I am done being polite about it'],
    ['en', 'white smoke pouring out of the bonnet, pulled over near Lodi, what do I do', 'date'],
    ['en', 'all the dash lights came on at once and it is limping along at 20 on the ring road', 'mobility'],
  ];
  for (const [lang, text, awaiting] of urgent) {
    it(`${lang}${awaiting ? ` (at ${awaiting})` : ''}: "${text}" → urgent`, async () => {
      const u = await say(text, lang, awaiting);
      assert.equal(u.intent, 'urgent', `got ${u.intent} (${u.score})`);
    });
  }

  const person: [Lang, string, Awaiting?][] = [
    ['it', 'preferisco sentire una voce vera, mi fate telefonare al 347 1234567?'],
    ['it', 'lasciamo stare la chat, mi chiama qualcuno dell officina domani mattina?', 'date'],
    ['it', 'vorrei parlarne a voce con Marco dell accettazione, quello che mi segue sempre'],
    ['en', 'rather sort this with an actual human on the phone, my number is 07700 900123'],
    ['en', 'can whoever looks after the Levante at your place ring me back this afternoon', 'name'],
    ['en', 'I would like a word with Sarah at the service desk, she knows the car'],
  ];
  for (const [lang, text, awaiting] of person) {
    it(`${lang}${awaiting ? ` (at ${awaiting})` : ''}: "${text}" → a person`, async () => {
      const u = await say(text, lang, awaiting);
      assert.ok(HANDOFF.has(u.intent), `got ${u.intent} (${u.score})`);
    });
  }
});

describe('a booking that only sounds like trouble stays a booking (#12, R11)', () => {
  const bookings: [Lang, string, Awaiting?][] = [
    ['it', 'dopo il tamponamento di settembre la carrozzeria è a posto, adesso mi serve solo il tagliando della Ghibli giovedì'],
    ['it', 'la spia dell olio si è accesa ieri, non è urgente, la porto lunedì prossimo se avete posto'],
    ['it', 'il vostro carro attrezzi è stato velocissimo l altra volta, complimenti, ora vorrei prenotare le gomme invernali'],
    ['it', 'non chiamatemi per favore, scrivetemi qui: tagliando Levante venerdì 11 mattina'],
    ['en', 'after the bump in October the body shop did a great job, now the Grecale just needs its annual service'],
    ['en', 'the tyre pressure light came on but it is not urgent, any slot next week for a check?'],
    ['en', 'no need to ring me, text is fine: brakes on the Quattroporte, Thursday morning'],
    ['en', 'do you do roadside assistance as part of the warranty? just asking before I book the service'],
  ];
  for (const [lang, text, awaiting] of bookings) {
    it(`${lang}: "${text}" is not handed over`, async () => {
      const u = await say(text, lang, awaiting);
      assert.ok(!HANDOFF.has(u.intent), `got ${u.intent} (${u.score})`);
    });
  }
});
