/**
 * Template items (#12): facts (name, vehicle, work, day, mobility) in everyday words, combined into
 * booking messages and one-fact answers; the filler words get the voices of lib.ts, the words that
 * carry an entity keep their meaning (a person reads them the same way).
 * @module
 */
import { D, type Ent, fillerVoice, messageVoice, type Rng, type Tagged } from './lib';

type Fact = [text: string, ent: Ent, tag?: string];
type Lang = 'it' | 'en';

const M = { lev: 'Levante', ghi: 'Ghibli', gre: 'Grecale', qp: 'Quattroporte', mc: 'MC20', gt: 'GranTurismo', gc: 'GranCabrio', gf: 'Grecale Folgore' };

const NAMES: Record<Lang, [say: string, gold: string, tag?: string][]> = {
  it: [
    ['Marco Bellini', 'Marco Bellini'], ['giulia ferraresi', 'Giulia Ferraresi'], ['Stefano Gallo', 'Stefano Gallo'], ['Chiara Montanari', 'Chiara Montanari'],
    ['roberto casadei', 'Roberto Casadei'], ['Elena Vitali', 'Elena Vitali'], ['Davide Lombardi', 'Davide Lombardi'], ['Federica Neri', 'Federica Neri'],
    ["Luca D'Amico", "Luca D'Amico", 'apostrophe'], ["Anna Dell'Acqua", "Anna Dell'Acqua", 'apostrophe'], ["Aoife O'Connor", "Aoife O'Connor", 'foreign'],
    ['Maria Rossi-Bianchi', 'Maria Rossi-Bianchi', 'hyphen'], ['Jean-Pierre Dubois', 'Jean-Pierre Dubois', 'foreign'], ['Hans Müller', 'Hans Müller', 'foreign'],
    ['Olena Kovalenko', 'Olena Kovalenko', 'foreign'], ['Mohamed El Amrani', 'Mohamed El Amrani', 'foreign'], ['Sophie Laurent', 'Sophie Laurent', 'foreign'],
    ['Colombo Andrea', 'Colombo Andrea', 'surname-first'], ['Ferretti Paola', 'Ferretti Paola', 'surname-first'], ['dottor Franco Esposito', 'Franco Esposito', 'title'],
    ['avvocato Lucia Ferri', 'Lucia Ferri', 'title'], ['ing. Paolo Greco', 'Paolo Greco', 'title'], ['dott.ssa Carla Benassi', 'Carla Benassi', 'title'],
    ['De Santis Matteo', 'De Santis Matteo', 'surname-first'], ['giovanni de rosa', 'Giovanni De Rosa'], ['Piotr Nowak', 'Piotr Nowak', 'foreign'],
  ],
  en: [
    ['Sarah Collins', 'Sarah Collins'], ['james walker', 'James Walker'], ['Tom Hughes', 'Tom Hughes'], ['Emily Clarke', 'Emily Clarke'],
    ['daniel wright', 'Daniel Wright'], ['Laura Bennett', 'Laura Bennett'], ["Sean O'Brien", "Sean O'Brien", 'apostrophe'], ["Mary-Kate O'Neill", "Mary-Kate O'Neill", 'hyphen'],
    ['Anna-Lena Schmidt', 'Anna-Lena Schmidt', 'hyphen'], ['Giuseppe Ricci', 'Giuseppe Ricci', 'foreign'], ['Francesca Moretti', 'Francesca Moretti', 'foreign'],
    ['Dr. Alan Fisher', 'Alan Fisher', 'title'], ['Mr Peter Hall', 'Peter Hall', 'title'], ['Mrs Jane Cooper', 'Jane Cooper', 'title'],
    ['Yuki Tanaka', 'Yuki Tanaka', 'foreign'], ['Ahmed Hassan', 'Ahmed Hassan', 'foreign'], ['Priya Sharma', 'Priya Sharma', 'foreign'],
    ['Wilson Mark', 'Wilson Mark', 'surname-first'], ['Rossi Marco', 'Rossi Marco', 'surname-first'], ['lucas van dijk', 'Lucas Van Dijk', 'foreign'],
    ['Chloe Dubois', 'Chloe Dubois', 'foreign'], ['Michael Brown', 'Michael Brown'],
  ],
};
const NAME_FRAMES: Record<Lang, string[]> = {
  it: ['sono {N}', 'mi chiamo {N}', '{N} qui', 'sn {N}', 'prenotate a nome {N}', 'a nome di {N}', 'vi scrive {N}', 'sono {N}, buongiorno'],
  en: ['this is {N}', 'my name is {N}', '{N} here', "it's {N}", 'book it under {N}', 'name is {N}', 'im {N}', 'put it under {N} please'],
};

