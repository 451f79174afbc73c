/**
 * Fifth round of #12, written before the code: what the seventeenth writers showed the rules
 * read wrong, said again in other voices. Damage that happened and is now only to be repaired
 * is a booking; a fault right after our work is urgent; "not yet" at the summary and "none of
 * those, I work then" at the slots are a no; a question at the summary is a question.
 */
import assert from 'node:assert/strict';
import { intentCases } from '../support/intent-cases';

const { say, check } = intentCases('2027-01-11T09:30:00+01:00'); // a Monday

describe('told calmly, or not (#12, fifth round)', () => {
  describe('damage that happened, now only to be repaired, is a booking', () => {
    check([
      ['it', "mi hanno tamponato al semaforo martedì, niente di grave, il paraurti è da rifare. quando posso portarla?", 'book'],
      ['it', "stanotte mi hanno rotto il vetro posteriore della Levante per rubare lo zaino, ho messo il nylon. Lo cambiate voi?", 'book'],
      ['it', "un ramo mi è caduto sul cofano della Ghibli col temporale, c'è un bozzo. mi date un appuntamento x sistemarlo?", 'book'],
      ['it', "mi hanno dato una botta in retromarcia al parcheggio del Conad, specchietto rotto. nulla di urgente, quando avete posto?", 'book'],
      ['it', "piccolo tamponamento venerdì in coda, paga l'assicurazione dell'altro, devo rifare il paraurti della grecale", 'book'],
      ['it', "ciao, ho la biturbo con la frizione andata, ve la porto io col carro attrezzi di un amico sabato", 'book'],
      ['en', "someone reversed into my Grecale at the gym car park yesterday, just a dent in the door. Insurance is paying, can I book it in?", 'book'],
      ['en', "got rear-ended at a red light on Saturday, nobody hurt, bumper needs replacing. when can you fit me in?", 'book'],
      ['en', "my car was broken into overnight and the driver's window is smashed, I've taped a bin bag over it. can you replace the glass this week?", 'book'],
      ['en', 'a branch came down on the bonnet of my Ghibli in the storm, small dent, no rush', 'book'],
      ['en', "minor prang in a car park, rear bumper cracked, the other driver's insurer is covering it. need a slot", 'book'],
      ['en', "clutch is completely gone on my old 3200 GT, a mate will tow it over to you on Friday", 'book'],
    ]);
  });
  describe('the same things happening now stay urgent', () => {
    check([
      ['it', 'mi hanno appena tamponato sulla tangenziale, la macchina non parte', 'urgent'],
      ['it', 'mi hanno tamponato adesso al semaforo, il paraurti è a terra, che devo fare?', 'urgent'],
      ['it', 'stanotte mi hanno spaccato il finestrino e rubato la macchina', 'urgent'],
      ['en', 'someone just rear-ended me at the lights, bumper hanging off, what do I do?', 'urgent'],
      ['en', "a tree came down on my car on the motorway and I'm stuck", 'urgent'],
      ['en', 'minor prang just now on the ring road, other driver is shouting at me, what do I do', 'urgent'],
    ]);
  });
  describe('a fault right after our work is urgent', () => {
    check([
      ['en', "picked up the Levante from you on Friday after the service, now there's oil all over my garage floor. what have you done?", 'urgent'],
      ['en', "since the tyre change this morning there's a knocking from the front left and I think a wheel bolt is loose!!", 'urgent'],
      ['en', "it's the car you serviced last Tuesday and now the front wheel wobbles at any speed", 'urgent', 'vehicle'],
      ['it', "ritirata ieri dopo il tagliando e stamattina c'è una macchia d'olio enorme sotto, cosa avete combinato?", 'urgent'],
      ['it', 'dopo il cambio gomme di ieri la ruota davanti balla, ho paura che si stacchi', 'urgent'],
      ['it', "aspetta, la Ghibli che mi avete ridato ieri perde liquido dei freni, si può guidare?", 'urgent', 'confirm'],
      ['it', "la macchina di cortesia che ho adesso frena malissimo, il pedale va giù, è pericoloso!", 'urgent', 'mobility'],
      // look-alikes: work done long ago, all fine, something else wanted now
      ['en', "after last year's service it's been perfect, now it's due for brakes", 'book'],
      ['it', "dopo il tagliando dell'anno scorso tutto ok, ora vorrei cambiare le gomme", 'book'],
    ]);
  });
  describe('"none of those, I work then" at the slots is a no', () => {
    // naming the slots is no refusal by itself (found in review: "quegli orari" alone read as a no)
    for (const [lang, text] of [['it', 'sì, quegli orari vanno bene'], ['en', 'yes, any of those times works for me']] as const) {
      it(`${JSON.stringify(text)} at slot is no refusal`, async () => {
        assert.notEqual((await say(text, lang, 'slot')).intent, 'deny');
      });
    }
    check([
      ['it', "purtroppo no, a quell'ora sono in ufficio", 'deny', 'slot'],
      ['it', 'mmm no, quegli orari proprio non riesco', 'deny', 'slot'],
      ['it', 'in quei giorni sono fuori per lavoro, mi spiace', 'deny', 'slot'],
      ['en', "nope, I'm at work for all of those", 'deny', 'slot'],
      ['en', "sadly no, I'm on shift at those times", 'deny', 'slot'],
      ['en', "those days I'm away, sorry", 'deny', 'slot'],
      // the slots turned down with another day: still a no to the slots, the day kept (BRIEF.md; writers 16, 18, 19, 22)
      ['it', 'nessuna delle tre, avete qualcosa sabato?', 'deny', 'slot'],
      ['en', 'none of these work, anything on Saturday?', 'deny', 'slot'],
      ['en', 'neither of those, something in the afternoon maybe?', 'deny', 'slot'],
      // a pick is no refusal
      ['en', 'the second one works', 'inform', 'slot'],
      ['en', '2 👍', 'inform', 'slot'],
      ['it', 'la prima 👌', 'inform', 'slot'],
    ]);
  });
  describe('"not yet" at the summary is a no, not a cancellation', () => {
    check([
      ['it', 'no grazie, per ora non prenotare', 'deny', 'confirm'],
      ['it', 'aspetta a prenotare, devo sentire mia moglie', 'deny', 'confirm'],
      ['en', "no, don't book it yet, I need to ask my husband", 'deny', 'confirm'],
      ['en', 'not yet please, give me a minute', 'deny', 'confirm'],
      ['it', 'no, annulla tutto', 'cancel', 'confirm'],
      ['en', 'cancel it, I found another garage', 'cancel', 'confirm'],
    ]);
  });
  describe('a question about cancelling or what to bring is a question', () => {
    check([
      ['en', 'what do I need to bring with me?', 'inform', 'confirm'],
      ['en', 'and if something comes up, can I cancel easily?', 'inform', 'confirm'],
      ['it', 'se poi mi capita un imprevisto posso disdire?', 'inform', 'confirm'],
      ['it', 'una cosa prima: se non riesco a venire, entro quando devo annullare?', 'inform', 'date'],
      ['en', "if I can't make it, how late can I cancel without paying?", 'inform'],
      ['it', 'annullate la prenotazione di giovedì per favore', 'cancel'],
    ]);
  });
  describe('other answers read as something else', () => {
    check([
      ['it', 'vado in bici, tranquilli', 'inform', 'mobility'],
      ['en', "I'll cycle home, I've got my bike with me", 'inform', 'mobility'],
      ['en', "Anna Rossi-Bauer (I'm married to an Italian)", 'inform', 'name'],
      ['en', 'hang on, looking for the insurance papers... ok, EY 310 WB', 'inform', 'vehicle'],
      ['it', 'mi chiama un tecnico? è complicato da spiegare', 'human', 'service'],
      ['en', "I'd like a consultation with one of your technicians first", 'human'],
      ['en', 'could the guy who does the deliveries call me? Marco I think', 'human', 'pickupDelivery'],
      ['it', 'lasciate perdere, la porto dal meccanico sotto casa', 'cancel', 'mobility'],
      ['en', "forget it, I'll take it to the garage round the corner", 'cancel', 'mobility'],
      ['en', 'forget the taxi, my wife will drop me off', 'correction', 'confirm'],
      ['it', 'togli la macchina di cortesia, mi accompagna mio fratello', 'correction', 'confirm'],
      ['it', "il cognome è scritto male, è De Santis staccato", 'correction', 'confirm'],
      ['en', 'my surname is spelt wrong, it should be McAllister', 'correction', 'confirm'],
      ['it', 'per favore non toccate le regolazioni dello specchietto', 'inform', 'text'],
      ['en', "please don't touch the seat settings", 'inform', 'text'],
    ]);
  });
  describe('an event dated by a season or a month, beside an answer, is history (#12, twenty-first writers)', () => {
    check([
      ['en', "it's the dent on the door from the accident in the summer, could I bring it Friday?", 'book'],
      ['en', "the 3rd of February. It's been parked since the breakdown in December, so whenever", 'inform', 'date'],
      ['en', 'Via Emilia Est 40, Modena. It has sat there since it broke down in November, the battery is probably dead too', 'inform', 'address'],
      ['en', 'the rear bumper, still cracked from a small accident at Christmas. nothing urgent, been driving it like that for weeks', 'inform', 'service'],
      ['it', "il paraurti, è rimasto rotto dall'incidente di quest'estate, niente di urgente", 'inform', 'service'],
      ['it', "l'incidente è stato a Natale, la perizia è fatta, ora mi serve la carrozzeria per la Ghibli", 'book'],
      ['en', "someone keyed my Levante outside the cinema, already reported it to the police. I'd like a quote and to book the bodywork", 'book'],
      ['en', "not an emergency at all, but the driver's seat motor died and the seat is stuck all the way back. Quattroporte", 'book'],
      ['en', 'the check engine light came on twice this month but goes off after a restart. can I leave it with you Monday?', 'book'],
      // and happening now, still urgent
      ['en', "none of those, I'm stuck in Vignola and the car won't start, I need help", 'urgent', 'slot'],
      ['en', "before you book: the car you gave back yesterday after the clutch job won't go into gear now", 'urgent', 'confirm'],
      ['en', 'the exhaust fell off on the ring road an hour after I picked the car up from you this afternoon', 'urgent', 'text'],
      ['it', 'a un chilometro da voi, appena ritirata oggi pomeriggio, è caduta la marmitta in strada', 'urgent'],
    ]);
  });
  describe('a call about the work, or a colleague met before, is no hand-over (#12, twenty-first writers)', () => {
    check([
      ['en', 'Perfect, book it. Please ring me when the car is ready to collect.', 'affirm', 'confirm'],
      ['en', 'yes go ahead, and call me as soon as you know what it is', 'affirm', 'confirm'],
      ['en', 'Via Giardini 12, 41124, call me when you are outside', 'inform', 'address'],
      ['it', 'via Vignolese 80, Modena, mi fate uno squillo quando siete qui fuori', 'inform', 'address'],
      ['en', "I'd like the workshop to call me before starting anything expensive, please", 'inform', 'text'],
      ['it', 'chiamatemi prima di fare lavori extra, grazie', 'inform', 'text'],
      ['en', 'LPG conversion, I discussed it on the phone with your colleague Sara last month', 'inform', 'service'],
      ['it', 'conversione a metano, ne ho già parlato al telefono con il vostro collega Marco', 'inform', 'service'],
      ['en', 'a courtesy car would be great. last time the wait for it was ridiculous but ok', 'inform', 'mobility'],
    ]);
  });
  describe('a person, at a question that names a way of getting around (#12, twenty-first writers)', () => {
    check([
      ['en', "Can I talk to the driver who'll collect it? The car has some quirks I need to explain", 'human', 'pickupDelivery'],
      ['en', "I'd rather sort out the collection on the phone, the address is complicated", 'human', 'pickupDelivery'],
      ['en', "honestly easier if Simona from your service desk calls me, she has all my details", 'human', 'vehicle'],
      ['en', 'she would really like someone to phone her and explain what to do, she does not use chats', 'human'],
    ]);
  });
  describe('a no, a correction, a wish said at the summary or the slots (#12, twenty-first writers)', () => {
    check([
      ['en', 'None suits me, unfortunately.', 'deny', 'slot'],
      ['en', 'looks good but the plate is GH204XW, not XV', 'correction', 'confirm'],
      ['it', "quasi tutto giusto, ma l'orario è alle 9 non alle 10", 'correction', 'confirm'],
      ['en', 'Wait, the plate I gave you before is my old car. The right one is FL 902 TR', 'correction', 'vehicle'],
      ['en', 'Heard a rattle behind the dashboard a while ago. Need someone to check it when you can. Also roughly how much?', 'book'],
    ]);
  });
});
