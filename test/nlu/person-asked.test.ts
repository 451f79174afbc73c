/**
 * Fifth round of #12, written before the code, from the cross-validated misses of the main corpus:
 * a person asked for as customers do (to be contacted, a call with the service manager, whoever
 * handles my case, someone who answers now, a colleague by name at a desk), and what only looks
 * like it.
 */
import assert from 'node:assert/strict';
import { intentCases } from '../support/intent-cases';

const { say, check } = intentCases('2027-01-14T18:10:00+01:00'); // a Thursday

describe('a person asked for as customers do (#12, fifth round)', () => {
  describe('to be contacted, a call arranged', () => {
    check([
      ['en', 'I would like to be contacted by someone from your service team about the warranty extension', 'human'],
      ['en', 'Please have the service manager call my office about the fleet contract', 'human'],
      ['it', 'vorrei fissare una telefonata con il responsabile del service per le auto aziendali', 'human'],
      ['it', 'vorrei essere contattato da un vostro consulente per la garanzia', 'human'],
      ['it', 'ieri ho parlato con un certo Davide, può ricontattarmi lui?', 'human'],
      ['it', 'sarebbe meglio che lo chiamaste voi direttamente al fisso, non usa il telefonino', 'human'],
      ['en', "it's hard to explain, better if a mechanic calls me", 'human', 'text'],
      ['en', "honestly can I just ring? I'm driving", 'human', 'vehicle'],
    ]);
  });
  describe('whoever handles it, someone who answers now', () => {
    check([
      ['it', 'mi passate a chi segue la mia pratica di garanzia?', 'human'],
      ['it', 'dove trovo un vostro addetto che mi risponda adesso?', 'human'],
      ['it', 'ho bisogno di qualcuno che ragioni, non di un programma', 'human'],
      ['it', 'vorrei prima sentire l’accettazione per capire quanti giorni vi serve', 'human', 'date'],
      ['it', 'posso parlare con l’autista che fa i ritiri? devo spiegargli il cancello', 'human', 'pickupDelivery'],
      ['it', "c'è qualcuno in carne e ossa?", 'human'],
      ['en', 'where can I find someone on your team who will answer right now?', 'human'],
      ['en', 'Get me Marco from the service desk please', 'human'],
      ['en', "can I get the head mechanic's mobile number?", 'human'],
      ['en', 'who do I speak to?', 'human'],
      ['en', 'I want to speak one person, the phone is always busy', 'human'],
      ['en', 'is the person answering this chat an actual employee?', 'human'],
    ]);
  });
  describe('what only looks like it', () => {
    check([
      ['it', 'il tagliando me lo aveva consigliato il vostro consulente, giovedì mattina va bene', 'book'],
      ['en', 'the service manager told me to book here, Thursday morning works', 'book'],
      ['en', 'could a mechanic also check the wipers while it is in?', 'book'],
    ]);
  });
  describe('a person asked for where a way of getting around is named', () => {
    check([
      ['en', 'Can I discuss this with someone? I need a van because of the wheelchair', 'human', 'mobility'],
      ['en', "I'd like to sort out the courtesy car directly with Marco at the desk, can he ring me?", 'human', 'mobility'],
      ['en', 'Could Sara from customer care call me? She knows where my building is', 'human', 'address'],
      ['it', 'posso parlarne con qualcuno? mi serve un furgone per la carrozzina', 'human', 'mobility'],
      ['en', 'can your driver call me when he is outside?', 'inform', 'pickupDelivery'],
      ['it', "l'autista mi fa uno squillo quando arriva?", 'inform', 'pickupDelivery'],
      ['en', 'call me a taxi for 5 please', 'inform', 'mobility'],
    ]);
  });
  describe('a phone named, nobody asked for; a firm as the name (#12, main corpus cross-validated)', () => {
    check([
      ['en', 'cancel it all, my wife already booked it by phone', 'cancel', 'confirm'],
      ['it', 'annullate pure, mio marito ha già prenotato per telefono', 'cancel', 'confirm'],
      ['en', 'do you need my phone number?', 'inform', 'confirm'],
      ['it', 'a nome dello Studio Legale Ferrari, referente avv. Chiara Ferrari', 'inform', 'name'],
      // still a person
      ['en', 'I booked it by phone last week, can I speak to someone about it?', 'human'],
    ]);
    it('"vi serve il mio numero di telefono?" at the summary asks for nobody', async () => {
      assert.notEqual((await say('vi serve il mio numero di telefono?', 'it', 'confirm')).intent, 'human');
    });
    it('"a nome dello Studio Legale Ferrari, referente avv. Chiara Ferrari" is under Chiara Ferrari', async () => {
      assert.equal((await say('a nome dello Studio Legale Ferrari, referente avv. Chiara Ferrari', 'it', 'name')).entities.name, 'Chiara Ferrari');
    });
  });
});