const PLATES: [string, string][] = [
  ['FK 482 LM', 'FK482LM'], ['ge771pt', 'GE771PT'], ['GL908RT', 'GL908RT'], ['fz 310 ab', 'FZ310AB'], ['GA-555-XY', 'GA555XY'], ['EY 204 KD', 'EY204KD'],
  ['gb 619 ns', 'GB619NS'], ['FV123HJ', 'FV123HJ'], ['GD 870 ZT', 'GD870ZT'], ['fx-042-mm', 'FX042MM'],
];
const MODEL_SAY: [string, string][] = [
  ['levante', M.lev], ['Levante', M.lev], ['ghibli', M.ghi], ['Ghibli', M.ghi], ['grecale', M.gre], ['Grecale', M.gre], ['quattroporte', M.qp],
  ['mc20', M.mc], ['MC20', M.mc], ['granturismo', M.gt], ['gran turismo', M.gt], ['grancabrio', M.gc], ['grecale folgore', M.gf], ['gibli', M.ghi], ['grekale', M.gre],
];
const VEH_FRAMES: Record<Lang, string[]> = {
  it: ['la mia {M}', 'ho una {M}', 'è una {M}', '{M} targa {P}', 'targa {P}', 'la {M} {P}', 'x la {M}', 'la macchina è una {M}'],
  en: ['my {M}', 'i have a {M}', "it's a {M}", '{M} reg {P}', 'reg {P}', 'the {M}, {P}', 'for the {M}', 'car is a {M}'],
};

