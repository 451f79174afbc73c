/**
 * Urgent cases, complaints, insurance and legal questions, call-back requests and "is there a real
 * person?" go to a person at once (issue #11, R11), in Italian and in English, whatever was being
 * asked; ordinary bookings that mention a warning light or a past accident do not. The advisor's
 * summary holds everything understood so far, including what the handing-over message said, and
 * after the hand-back nothing already given is asked again.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../dialogs/model';
import { GIULIA, handoffWorld, type HandoffWorld } from '../handoff/world';
import { Conversation } from './harness';

const script = {
  it: {
    locale: 'it-IT',
    start: 'Sono Marco Rossi, tagliando per la Ghibli FX456AB',
    urgent: [
      ['a breakdown on the road', 'aiuto la macchina si è fermata in tangenziale e non riparte'],
      ['a breakdown on the motorway', 'sono in panne sulla A1 con la Levante, che faccio?'],
      ['a burning smell and a light, pulled over', 'sento puzza di bruciato, si è accesa una spia rossa e ho accostato'],
      ['smoke from the bonnet', 'esce fumo dal cofano!! mi sono fermato a bordo strada'],
      ['an accident', 'ho appena fatto un incidente'],
      ['being rear-ended', 'mi hanno tamponata stamattina al semaforo, la macchina è messa male'],
    ],
    complaint: [
      ['an angry repeat complaint', 'è la terza volta che scrivo e nessuno mi risponde!!!'],
      ['nobody called back', 'sono stufo, vi ho già scritto due volte e non mi ha mai richiamato nessuno'],
    ],
    legal: [
      ['an insurance question', 'ho una domanda sulla mia assicurazione, copre la riparazione?'],
      ['an insurance claim', 'devo aprire una pratica con l assicurazione per il danno'],
      ['a legal question', 'vorrei sapere come muovermi per vie legali per il difetto del cambio'],
    ],
    callback: [
      ['reception calling back', 'la reception mi può richiamare?'],
      ['call me back', 'potete richiamarmi per favore'],
      ['a phone call', 'mi fate chiamare da qualcuno dell accettazione?'],
    ],
    person: [
      ['a real person', "c'è una persona vera?"],
      ['someone there', 'c è qualcuno in carne e ossa?'],
      ['a human', 'posso parlare con un umano'],
      ['someone', 'vorrei parlare con qualcuno'],
    ],
    booking: [
      ['a service light', 'si è accesa la spia del tagliando, vorrei prenotarlo'],
      ['a past accident', "ho fatto un incidente l'anno scorso, ora vorrei il tagliando"],
      ['a warning light', 'mi si è accesa una spia gialla, potete darci un occhiata?'],
    ],
    machine: [
      ['asked whether it is a bot', 'ma sei un bot?'],
      ['a person or a program', 'scusi, sto parlando con una persona o con un programma?'],
    ],
    virtualAssistant: /assistente virtuale/,
    danger: /112/,
    sorryComplaint: /dispiace/,
    callMeBack: /richiam/,
    askedVehicle: /targa/,
    askedService: /di cosa ha bisogno/,
    everythingAndPerson: 'Sono Marco Rossi, la mia Ghibli FX456AB deve fare il tagliando, posso parlare con un consulente?',
    carAndWork: 'buongiorno, Levante GH123KL, devo cambiare le gomme',
    personAndName: 'mi chiamo Anna Verdi, mi passa un consulente per favore?',
    urgentWithDetails: 'Sono Giulia Neri, Levante GH123KL, ho appena fatto un incidente in autostrada',
    askedName: /A che nome/,
    mobility: /soluzioni di mobilità/,
    resumed: /riprendiamo da dove eravamo rimasti/,
  },
  en: {
    locale: 'en-GB',
    start: "I'm Marco Rossi, annual service for my Ghibli FX456AB",
    urgent: [
      ['a breakdown on the road', 'my car just broke down on the ring road and wont start'],
      ['a breakdown on the motorway', "I've broken down on the motorway with the Levante, what do I do?"],
      ['a burning smell and a light, pulled over', 'burning smell and a red warning light came on, pulled over on the side of the road'],
      ['smoke from the bonnet', 'smoke coming out of the bonnet!! I stopped on the hard shoulder'],
      ['an accident', "I've just had an accident"],
      ['being rear-ended', 'someone crashed into the back of me this morning'],
    ],
    complaint: [
      ['an angry repeat complaint', 'third time I write, nobody answers. Ridiculous.'],
      ['nobody called back', "I'm fed up, I've written twice already and nobody ever called me back"],
    ],
    legal: [
      ['an insurance question', 'I have a question about my insurance, does it cover the repair?'],
      ['an insurance claim', 'I need to open an insurance claim for the damage'],
      ['a legal question', 'I want to know my legal options about the faulty gearbox'],
    ],
    callback: [
      ['reception calling back', 'can reception call me back?'],
      ['ring me', 'could someone ring me please'],
      ['a phone call', 'please have someone phone me'],
    ],
    person: [
      ['a real person', 'is there a real person?'],
      ['someone there', 'is there a human there?'],
      ['a human', 'can i talk to someone'],
      ['someone', 'i want to speak to a person pls'],
    ],
    booking: [
      ['a service light', "the warning light for the service is on, I'd like to book the tagliando"],
      ['a past accident', "I had an accident last year, now I'd like the annual service"],
      ['a warning light', 'a yellow warning light came on, can you have a look?'],
    ],
    machine: [
      ['asked whether it is a robot', 'are you a robot?'],
      ['an AI or a person', 'is this an AI or a real person?'],
    ],
    virtualAssistant: /virtual assistant/,
    danger: /112/,
    sorryComplaint: /sorry/i,
    callMeBack: /call you back/,
    askedVehicle: /number plate/,
    askedService: /What does your car need/,
    everythingAndPerson: "I'm Marco Rossi, my Ghibli FX456AB needs its annual service, can I talk to someone?",
    carAndWork: 'hi, Levante GH123KL, I need new tyres',
    personAndName: 'my name is Anna Verdi, can you put me through to an advisor please?',
    urgentWithDetails: "I'm Giulia Neri, Levante GH123KL, I've just had an accident on the motorway",
    askedName: /What name/,
    mobility: /mobility solutions/,
    resumed: /carry on from where we left off/,
  },
} as const;

let n = 0;

for (const lang of ['it', 'en'] as const satisfies Lang[]) {
  const p = script[lang];

  describe(`Urgent cases and requests for a person (${lang})`, () => {
    let w: HandoffWorld;
    beforeEach(async () => (w = await handoffWorld()));
    afterEach(async () => w.close());

    const open = async (...before: string[]) => {
      const c = await new Conversation(w.engine, lang).open();
      for (const text of before) await c.says(text);
      return c;
    };

    describe('go to a person at once, as the first message or in the middle of a booking', () => {
      const cases = [
        ...p.urgent.map(([what, text]) => ({ what, text, reason: 'urgent', says: p.danger })),
        ...p.complaint.map(([what, text]) => ({ what, text, reason: 'urgent', says: p.sorryComplaint })),
        ...p.legal.map(([what, text]) => ({ what, text, reason: 'urgent', says: undefined })),
        ...p.callback.map(([what, text]) => ({ what, text, reason: 'requested', says: p.callMeBack })),
        ...p.person.map(([what, text]) => ({ what, text, reason: 'requested', says: undefined })),
        // #12: asked whether it is a machine, the bot says what it is and a person takes over
        ...p.machine.map(([what, text]) => ({ what, text, reason: 'requested', says: p.virtualAssistant })),
      ];
      for (const { what, text, reason, says } of cases) {
        it(`${what}: "${text}"`, async () => {
          for (const before of [[], [p.start]]) {
            const c = await open(...before);
            await c.says(text);
            assert.equal(c.last.handoff, reason, c.transcript.join('\n'));
            c.didNotSay(p.askedService).didNotSay(p.askedVehicle);
            if (says) c.said(says);
          }
        });
      }

      it('an insurance question is not told to call 112', async () => {
        const c = await open();
        await c.says(p.legal[0][1]);
        c.didNotSay(p.danger);
      });

      it('a call-back request is not a recall campaign', async () => {
        const c = await open();
        await c.says(p.callback[0][1]);
        const h = await w.handoffs.get(c.id);
        assert.equal(h?.summary.need, undefined, JSON.stringify(h?.summary));
      });
    });

    describe('ordinary bookings are not handed over', () => {
      for (const [what, text] of p.booking) {
        it(`${what}: "${text}"`, async () => {
          const c = await open();
          await c.says(text);
          assert.equal(c.last.handoff, undefined, c.transcript.join('\n'));
          c.asks('vehicle');
        });
      }
    });

    describe("the advisor's summary holds everything understood, including the handing-over message", () => {
      it('name, car and work given in the message that asks for a person', async () => {
        const c = await open();
        await c.says(p.everythingAndPerson);
        assert.equal(c.last.handoff, 'requested');
        const h = await w.handoffs.get(c.id);
        assert.equal(h?.summary.customerName, 'Marco Rossi', JSON.stringify(h?.summary));
        assert.equal(h?.summary.vehicle?.plate, 'FX456AB');
        assert.equal(h?.summary.need?.serviceId, 'maintenance');
      });

      it('what was said before and what the request adds', async () => {
        const c = await open(p.carAndWork);
        await c.says(p.personAndName);
        assert.equal(c.last.handoff, 'requested');
        const h = await w.handoffs.get(c.id);
        assert.equal(h?.summary.customerName, 'Anna Verdi', JSON.stringify(h?.summary));
        assert.equal(h?.summary.vehicle?.plate, 'GH123KL');
        assert.equal(h?.summary.need?.serviceId, 'tyres');
      });

      it('an urgent message that names the customer and the car; the accident is no wish for a date', async () => {
        const c = await open();
        await c.says(p.urgentWithDetails);
        assert.equal(c.last.handoff, 'urgent');
        const h = await w.handoffs.get(c.id);
        assert.equal(h?.summary.customerName, 'Giulia Neri', JSON.stringify(h?.summary));
        assert.equal(h?.summary.vehicle?.plate, 'GH123KL');
        assert.equal(h?.summary.wish, undefined);
      });
    });

    describe('after the hand-back nothing already given is asked again', () => {
      it('the bot goes on with the mobility', async () => {
        const id = `webchat:${lang}-urgent-${++n}`;
        const first = await w.say(id, p.everythingAndPerson, p.locale);
        assert.equal(first.handoff, 'requested');
        assert.ok((await w.service.take(GIULIA, id)).ok);
        assert.ok((await w.service.handBack(GIULIA, id)).ok);
        const resumed = w.delivered.at(-1)!.delivery;
        const said = resumed.kind === 'bot' ? resumed.turn.messages.map((m) => m.text).join('\n') : '';
        assert.match(said, p.resumed);
        assert.match(said, p.mobility);
        assert.doesNotMatch(said, p.askedService);
        assert.doesNotMatch(said, p.askedVehicle);
        assert.doesNotMatch(said, p.askedName);
      });
    });
  });
}
