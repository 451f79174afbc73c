/**
 * Fifth round of #12, written before the code: a person asked for, or a danger told, without the
 * words the rules knew ("una voce vera", "due parole con il meccanico", the car's own "stop the
 * vehicle"); and the look-alikes that are bookings ("call me when it's ready", a colleague named
 * in passing, a warning that went off last month).
 */
import { intentCases } from '../support/intent-cases';

const { check } = intentCases('2027-01-14T18:10:00+01:00'); // a Thursday

describe('asked sideways (#12, fifth round)', () => {
  describe("the car's own warning to stop is urgent", () => {
    check([
      ['it', "sul display è apparso 'fermare il veicolo in sicurezza', cosa faccio?", 'urgent'],
      ['it', "mi è uscito in rosso 'arrestare il motore', la spengo?", 'urgent'],
      ['it', "l'app dice anomalia grave, rivolgersi subito all'assistenza. la macchina ce l'ha mio figlio e deve partire stasera", 'urgent'],
      ['it', 'la temperatura è al massimo e la lancetta non scende', 'urgent'],
      ['it', 'mio padre è fermo al distributore con una gomma a terra e non sa cambiarla', 'urgent'],
      ['en', "the dash says 'stop vehicle safely' in red, do I keep going?", 'urgent'],
      ['en', "got 'engine fault - stop engine' just now on the way to work", 'urgent'],
      ['en', 'warning says oil pressure low stop engine, what do I do', 'urgent'],
      // look-alikes: a warning that went off, told to book a check
      ['en', 'the oil pressure warning came on once last month and went off again, can you check it at the service?', 'book'],
      ['it', "la spia della pressione gomme si è accesa settimana scorsa, poi l'ho gonfiata, vorrei un controllo", 'book'],
    ]);
  });
  describe('a person asked for in other words', () => {
    check([
      ['it', 'vorrei sentire una voce vera, si può?', 'human'],
      ['en', 'could I hear a real voice please', 'human'],
      ['it', 'preferisco parlarne a voce con chi ha fatto il preventivo', 'human'],
      ['it', "Matteo il meccanico c'è? due parole sulla mia macchina", 'human'],
      ['it', "c'è qualcuno con cui parlare?", 'human', 'pickupDelivery'],
      ['it', 'mi fate parlare con chi si occupa delle auto di cortesia?', 'human', 'mobility'],
      ['it', "mi fa chiamare dall'autista?", 'human', 'address'],
      ['it', "mi telefona la signora dell'accettazione?", 'human', 'slot'],
      ['it', 'ci richiamate voi stasera così decidiamo?', 'human', 'slot'],
      ['en', "I've always dealt with Franca at reception, is she around?", 'human'],
      ['en', 'my husband wants to hear it from a mechanic, could one of you phone him?', 'human'],
      ['en', "could someone ring her and explain, she doesn't do chats", 'human'],
    ]);
  });
  describe('a call when the car is ready, or a colleague named in passing, is no hand-over', () => {
    check([
      ['it', 'lunedì mattina vi lascio la Grecale per il tagliando, quando è pronta chiamatemi pure', 'book'],
      ['it', 'la seconda, però chiamatemi voi quando la macchina è pronta', 'inform', 'slot'],
      ['en', 'Tuesday for the brakes please, and just call me when it is ready', 'book'],
      ['en', "sure, and when it's done ring my wife, you have her number", 'affirm', 'confirm'],
      ['it', 'ho sempre avuto un ottimo rapporto con Fabrizio, ditegli che passo la settimana prossima per la revisione', 'book'],
      ['it', "solo tagliando, niente extra come l'altra volta quando nessuno mi ha chiamato", 'book'],
    ]);
  });
  describe('a question about us is a question, not a call for help with the chat', () => {
    check([
      ['en', 'What are your opening hours on Saturdays?', 'inform'],
      ['en', 'how does this chat work?', 'help'],
    ]);
  });
});