const SERVICES: Record<Lang, Fact[]> = {
  it: [
    ['tagliando', { service: 'maintenance' }], ['devo fare il tagliando', { service: 'maintenance' }], ['tagliando annuale', { service: 'maintenance' }],
    ['il cambio olio', { service: 'maintenance' }], ['la manutenzione ordinaria', { service: 'maintenance' }], ['il tagliando programmato', { service: 'maintenance' }],
    ['cambio gomme', { service: 'tyres' }], ['devo montare le invernali', { service: 'tyres' }], ['rimettere le gomme estive', { service: 'tyres' }],
    ['ho una gomma a terra', { service: 'tyres' }], ['le gomme sono lisce', { service: 'tyres' }],
    ['quando freno sento un fischio', { service: 'brakes' }, 'symptom'], ['i freni stridono', { service: 'brakes' }, 'symptom'], ['pastiglie dei freni da cambiare', { service: 'brakes' }],
    ['frenando sento un rumore metallico', { service: 'brakes' }, 'symptom'],
    ['mi hanno strisciato la portiera in un parcheggio', { service: 'bodywork' }, 'symptom'], ['ho un bozzo sul parafango', { service: 'bodywork' }, 'symptom'],
    ['graffio sul paraurti', { service: 'bodywork' }, 'symptom'], ['carrozzeria da sistemare', { service: 'bodywork' }],
    ['parabrezza scheggiato', { service: 'glass' }, 'symptom'], ['mi è partito un sasso sul parabrezza', { service: 'glass' }, 'symptom'], ['crepa sul vetro davanti', { service: 'glass' }, 'symptom'],
    ["l'aria condizionata butta aria calda", { service: 'air-conditioning' }, 'symptom'], ['il clima non rinfresca', { service: 'air-conditioning' }, 'symptom'], ['ricarica del condizionatore', { service: 'air-conditioning' }],
    ['la batteria è a terra', { service: 'battery' }, 'symptom'], ['batteria da cambiare', { service: 'battery' }],
    ['si è accesa una spia sul cruscotto', { service: 'diagnosis' }, 'symptom'], ['spia motore accesa', { service: 'diagnosis' }, 'symptom'], ['una spia gialla accesa', { service: 'diagnosis' }, 'symptom'],
    ['fa un rumore strano dal motore', { service: 'diagnosis' }, 'symptom'], ['vibra il volante in autostrada', { service: 'diagnosis' }, 'symptom'],
    ['la revisione', { service: 'inspection' }], ['mi scade la revisione', { service: 'inspection' }],
    ['il richiamo che mi è arrivato per lettera', { service: 'recall' }], ['riparazione in garanzia', { service: 'warranty-repair' }],
    ['si è rotta la frizione', { service: 'repair' }], ['lavaggio completo e lucidatura', { service: 'detailing' }], ['rimappatura centralina', { service: 'tuning' }],
  ],
  en: [
    ['a service', { service: 'maintenance' }], ['needs its annual service', { service: 'maintenance' }], ['oil change', { service: 'maintenance' }],
    ['due for a service', { service: 'maintenance' }], ['routine maintenance', { service: 'maintenance' }], ['scheduled service', { service: 'maintenance' }],
    ['tyre change', { service: 'tyres' }], ['winter tyres fitted', { service: 'tyres' }], ['got a flat tyre', { service: 'tyres' }], ['new tires', { service: 'tyres' }],
    ['tyres are bald', { service: 'tyres' }],
    ['squealing noise when i brake', { service: 'brakes' }, 'symptom'], ['grinding when braking', { service: 'brakes' }, 'symptom'], ['brake pads need replacing', { service: 'brakes' }],
    ['brakes are making a noise', { service: 'brakes' }, 'symptom'],
    ['someone scratched it in a car park', { service: 'bodywork' }, 'symptom'], ['dent in the rear door', { service: 'bodywork' }, 'symptom'], ['scuffed bumper', { service: 'bodywork' }, 'symptom'],
    ['bodywork repair', { service: 'bodywork' }],
    ['chipped windscreen', { service: 'glass' }, 'symptom'], ['stone chip on the windshield', { service: 'glass' }, 'symptom'], ['crack in the windscreen', { service: 'glass' }, 'symptom'],
    ['AC is blowing warm air', { service: 'air-conditioning' }, 'symptom'], ['air con not cooling', { service: 'air-conditioning' }, 'symptom'], ['aircon regas', { service: 'air-conditioning' }],
    ['battery is flat', { service: 'battery' }, 'symptom'], ['new battery', { service: 'battery' }],
    ['a warning light came on', { service: 'diagnosis' }, 'symptom'], ['engine light is on', { service: 'diagnosis' }, 'symptom'], ['orange light on the dash', { service: 'diagnosis' }, 'symptom'],
    ['weird noise from the engine', { service: 'diagnosis' }, 'symptom'], ['steering wheel shakes at speed', { service: 'diagnosis' }, 'symptom'],
    ['the MOT', { service: 'inspection' }], ['MOT is due', { service: 'inspection' }],
    ['recall letter came in the post', { service: 'recall' }], ['warranty repair', { service: 'warranty-repair' }],
    ['clutch has gone', { service: 'repair' }], ['full valet', { service: 'detailing' }], ['ECU remap', { service: 'tuning' }],
  ],
};

