/**
 * The legs of pickup & delivery told in verbs (R6): "venite a prenderla e poi me la riportate"
 * is both, "can you collect the car from my house?" the collection only, "la porto io, poi me la
 * riportate" the delivery only. Who does a leg matters: "poi la riprendo io" means no delivery.
 * @module
 */
import type { Legs } from '../../../dialogs/model';

const CAR = '(?:la macchina|la vettura|l auto|la mia macchina|la mia auto|la mia vettura|la levante|la ghibli|la grecale)';
const IT_CAR = `(?:la|${CAR})`;

/** We collect the car. */
const COLLECT = new RegExp(
  '(?<![a-z])(?:' +
    [
      `(?:venite|venire|venga|viene|passate|passare|passa|potete|potreste|puoi|potresti|mi venite|mi passate) (?:a )?(?:prender|ritirar)(?:la|e ${CAR}|e la)`,
      `(?:prendete|ritirate|prenderla|ritirarla|prendermela|ritirarmela)(?: voi| ${CAR}| a casa| da casa| in ufficio)`,
      'ritirarla',
      // "la venite a ritirare voi", "venite voi a prenderla", "vorrei che la ritiraste", "ritirate voi" (#12)
      '(?:la |me la |ce la )(?:venite|passate|potete venire|potreste venire|venite voi|passate voi) a (?:prendere|ritirare)',
      '(?:venite|passate|potete venire|potreste venire) voi a (?:prender|ritirar)(?:la|e)',
      '(?:che )?la (?:ritiraste|prendeste|veniste a prendere|passaste a prendere)',
      'ritirate voi',
      // a fifth set of voices (#12): "me la ritirate", "la potete ritirare voi", "che qualcuno la venga a prendere", "collection from our place"
      '(?:la |me la |ce la )(?:ritirate|potete ritirare|potreste ritirare|ritirereste)',
      '(?:la |me la )?(?:veniste|venisse|venga|vengano|venissero) a (?:prender|ritirar)(?:la|e)',
      '(?:prendetela|ritiratela|prendetemela|ritiratemela)',
      '(?:collect|collection|pick ?up) (?:from|at) (?:my|our|the|home|[0-9]{5})',
      'can you collect(?: from| at| it)?', 'you collect', '(?:swing|come|pop) by and (?:grab|get|pick up|collect) it', 'grab it from',
      '(?:take|get) the car (?:at|from) my',
      '(?:pick|picks|picking) (?:it|her|the car|my car|the vehicle) up',
      '(?:pick|picks|picking) up (?:the|my) (?:car|vehicle)',
      '(?:collect|collects|collecting|fetch|fetches|fetching) (?:it|her|the car|my car|the vehicle)',
      '(?:come|comes) (?:and )?(?:get|collect|fetch) (?:it|her|the car|my car)',
      '(?:collect|pick up|fetch) and (?:return|deliver|drop off|bring back)',
      // said in the passive (#12, eighteenth voices): "I'd want it collected from my house", "could it be collected from Castelvetro"
      '(?:it|her|the car|be|have it|get it|want it|need it|like it) collected',
    ].join('|') +
    ')(?![a-z])',
);

