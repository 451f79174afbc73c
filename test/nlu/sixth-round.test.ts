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