const DATES: Record<Lang, Fact[]> = {
  it: [
    ['domani', { date: D.tom }], ['domani mattina', { date: D.tom, part: 'morning' }], ['dopodomani', { date: D.dat }], ['martedì', { date: D.tue }],
    ['mercoledi pomeriggio', { date: D.wed, part: 'afternoon' }], ['giovedì alle 10', { date: D.thu, time: '10:00' }], ['venerdi verso le 9 e mezza', { date: D.fri, time: '09:30' }],
    ['lunedì prossimo', { date: D.mon }], ['la settimana prossima martedì', { date: D.nw.tue }, 'next-week-weekday'], ['giovedì della settimana prossima', { date: D.nw.thu }, 'next-week-weekday'],
    ['martedì 8', { date: D.nw.tue }, 'weekday-day'], ['venerdì 11 alle 9', { date: D.nw.fri, time: '09:00' }, 'weekday-day'], ['giovedì 17', { date: D.w2.thu }, 'weekday-day'],
    ['tra due settimane di venerdì', { date: D.w2.fri }, 'in-n-weeks'], ['il 9 dicembre alle 14:30', { date: '2026-12-09', time: '14:30' }], ['il 10/12 di mattina', { date: '2026-12-10', part: 'morning' }],
    ['verso metà mese', { date: D.midMonth }, 'mid-month'], ['giovedì prima di pranzo', { date: D.thu, part: 'morning' }, 'lunch'], ['mercoledì dopo pranzo', { date: D.wed, part: 'afternoon' }, 'lunch'],
    ['domani a mezzogiorno', { date: D.tom, time: '12:00' }, 'noon'], ['venerdì alle 9.30', { date: D.fri, time: '09:30' }, 'dotted-time'], ['martedì di prima mattina', { date: D.tue, part: 'morning' }, 'first-thing'],
    ['il 15', { date: '2026-12-15' }], ['sabato mattina', { date: D.sat, part: 'morning' }], ['il 14 dicembre', { date: '2026-12-14' }], ['lunedì 14 alle 8 e mezza', { date: D.w2.mon, time: '08:30' }, 'weekday-day'],
    ['martedì dopo il prossimo', { date: D.nw.tue }, 'tuesday-after-next'], ['dopodomani nel pomeriggio', { date: D.dat, part: 'afternoon' }], ['il 12 gennaio', { date: '2027-01-12' }],
    ['prima possibile', { asap: true }], ['appena potete', { asap: true }, 'asap-loose'], ['quanto prima', { asap: true }], ['il prima che potete', { asap: true }, 'asap-loose'],
  ],
  en: [
    ['tomorrow', { date: D.tom }], ['tomorrow morning', { date: D.tom, part: 'morning' }], ['day after tomorrow', { date: D.dat }], ['tuesday', { date: D.tue }],
    ['wednesday afternoon', { date: D.wed, part: 'afternoon' }], ['thursday at 10', { date: D.thu, time: '10:00' }], ['friday around half nine', { date: D.fri, time: '09:30' }],
    ['next monday', { date: D.mon }], ['next week on tuesday', { date: D.nw.tue }, 'next-week-weekday'], ['thursday next week', { date: D.nw.thu }, 'next-week-weekday'],
    ['tue 8th', { date: D.nw.tue }, 'weekday-day'], ['friday the 11th at 9', { date: D.nw.fri, time: '09:00' }, 'weekday-day'], ['thursday 17th', { date: D.w2.thu }, 'weekday-day'],
    ['in two weeks on friday', { date: D.w2.fri }, 'in-n-weeks'], ['9 december at 2.30pm', { date: '2026-12-09', time: '14:30' }, 'dotted-time'], ['10/12 in the morning', { date: '2026-12-10', part: 'morning' }],
    ['mid-month', { date: D.midMonth }, 'mid-month'], ['thursday before lunch', { date: D.thu, part: 'morning' }, 'lunch'], ['wednesday after lunch', { date: D.wed, part: 'afternoon' }, 'lunch'],
    ['tomorrow at noon', { date: D.tom, time: '12:00' }, 'noon'], ['friday at 9.30', { date: D.fri, time: '09:30' }, 'dotted-time'], ['first thing tuesday morning', { date: D.tue, part: 'morning' }, 'first-thing'],
    ['on the 15th', { date: '2026-12-15' }], ['saturday morning', { date: D.sat, part: 'morning' }], ['14 december', { date: '2026-12-14' }], ['monday 14th at 8:30', { date: D.w2.mon, time: '08:30' }, 'weekday-day'],
    ['the tuesday after next', { date: D.nw.tue }, 'tuesday-after-next'], ['day after tomorrow in the afternoon', { date: D.dat, part: 'afternoon' }], ['12 january', { date: '2027-01-12' }],
    ['asap', { asap: true }], ['as soon as you can', { asap: true }, 'asap-loose'], ['earliest you have', { asap: true }, 'asap-loose'], ['as soon as possible', { asap: true }],
  ],
};