/** We bring the car back. */
const RETURN = new RegExp(
  '(?<![a-z])(?:' +
    [
      '(?:me |ce )?la riport[a-z]*',
      'riportar(?:la|mela|cela)',
      'riportatemela|riportatela',
      `riportate ${CAR}`,
      'riconsegnar(?:la|mela)|riconsegnatemela|me la riconsegn[a-z]*',
      'me la (?:consegn|port)[a-z]*',
      '(?:bring|brings|bringing) (?:it|her|the car) back',
      // in the passive (#12, eighteenth voices): "and brought back after", "dropped back to Formigine", "delivered back the next day"
      '(?:brought|dropped|delivered|driven) back',
      '(?:drop|drops|deliver|delivers|take|takes) (?:it|her|the car) back',
      'deliver (?:it|her|the car) (?:to|home)',
      'return (?:it|her|the car)',
      'bring (?:it|her|the car) (?:home|to me|to my)',
      '(?:drop|bring|deliver|take) (?:it|her|the car) (?:off )?(?:at|to) (?:my|our|the) (?:home|house|place|office|work|flat|hotel)',
      '(?:drop|deliver|bring) (?:it|her|the car) (?:off )?home',
      '(?:portar|consegnar|lasciar)(?:la|mela|cela|gliela) (?:a casa|in ufficio|al lavoro|sotto casa)',
      'take (?:it|her|the car) back (?:home|to)',
      'get (?:it|her|the car) back to (?:me|my)',
      '(?:drop|bring) (?:it|her|the car) (?:off |back )?again',
      'back to my (?:house|home|place|office|flat)',
      'consegnate voi', '(?:la )?consegna a domicilio', 'e (?:poi )?(?:me la )?riportate', '(?:and )?return (?:thereafter|afterwards|after|to (?:my|our|the) [a-z]+)', 'and return(?= ?$| please| [a-z]+day| tuesday| monday)', 'la riporti', 'you deliver', 'drop it back', 'and bring back',
    ].join('|') +
    ')(?![a-z])',
);

/** Both legs named as nouns with their articles: "il ritiro e la riconsegna a casa". */
const BOTH_NAMED = /(?<![a-z])(?:ritiro e la (?:ri)?consegna|ritiro e il rientro|pick ?up and (?:the )?(?:return|drop ?off|delivery back))(?![a-z])/;

/** The customer fetches the car from the dealer: no delivery. */
const SELF_PICK = new RegExp(
  '(?<![a-z])(?:' +
    [
      `(?:la |lo )?(?:riprendo|ritiro|recupero|prendo) io`,
      '(?:passo|vengo|verro|passero|vado) io(?: a (?:prenderla|ritirarla|riprenderla))?',
      `(?:la )?(?:vado|vengo|passo) a (?:prendere|ritirare|riprendere|recuperare)(?: ${IT_CAR})?(?: io)?`,
      'poi la (?:riprendo|ritiro|recupero)', '(?:a )?riportarla ci penso io', 'al ritorno ci penso io',
      'i (?:ll|will) (?:pick it up|collect it|come and get it|fetch it|come for it|get it)',
      '(?:pick|collect|get) it (?:up )?(?:myself|from you)',
      'i (?:ll|will|can) (?:get|fetch|collect|pick up) (?:it|the car) (?:back )?(?:myself|later|after)',
      'i (?:ll|will) come (?:and|to) (?:get|collect|pick up|fetch) (?:it|the car)',
      '(?:get|collect|fetch) it back myself',
    ].join('|') +
    ')(?![a-z])',
  'g',
);

/** The customer brings the car in: no collection. */
const SELF_DROP = new RegExp(
  '(?<![a-z])(?:' +
    [
      '(?:la |gliela |ve la )?porto io',
      'porto io (?:la|l)',
      'la (?:porto|lascio) (?:io|da voi)',
      '(?:vengo|passo) io a portarla',
      'i (?:ll|will) (?:drop it off|bring it in|bring it over|drop it)',
      '(?:drop it off|bring it in) myself',
    ].join('|') +
    ')(?![a-z])',
  'g',
);

/**
 * The legs a message tells in verbs, or `undefined`. `pickupDelivery`: the message (or the
 * question) is about pickup & delivery, so "la riprendo io" alone means the collection only.
 */
export function legsInVerbs(norm: string, pickupDelivery: boolean): Legs | undefined {
  const selfPick = SELF_PICK.test(norm);
  SELF_PICK.lastIndex = 0;
  const selfDrop = SELF_DROP.test(norm);
  SELF_DROP.lastIndex = 0;
  const rest = norm.replace(SELF_PICK, (m) => ' '.repeat(m.length)).replace(SELF_DROP, (m) => ' '.repeat(m.length));
  const collect = COLLECT.test(rest);
  const back = RETURN.test(rest);
  if ((collect && back) || BOTH_NAMED.test(rest)) return 'both';
  if (collect) return 'pickup';
  if (back) return 'delivery';
  if (!pickupDelivery) return undefined;
  if (selfPick && !selfDrop) return 'pickup';
  if (selfDrop && !selfPick) return 'delivery';
  return undefined;
}
