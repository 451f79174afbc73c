/**
 * Issue #11, category 4: urgent cases (breakdown on the road, burning smell with a warning light,
 * accident), complaints, insurance or legal questions, call-back requests and "is there a real
 * person?" go to a person at once (R11), in both languages, with everything understood so far
 * (name, car, work) in the advisor's summary; after a hand-back nothing already given is asked
 * again.
 *
 * The harness world does not expose the handoff store, so these conversations run on the same
 * engine through test/handoff/world.ts, with the handoff store in reach (its summary is what the
 * advisor's console shows).
 * Written as customers write, before the code that makes them pass. Fixed clock: Monday 30
 * November 2026, 09:00 in Modena (opening hours: an advisor is at the dealership).
 */
import assert from 'node:assert/strict';
import type { Handoff } from '../../src/handoff/handoff';
import { GIULIA, handoffWorld, type HandoffWorld } from '../handoff/world';
import { Conversation } from './harness';

describe('Customers (issue #11) — urgent cases and requests for a person go to a person at once, with what was said', () => {
  let w: HandoffWorld;
  beforeEach(async () => {
    w = await handoffWorld();
  });
  afterEach(async () => w.close());

  /** What the advisor's console shows for this conversation. */
  const handoffOf = async (c: Conversation): Promise<Handoff> => {
    const h = await w.handoffs.get(c.id);
    assert.ok(h, `a handoff is open for ${c.id}:\n${c.transcript.join('\n')}`);
    return h;
  };

  /** Nothing is being booked or asked as if the conversation went on without a person. */
  const handedOverAtOnce = (c: Conversation, reason?: 'urgent' | 'requested'): void => {
    assert.ok(c.last.handoff, `handed over at once; the bot said:\n${c.text}`);
    if (reason) assert.equal(c.last.handoff, reason, c.text);
    assert.equal(c.booking, undefined);
    assert.ok(c.awaiting === undefined || c.awaiting === 'text', `nothing more is asked of the booking:\n${c.text}`);
  };

  describe('in Italian', () => {
    it('breakdown on the motorway in the first message → handed over (urgent), with the dealer phone and 112', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('aiuto sono fermo sulla A1 all altezza di modena nord, la macchina nn riparte e ho le quattro frecce accese');
      handedOverAtOnce(c, 'urgent');
      c.said(/112/).said(/059 820 4400/);
    });

    it('name, car and service given, then burning smell + warning light after pulling over → handed over (urgent); the summary keeps Marco Rossi and FX456AB', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Marco Rossi, Ghibli FX456AB, tagliando');
      c.asks('mobility');
      await c.says("scusate ma adesso sento puzza di bruciato e si e accesa la spia del motore, mi sono fermato in una piazzola, che faccio??");
      handedOverAtOnce(c, 'urgent');
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Marco Rossi');
      assert.equal(h.summary.vehicle?.plate, 'FX456AB');
    });

    it('an angry repeat complaint → handed over at once, not booked as a repair; the summary keeps Anna Verdi and GH123KL', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('sono Anna Verdi, levante GH123KL');
      await c.says("è la TERZA volta che vi porto la macchina x lo stesso rumore e nn avete risolto niente!! sono stufa, voglio parlare col responsabile");
      handedOverAtOnce(c);
      c.didNotSay(/Mi racconta di cosa ha bisogno/).didNotSay(/soluzioni di mobilità/);
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Anna Verdi');
      assert.equal(h.summary.vehicle?.plate, 'GH123KL');
    });

    it('"mi fate richiamare dall\'accettazione?" → handed over at once; the summary keeps name, car and work', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('buongiorno sono Franco Neri, la quattroporte FZ321EF deve fare la revisione');
      c.asks('mobility');
      await c.says("guardi ora nn ho tempo, mi fate richiamare dall'accettazione? 333 1234567");
      handedOverAtOnce(c);
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Franco Neri');
      assert.equal(h.summary.vehicle?.plate, 'FZ321EF');
      assert.equal(h.summary.need?.serviceId, 'inspection');
    });

    it('name, plate, work and "preferisco una persona vera" in one message → handed over (requested) with all of it; after the hand-back neither work nor plate nor name is asked again', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says('Sono Giulia Bianchi, Ghibli FX456AB, devo fare il tagliando ma preferisco parlare con una persona vera');
      handedOverAtOnce(c, 'requested');
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Giulia Bianchi');
      assert.equal(h.summary.vehicle?.plate, 'FX456AB');
      assert.equal(h.summary.need?.serviceId, 'maintenance');

      // Giulia, an advisor, hands the conversation back to the bot.
      const handedBack = await w.service.handBack(GIULIA, c.id);
      assert.ok(handedBack.ok);
      const back = w.delivered.at(-1)?.delivery;
      assert.ok(back?.kind === 'bot', 'the bot resumes on the customer\'s channel');
      const asked = back.turn.messages.findLast((m) => m.awaiting)?.awaiting;
      assert.ok(asked && !['service', 'vehicle', 'name'].includes(asked), `after the hand-back nothing given is asked again:\n${back.turn.messages.map((m) => m.text).join('\n')}`);
      await c.says('ok allora mezzi pubblici');
      c.asks('date');
    });

    it('a long rambling message about being rear-ended yesterday → handed over at once; the summary keeps Roberto Sala and GH123KL', async () => {
      const c = await new Conversation(w.engine, 'it').open();
      await c.says("buongiorno allora le spiego, ieri sera tornavo da bologna e al semaforo un tizio mi ha tamponato, la macchina cammina ma il paraurti e tutto rotto e l'altro dice che nn e colpa sua... io ho la levante GH123KL, che devo fare? sono Roberto Sala");
      handedOverAtOnce(c);
      c.didNotSay(/soluzioni di mobilità/);
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Roberto Sala');
      assert.equal(h.summary.vehicle?.plate, 'GH123KL');
    });
  });

  describe('in English', () => {
    it('"car died on the tangenziale, hazards on" → handed over (urgent), with 112', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says('car just died on the tangenziale, hazards on, on the hard shoulder. what do i do???');
      handedOverAtOnce(c, 'urgent');
      c.said(/112/);
    });

    it('an accident at a roundabout, car still drivable → handed over at once, not booked as bodywork', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Tom Baker, Levante GH123KL. someone rear-ended me at a roundabout this morning, the car drives but the bumper is hanging off");
      handedOverAtOnce(c);
      c.didNotSay(/mobility solutions we can offer/);
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Tom Baker');
      assert.equal(h.summary.vehicle?.plate, 'GH123KL');
    });

    it('"is there a real person I can talk to?" after name, car and work → handed over (requested); the summary keeps John Smith, FX456AB and the service', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("hi, I'm John Smith, my Ghibli FX456AB needs its annual service");
      c.asks('mobility');
      await c.says('is there a real person I can talk to?');
      handedOverAtOnce(c, 'requested');
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'John Smith');
      assert.equal(h.summary.vehicle?.plate, 'FX456AB');
      assert.equal(h.summary.need?.serviceId, 'maintenance');
    });

    it('an insurance / legal question from an expat → handed over at once; the summary keeps the name and car', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("Hello, I'm Priya Shah, Grecale GK789CD. The other driver's insurance says they won't pay for the repair and my lawyer asked for your written estimate, who deals with this?");
      handedOverAtOnce(c);
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Priya Shah');
      assert.equal(h.summary.vehicle?.plate, 'GK789CD');
    });

    it('"can reception call me back? driving now" → handed over at once; the summary keeps the name, car and tyres', async () => {
      const c = await new Conversation(w.engine, 'en').open();
      await c.says("I'm Paul Black, Quattroporte FZ321EF, need new tyres");
      c.asks('mobility');
      await c.says("sorry driving now, can reception call me back pls? +39 333 765 4321");
      handedOverAtOnce(c);
      const h = await handoffOf(c);
      assert.equal(h.summary.customerName, 'Paul Black');
      assert.equal(h.summary.vehicle?.plate, 'FZ321EF');
      assert.equal(h.summary.need?.serviceId, 'tyres');
    });
  });
});