const PD = 'pickup-delivery';
const MOBS: Record<Lang, Fact[]> = {
  it: [
    ["mi serve un'auto di cortesia", { mobility: 'replacement' }], ['mi serve una macchina sostitutiva', { mobility: 'replacement' }], ['avrei bisogno di una macchina nel frattempo', { mobility: 'replacement' }],
    ['una maserati di cortesia se possibile', { mobility: 'courtesy-car-brand' }, 'brand-vs-generic'], ["va bene anche un'auto di un'altra marca", { mobility: 'courtesy-car-other' }, 'brand-vs-generic'],
    ['vorrei una macchina a noleggio', { mobility: 'rental-car' }], ['mi serve un noleggio', { mobility: 'rental-car' }],
    ['potete venire a prenderla a casa?', { mobility: PD, legs: 'pickup' }, 'legs-in-verbs'], ['me la riportate a casa quando è pronta?', { mobility: PD, legs: 'delivery' }, 'legs-in-verbs'],
    ['venite a prenderla e poi me la riportate', { mobility: PD, legs: 'both' }, 'legs-in-verbs'], ['ritiro e riconsegna a domicilio', { mobility: PD, legs: 'both' }],
    ['mi chiamate un taxi?', { mobility: 'taxi' }], ['poi prendo un taxi', { mobility: 'taxi' }],
    ['mi accompagna qualcuno di voi a casa?', { mobility: 'staff-shuttle' }, 'everyday-mobility'], ['uno dei vostri ragazzi mi dà un passaggio?', { mobility: 'staff-shuttle' }, 'everyday-mobility'],
    ['torno in treno', { mobility: 'public-transport' }, 'everyday-mobility'], ['prendo il pullman', { mobility: 'public-transport' }, 'everyday-mobility'], ['torno con la metro', { mobility: 'public-transport' }, 'everyday-mobility'],
    ['torno a piedi, abito vicino', { mobility: 'none' }, 'everyday-mobility'], ['mi viene a prendere un collega', { mobility: 'none' }, 'everyday-mobility'], ['aspetto in sede', { mobility: 'none' }],
    ['non mi serve niente x tornare', { mobility: 'none' }],
  ],
  en: [
    ['i need a courtesy car', { mobility: 'replacement' }], ['need a replacement car', { mobility: 'replacement' }], ["i'll need a car in the meantime", { mobility: 'replacement' }],
    ['a maserati if possible', { mobility: 'courtesy-car-brand' }, 'brand-vs-generic'], ['any other brand of courtesy car is fine', { mobility: 'courtesy-car-other' }, 'brand-vs-generic'],
    ["i'd like a rental car", { mobility: 'rental-car' }], ['need a hire car', { mobility: 'rental-car' }],
    ['can you come and get it from my house?', { mobility: PD, legs: 'pickup' }, 'legs-in-verbs'], ['can you drop it back at mine when its done?', { mobility: PD, legs: 'delivery' }, 'legs-in-verbs'],
    ['pick it up and bring it back please', { mobility: PD, legs: 'both' }, 'legs-in-verbs'], ['collection and delivery', { mobility: PD, legs: 'both' }],
    ['can you call me a taxi?', { mobility: 'taxi' }], ["i'll grab a cab", { mobility: 'taxi' }],
    ['could one of your staff give me a lift home?', { mobility: 'staff-shuttle' }, 'everyday-mobility'], ['can someone from the dealership drive me back?', { mobility: 'staff-shuttle' }, 'everyday-mobility'],
    ["i'll get the train", { mobility: 'public-transport' }, 'everyday-mobility'], ["i'll take the coach", { mobility: 'public-transport' }, 'everyday-mobility'], ['bus is fine for me', { mobility: 'public-transport' }, 'everyday-mobility'],
    ["i'll walk home, i live close", { mobility: 'none' }, 'everyday-mobility'], ['a colleague will give me a lift', { mobility: 'none' }, 'everyday-mobility'], ["i'll wait at the dealership", { mobility: 'none' }],
    ["don't need anything to get back", { mobility: 'none' }],
  ],
};

const LEADS: Record<Lang, string[]> = {
  it: ['', '', 'buongiorno', 'ciao', 'salve', 'buonasera', 'buongiorno, vorrei prenotare', 'vorrei un appuntamento', 'devo portare la macchina in officina', 'ciao ragazzi', 'salve, scrivo per un appuntamento', 'bgiorno'],
  en: ['', '', 'hi', 'hello', 'good morning', 'hey', "hi, i'd like to book", 'i need an appointment', 'need to bring the car in', 'morning', 'hello, writing to book', 'hiya'],
};
const JOINS = [', ', ', ', '. ', ' - ', ', ', ' '];

