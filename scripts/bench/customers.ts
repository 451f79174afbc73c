/**
 * Simulated customers: each books a battery replacement with a taxi or public transport on its own day
 * and time (working days from December 2026 to February 2027), so the planning never runs out.
 * A customer answers what the bot awaits; the echo bot gets the same messages.
 */
import { DateTime } from 'luxon';

export interface Reply {
  activities: { text?: string; channelData?: { awaiting?: string; booking?: unknown }; suggestedActions?: { actions: { value: string }[] } }[];
}

const FIRST = ['Marco', 'Giulia', 'Luca', 'Anna', 'Paolo', 'Sara', 'Carlo', 'Elena', 'Davide', 'Chiara', 'Matteo', 'Laura'];
const LAST = ['Rossi', 'Bianchi', 'Verdi', 'Neri', 'Ferri', 'Gallo', 'Conti', 'Greco', 'Marino', 'Costa', 'Rinaldi', 'Lombardi', 'Fontana', 'Moretti', 'Barbieri', 'Caruso', 'Esposito'];
const CARS = ['Levante GH123KL', 'Ghibli FX456AB', 'Grecale GK789CD', 'Quattroporte FZ321EF', 'MC20 GA555MM', 'Ghibli GB678RT', 'Levante FY902HS', 'GranCabrio GY508ZB'];
const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const TIMES = ['8:30', '9', '9:30', '10', '10:30', '11', '14', '14:30', '15', '15:30', '16', '16:30'];
const CLOSED = new Set(['2026-12-08', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01', '2027-01-06', '2027-01-31']);

const DAYS: DateTime[] = [];
for (let d = DateTime.fromISO('2026-12-01'); d < DateTime.fromISO('2027-02-27'); d = d.plus({ days: 1 })) {
  if (d.weekday <= 5 && !CLOSED.has(d.toISODate()!)) DAYS.push(d);
}

export interface Customer {
  conversation: string;
  /** The next message given the bot's last reply; undefined when done (booked or gave up). */
  next(last: Reply | undefined, turn: number): { type: string; text?: string } | undefined;
  booked: boolean;
}

/** Customer number `i` (distinct i → distinct day and time). */
export function customer(i: number, conversation: string): Customer {
  const day = DAYS[i % DAYS.length];
  const time = TIMES[Math.floor(i / DAYS.length) % TIMES.length];
  const intro = `Sono ${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}, ${CARS[i % CARS.length]}, cambio batteria`;
  const mobility = i % 2 ? 'prendo un taxi' : 'vado con i mezzi pubblici';
  const date = `il ${day.day} ${MONTHS[day.month - 1]} alle ${time}`;
  const c: Customer = {
    conversation,
    booked: false,
    next(last, turn) {
      if (turn === 0) return { type: 'conversationUpdate' };
      if (last?.activities.some((a) => a.channelData?.booking)) {
        c.booked = true;
        return undefined;
      }
      if (turn > 8) return undefined;
      const awaiting = last?.activities.findLast((a) => a.channelData?.awaiting)?.channelData?.awaiting;
      if (awaiting === 'slot') return { type: 'message', text: 'slot:1' };
      if (awaiting === 'confirm') return { type: 'message', text: 'yes' };
      if (awaiting === 'mobility') return { type: 'message', text: mobility };
      if (awaiting === 'date') return { type: 'message', text: date };
      return { type: 'message', text: [intro, mobility, date, 'yes'][Math.min(turn - 1, 3)] };
    },
  };
  return c;
}

/** The echo bot's customer: the same five messages (join, intro, mobility, date, yes), whatever the replies. */
export function echoCustomer(i: number, conversation: string): Customer {
  const script = customer(i, conversation);
  const c: Customer = {
    conversation,
    booked: false,
    next(_last, turn) {
      if (turn < 5) return script.next(undefined, turn);
      c.booked = true;
      return undefined;
    },
  };
  return c;
}
