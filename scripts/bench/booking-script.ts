/**
 * What the bench's simulated customers say (pure: no I/O). A customer books a battery
 * replacement: an opening message with name, car and work, then answers what the bot awaits
 * (`channelData.awaiting`), as the strict yardstick's `mc` script does (/work/shared/bench).
 *
 * - `booking`: public transport, a random working-hours time within 80 days; every customer has a
 *   car of their own (a distinct plate), so the dealer's vehicle-overlap rule never refuses them.
 * - `contention`: every customer wants a Maserati courtesy car on one of the same three mornings,
 *   so the few courtesy cars are soon taken: the planning searches alternatives and books the
 *   next solution, under the other customers' feet; offered slots, they take one at random.
 */

export type Scenario = 'booking' | 'contention';

export interface Plan {
  name: string;
  model: string;
  plate: string;
  mobility: string;
  /** The day and time the customer asks for (a new draw at each call). */
  date(): string;
  /** Which of `n` offered slots the customer takes (a booking: the first; under contention: any). */
  choose(n: number): number;
}

const FIRST = ['Marco', 'Giulia', 'Luca', 'Anna', 'Paolo', 'Sara', 'Carlo', 'Elena', 'Davide', 'Chiara', 'Matteo', 'Laura'];
const LAST = ['Rossi', 'Bianchi', 'Verdi', 'Neri', 'Ferri', 'Gallo', 'Conti', 'Greco', 'Marino', 'Costa', 'Rinaldi', 'Lombardi'];
const MODELS = ['Levante', 'Ghibli', 'Grecale', 'Quattroporte', 'MC20', 'GranTurismo'];
const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
/** Letters of Italian plates (no I, O, Q, U). */
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';
const DAY_MS = 86_400_000;

/** Customer `i`'s plate, AA000AA, different for every i below 22⁴ × 1000. */
export function plate(i: number): string {
  const n = LETTERS.length;
  const digits = String(i % 1000).padStart(3, '0');
  let rest = Math.floor(i / 1000);
  const letters: string[] = [];
  for (let k = 0; k < 4; k++) {
    letters.push(LETTERS[rest % n]);
    rest = Math.floor(rest / n);
  }
  return `${letters[3]}${letters[2]}${digits}${letters[1]}${letters[0]}`;
}

function spoken(day: Date, hour: number, half: boolean): string {
  return `il ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} alle ${hour}:${half ? '30' : '00'}`;
}

/** Customer `i` of a scenario, on a day counted from `now`, with `random` for their choices. */
export function planFor(scenario: Scenario, i: number, now: Date, random: () => number): Plan {
  const base = { name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`, model: MODELS[i % MODELS.length], plate: plate(i) };
  if (scenario === 'booking') {
    return {
      ...base,
      mobility: 'vado coi mezzi pubblici',
      choose: () => 0,
      date: () => {
        const day = new Date(now.getTime() + (2 + Math.floor(random() * 78)) * DAY_MS);
        return spoken(day, 9 + Math.floor(random() * 8), random() >= 0.5);
      },
    };
  }
  const mornings = contentionDays(now);
  return {
    ...base,
    mobility: 'auto di cortesia Maserati',
    // Everybody taking the first offer would race for the same slot turn after turn.
    choose: (n) => Math.floor(random() * n),
    date: () => spoken(mornings[Math.floor(random() * mornings.length)], 9 + Math.floor(random() * 3), random() >= 0.5),
  };
}

/** The three weekdays (Monday to Friday) from two weeks after `now`. */
function contentionDays(now: Date): Date[] {
  const days: Date[] = [];
  for (let d = 14; days.length < 3; d++) {
    const day = new Date(now.getTime() + d * DAY_MS);
    if (day.getUTCDay() >= 1 && day.getUTCDay() <= 5) days.push(day);
  }
  return days;
}

export function openingMessage(plan: Plan): string {
  return `Buongiorno, sono ${plan.name}, la ${plan.model} ${plan.plate} deve cambiare la batteria`;
}

/** The answer to the bot's `awaiting` hint (with the values of its suggested actions); null: no way on. */
export function answer(plan: Plan, awaiting: string, choices: string[]): string | null {
  switch (awaiting) {
    case 'name': return plan.name;
    case 'vehicle': return `${plan.model} ${plan.plate}`;
    case 'service': return 'batteria';
    case 'mobility': return plan.mobility;
    case 'date': return plan.date();
    case 'slot': return choices.length ? choices[plan.choose(choices.length)] : plan.date();
    case 'confirm': return 'sì';
    default: return null;
  }
}

/** What a customer sends the echo bot: five messages, as long as a booking's. */
export function echoTexts(plan: Plan): string[] {
  return [openingMessage(plan), plan.mobility, plan.date(), 'sì', 'grazie'];
}