function fill(r: Rng, frame: string, map: Record<string, string>) {
  return frame.replace(/\{(\w)\}/g, (_, k) => map[k]);
}

function nameFact(r: Rng, lang: Lang): Fact {
  const [say, gold, tag] = r.pick(NAMES[lang]);
  return [fill(r, r.pick(NAME_FRAMES[lang]), { N: say }), { name: gold }, tag ? `name-${tag}` : 'name'];
}
function vehicleFact(r: Rng, lang: Lang, withPlate: boolean): Fact {
  const frames = VEH_FRAMES[lang].filter((f) => f.includes('{P}') === withPlate);
  const f = r.pick(frames);
  const [ms, model] = r.pick(MODEL_SAY);
  const [ps, plate] = r.pick(PLATES);
  const ent: Ent = {};
  if (f.includes('{M}')) ent.model = model;
  if (f.includes('{P}')) ent.plate = plate;
  return [fill(r, f, { M: ms, P: ps }), ent];
}

function assemble(r: Rng, lang: Lang, lead: string, facts: Fact[]): { text: string; ent: Ent; tags: string[] } {
  const tags: string[] = [];
  const ent: Ent = {};
  const parts: string[] = [];
  if (lead) {
    const v = fillerVoice(r, lang, lead);
    parts.push(v.text);
    tags.push(...v.tags);
  }
  for (const [t, e, tag] of facts) {
    parts.push(t);
    Object.assign(ent, e);
    if (tag) tags.push(tag);
  }
  let text = parts[0] ?? '';
  for (const p of parts.slice(1)) text += r.pick(JOINS) + p;
  const mv = messageVoice(r, text);
  tags.push(...mv.tags);
  if (facts.length >= 3) tags.push('several-facts');
  return { text: mv.text, ent, tags };
}

/** Booking messages: a need with zero to four more facts. */
function bookings(r: Rng, lang: Lang, n: number): Tagged[] {
  const out: Tagged[] = [];
  for (let i = 0; i < n; i++) {
    const facts: Fact[] = [];
    if (r.chance(0.3)) facts.push(nameFact(r, lang));
    if (r.chance(0.5)) facts.push(vehicleFact(r, lang, r.chance(0.4)));
    facts.push(r.pick(SERVICES[lang]));
    if (r.chance(0.5)) facts.push(r.pick(DATES[lang]));
    if (r.chance(0.35)) facts.push(r.pick(MOBS[lang]));
    const ordered = r.chance(0.3) ? r.shuffle(facts) : facts;
    const a = assemble(r, lang, r.pick(LEADS[lang]), ordered);
    out.push({ text: a.text, intent: 'book', entities: a.ent, origin: 'template', tags: ['template-booking', ...a.tags] });
  }
  return out;
}

const ANSWER_FRAMES: Record<Lang, Record<string, string[]>> = {
  it: {
    date: ['{X}', '{X}', '{X} se si può', 'facciamo {X}', 'x me va bene {X}', 'io potrei {X}', '{X} andrebbe bene?', 'meglio {X}', 'allora {X}', 'cmq {X}'],
    mobility: ['{X}', '{X}', 'allora {X}', 'guardi, {X}', 'mah, {X}', 'ok {X}', '{X} grazie'],
    service: ['{X}', '{X}', 'allora, {X}', 'niente di che, {X}', 'guardi {X}'],
    vehicle: ['{X}', '{X}', 'allora {X}', 'si {X}'],
    name: ['{X}', '{X}', 'ok, {X}'],
  },
  en: {
    date: ['{X}', '{X}', '{X} if possible', "let's say {X}", '{X} works for me', 'i could do {X}', 'would {X} work?', '{X} is best for me', 'ok {X}', '{X} pls'],
    mobility: ['{X}', '{X}', 'ok {X}', 'hmm, {X}', 'right, {X}', '{X} thanks'],
    service: ['{X}', '{X}', 'well {X}', 'nothing major, {X}', 'basically {X}'],
    vehicle: ['{X}', '{X}', 'ok {X}', 'yeah {X}'],
    name: ['{X}', '{X}', 'sure, {X}'],
  },
};

function answers(r: Rng, lang: Lang, awaiting: string, n: number, source: () => Fact): Tagged[] {
  const out: Tagged[] = [];
  for (let i = 0; i < n; i++) {
    const [t, e, tag] = source();
    const frame = r.pick(ANSWER_FRAMES[lang][awaiting]);
    const [pre, post] = frame.split('{X}');
    const vp = fillerVoice(r, lang, pre);
    const vq = fillerVoice(r, lang, post);
    const mv = messageVoice(r, vp.text + t + vq.text);
    out.push({
      text: mv.text, awaiting, intent: 'inform', entities: { ...e }, origin: 'template',
      tags: [`template-answer-${awaiting}`, ...(tag ? [tag] : []), ...vp.tags, ...vq.tags, ...mv.tags, ...(pre || post ? [] : ['one-fact-answer'])],
    });
  }
  return out;
}

const CORRECTION_LEADS: Record<Lang, string[]> = {
  it: ['anzi', 'no scusa,', 'mi correggo,', 'no aspetta,', 'cambio idea:', 'ops, anzi', 'scusate, meglio'],
  en: ['actually', 'sorry, i meant', 'no wait,', 'change of plan:', 'scratch that,', 'oops, actually', 'on second thoughts'],
};
function corrections(r: Rng, lang: Lang, n: number): Tagged[] {
  const out: Tagged[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r.pick(['date', 'date', 'mobility', 'vehicle'] as const);
    const [t, e, tag] = kind === 'date' ? r.pick(DATES[lang].filter(([, x]) => !x.asap)) : kind === 'mobility' ? r.pick(MOBS[lang]) : vehicleFact(r, lang, true);
    const lead = r.pick(CORRECTION_LEADS[lang]);
    const mv = messageVoice(r, `${lead} ${t}`);
    out.push({ text: mv.text, awaiting: 'confirm', intent: 'correction', entities: { ...e }, origin: 'template', tags: ['template-correction', ...(tag ? [tag] : []), ...mv.tags] });
  }
  return out;
}

const POSTCODES: Record<Lang, [string, string][]> = {
  it: [['via Emilia Est 120, 41122 Modena', '41122'], ['viale Ceccarini 8 47838 Riccione', '47838'], ['via Garibaldi 3, 10122 torino', '10122'], ['piazza Grande 1 41121 modena', '41121'],
    ['via dei Mille 22, 40121 Bologna', '40121'], ['corso Buenos Aires 40 20124 Milano', '20124'], ["via dell'Artigianato 5, 42124 Reggio Emilia", '42124'], ['via Roma 77 00184 roma', '00184']],
  en: [['via Emilia Est 120, 41122 Modena', '41122'], ['8 viale Ceccarini, 47838 Riccione', '47838'], ['via Garibaldi 3, 10122 Turin', '10122'], ['piazza Grande 1, 41121 modena', '41121'],
    ['22 via dei Mille 40121 Bologna', '40121'], ['corso Buenos Aires 40, 20124 Milan', '20124'], ['flat 3, via Nazionale 10, 00184 Rome', '00184'], ['via Verdi 9 43121 parma', '43121']],
};

/** All the template items of a language, deterministic for a seed. */
export function templateItems(r: Rng, lang: Lang): Tagged[] {
  const out: Tagged[] = [];
  out.push(...bookings(r, lang, 360));
  out.push(...answers(r, lang, 'date', 170, () => r.pick(DATES[lang])));
  out.push(...answers(r, lang, 'mobility', 120, () => r.pick(MOBS[lang])));
  out.push(...answers(r, lang, 'service', 75, () => r.pick(SERVICES[lang])));
  out.push(...answers(r, lang, 'vehicle', 65, () => vehicleFact(r, lang, r.chance(0.6))));
  out.push(...answers(r, lang, 'name', 65, () => nameFact(r, lang)));
  out.push(...corrections(r, lang, 55));
  for (const [t, pc] of POSTCODES[lang]) {
    out.push({ text: t, awaiting: 'address', intent: 'inform', entities: { postcode: pc }, origin: 'template', tags: ['template-address'] });
  }
  return out;
}
