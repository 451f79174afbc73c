/**
 * Answers to a customer's questions (#11): a price, the work's cost, the deposit, the documents,
 * the opening hours, the address, what a solution means. Answered from what the machine already
 * has — the offers carry prices, deposits and documents (R3, R4, R8), the quote the downtime and
 * the work's indicative price (R2) — or filled in by the words from the dealer ({{address}},
 * $t(facts.hours)). Nothing is chosen here: the dialogue asks its question again afterwards.
 * @module
 */
import { token } from './choice-tokens';
import type { BookingContext } from './context';
import type { MobilityWish, Offer, SolutionId } from './model';
import { REPLACEMENT_VEHICLES } from './model';
import type { Output, Params } from './output';
import { offerLine, quoteStatements } from './prompts';
import { interpret } from './interpret';
import type { Question, QuestionTopic, Understanding } from './understanding';

/** Topics answered wherever the customer asks them. */
const ANSWERED: QuestionTopic[] = ['price', 'workCost', 'deposit', 'documents', 'conditions', 'hours', 'address', 'meaning', 'offered', 'duration'];
/** Topics whose answer needs the quote (the offers, the downtime, the work's price). */
const NEEDS_QUOTE: QuestionTopic[] = ['price', 'workCost', 'deposit', 'documents', 'conditions', 'offered', 'duration'];

export const isAnswerable = (q: Question | undefined): q is Question => q !== undefined && ANSWERED.includes(q.topic);

const say = (key: string, params?: Params): Output => ({ type: 'say', key, ...(params ? { params } : {}) });
const solutionWord = (s: MobilityWish) => `solution.${s}`;
const isReplacement = (s: SolutionId) => (REPLACEMENT_VEHICLES as readonly string[]).includes(s);

/**
 * What to say to a question, and what to remember: a question that needs the quote before it
 * exists is answered as soon as it does.
 */
export function answer(ctx: BookingContext, q: Question): { say: Output[]; pendingQuestion?: Question } {
  if ([q.topic, ...(q.also ?? [])].some((t) => NEEDS_QUOTE.includes(t)) && !ctx.offers) {
    return { say: [say('answer.later')], pendingQuestion: q };
  }
  return { say: answerNow(ctx, q) };
}

/** The answer with the quote known (or not needed): each topic asked, each thing said once. */
export function answerNow(ctx: BookingContext, q: Question): Output[] {
  const said = new Set<string>();
  return [q.topic, ...(q.also ?? [])]
    .flatMap((topic) => (ANSWERED.includes(topic) ? answerTopic(ctx, { ...q, topic }) : []))
    .filter((o) => {
      const id = JSON.stringify(o);
      return !said.has(id) && !!said.add(id);
    });
}

function answerTopic(ctx: BookingContext, q: Question): Output[] {
  switch (q.topic) {
    case 'hours':
      return [say('answer.hours')];
    case 'address':
      return [say('answer.address')];
    case 'duration':
      return duration(ctx);
    case 'workCost':
      return workCost(ctx, q);
    case 'deposit':
      return deposit(ctx, q);
    case 'documents':
      return documents(ctx, q);
    case 'meaning':
      return (q.solutions ?? []).flatMap((s) => [say(`answer.meaning.${s}`), ...pricesOf(ctx, [s])]);
    case 'offered':
      return offered(ctx, q);
    case 'conditions':
      return [...pricesOf(ctx, subject(ctx, q)), ...documents(ctx, q)];
    case 'price':
    default:
      return price(ctx, q);
  }
}

/** The solutions a question is about: those named, else the one chosen or booked. */
function subject(ctx: BookingContext, q: Question): MobilityWish[] {
  if (q.solutions?.length) return q.solutions;
  const chosen = ctx.booking?.solution ?? ctx.solution ?? ctx.mobility;
  return chosen ? [chosen] : [];
}

/** The offers a wish stands for: "a replacement car" is each kind of replacement car offered. */
function offersOf(ctx: BookingContext, wish: MobilityWish): Offer[] {
  const offers = ctx.offers ?? [];
  return wish === 'replacement' ? offers.filter((o) => isReplacement(o.solution)) : offers.filter((o) => o.solution === wish);
}

function price(ctx: BookingContext, q: Question): Output[] {
  // "how much is the taxi?": that one (and the work, if named too)
  if (q.solutions?.length) return [...pricesOf(ctx, q.solutions), ...(q.service ? workCost(ctx, q) : [])];
  // "quanto costa?" while the options are shown: all of them, with their prices
  const all: Output = { type: 'say', key: 'answer.prices', lines: (ctx.offers ?? []).map(offerLine) };
  if (ctx.lastPrompt?.awaiting === 'mobility') return [all];
  // "how much is it in total?": the solution chosen and the work
  const total = [...pricesOf(ctx, subject(ctx, q)), ...workCost(ctx, q)];
  return total.length ? total : [all];
}

/** Each solution's price in a sentence (per day with the total, per trip with both ways), and its deposit. */
function pricesOf(ctx: BookingContext, solutions: MobilityWish[]): Output[] {
  if (!ctx.offers) return [];
  return solutions.flatMap((wish) => {
    const offers = offersOf(ctx, wish);
    if (offers.length === 0) return wish === 'replacement' ? [] : [say('answer.notOffered', { solution: solutionWord(wish) })];
    return offers.flatMap((o) => [priceOf(ctx, o), ...(o.deposit && !o.free ? [say('answer.deposit.amount', { solution: solutionWord(o.solution), amount: o.deposit.amount })] : [])]);
  });
}

function priceOf(ctx: BookingContext, o: Offer): Output {
  const solution = solutionWord(o.solution);
  if (o.freeBecause) {
    const right = o.freeBecause === 'warranty' || o.freeBecause === 'extension' ? `right.${o.freeBecause}` : o.freeBecause;
    if (!o.value) return say('answer.price.freeBecause', { solution, right });
    // worth per day or per trip, as prices are said; else what it is worth for this visit
    const { per, unit } = o.value;
    return (per === 'day' || per === 'trip') && unit !== undefined
      ? say(`answer.price.freeWorthPer.${per}`, { solution, right, amount: unit })
      : say('answer.price.freeWorth', { solution, right, amount: o.value.amount });
  }
  if (!o.price) return say('answer.price.free', { solution });
  const { amount, per } = o.price;
  if (per === 'day') {
    const count = ctx.downtime?.days ?? 1;
    return say('answer.price.day', { solution, amount, count, total: amount * count });
  }
  if (per === 'trip') {
    // there and back, unless only one leg of pickup & delivery was asked for
    const oneLeg = o.solution === 'pickup-delivery' && (ctx.legs === 'pickup' || ctx.legs === 'delivery');
    const count = oneLeg ? 1 : 2;
    return say('answer.price.trip', { solution, amount, count, total: amount * count });
  }
  return say('answer.price.visit', { solution, amount });
}

/** R2: the work's indicative price, or the advisor confirms it. */
function workCost(ctx: BookingContext, q: Question): Output[] {
  const serviceId = q.service ?? ctx.need?.serviceId;
  if (!serviceId) return [];
  const service = `service.${serviceId}`;
  // the quote is for the work asked for: another job's price is the advisor's to give
  const work = serviceId === ctx.need?.serviceId ? ctx.work : undefined;
  if (work?.covered) return [say('answer.work.covered', { service })];
  if (work?.from) return [say('answer.work.from', { service, amount: work.from })];
  return [say('answer.work.unknown', { service })];
}

function deposit(ctx: BookingContext, q: Question): Output[] {
  const solutions = subject(ctx, q);
  if (solutions.length === 0) {
    const withDeposit = (ctx.offers ?? []).filter((o) => o.deposit && !o.free);
    if (withDeposit.length === 0) return [say('answer.deposit.noneAtAll')];
    return [{
      type: 'say',
      key: 'answer.deposit.list',
      lines: withDeposit.map((o) => ({ key: 'answer.deposit.line', params: { solution: solutionWord(o.solution), amount: o.deposit?.amount } })),
    }];
  }
  return solutions.flatMap((wish) => offersOf(ctx, wish).map((o) =>
    o.deposit && !o.free
      ? say('answer.deposit.amount', { solution: solutionWord(o.solution), amount: o.deposit.amount })
      : say('answer.deposit.none', { solution: solutionWord(o.solution) })));
}

/** R8: the documents for the solution asked about, or those everyone brings and what some add. */
function documents(ctx: BookingContext, q: Question): Output[] {
  const offers = subject(ctx, q).flatMap((wish) => offersOf(ctx, wish));
  if (offers.length > 0) {
    return offers.map((o) => say('answer.documents.for', { solution: solutionWord(o.solution), documents: o.documents }));
  }
  const all = ctx.offers ?? [];
  const common = all.length ? all[0].documents.filter((d) => all.every((o) => o.documents.includes(d))) : [];
  const extra = all
    .map((o) => ({ o, extra: o.documents.filter((d) => !common.includes(d)) }))
    .filter(({ extra }) => extra.length > 0);
  return [
    say('answer.documents.common', { documents: common }),
    ...(extra.length
      ? [{
        type: 'say' as const,
        key: 'answer.documents.extras',
        lines: extra.map(({ o, extra }) => ({ key: 'answer.documents.extra', params: { solution: solutionWord(o.solution), documents: extra } })),
      }]
      : []),
  ];
}

function offered(ctx: BookingContext, q: Question): Output[] {
  return (q.solutions ?? []).flatMap((wish) => offersOf(ctx, wish).length
    ? [say('answer.offered', { solution: solutionWord(wish) }), ...pricesOf(ctx, [wish])]
    : [say('answer.notOffered', { solution: solutionWord(wish) })]);
}

/** R2, said again: how long the car stays (the downtime as the quote first said it). */
function duration(ctx: BookingContext): Output[] {
  return quoteStatements(ctx).filter((o) => o.type === 'say' && o.key.startsWith('downtime.'));
}

/** A question the bot has no answer for: said plainly, with a person a click away. */
export function cannotAnswer(ctx: BookingContext): Output {
  return {
    type: 'ask',
    key: 'answer.unknown',
    awaiting: ctx.lastPrompt?.awaiting ?? 'text',
    choices: [{ key: 'choice.human', value: token.human }],
  };
}

/** The router quotes as soon as the work, the car and the name are known (R1 → R3). */
const quoteComesNow = (ctx: BookingContext) =>
  !!ctx.need && !!(ctx.vehicle?.plate || ctx.vehicle?.vin || ctx.vehicle?.idUnknown) && !!ctx.customerName;

/**
 * Entities a question may carry that are information whatever was asked: the car, the name, an
 * address, and a solution turned down ("too pricey, any other options?" offers them again).
 */
const ALWAYS_TAKEN = ['plate', 'vin', 'badVehicleId', 'model', 'name', 'address', 'change'] as const;

/**
 * One turn with a question: the answer, then what the message also says. A question beside an
 * answer ("is the taxi free? ok then taxi") is applied as any answer; a question alone chooses
 * nothing, but the car or name it names are taken, and so is the work when none was asked yet
 * ("quanto costa un tagliando?" is a need).
 */
export function questionTurn(ctx: BookingContext, u: Understanding, take = true): { outputs: Output[]; patch: Partial<BookingContext> } {
  const q = u.question;
  if (!isAnswerable(q)) return { outputs: [], patch: {} };
  const { say: said, pendingQuestion } = answer(ctx, q);
  if (!take) return { outputs: said, patch: {} };
  const taken: Understanding['entities'] = {};
  if (q.alone) {
    for (const k of ALWAYS_TAKEN) if (u.entities[k] !== undefined) Object.assign(taken, { [k]: u.entities[k] });
    if (!ctx.need && u.entities.service) taken.service = u.entities.service;
  }
  const told = q.alone ? (Object.keys(taken).length ? { ...u, entities: taken } : undefined) : u;
  const { patch, notices } = told ? interpret(ctx, told) : { patch: {}, notices: [] };
  // the same message gave what the quote needs: the answer comes with it, this turn, without a promise
  const now = pendingQuestion && quoteComesNow({ ...ctx, ...patch });
  return {
    outputs: [...(now ? [] : said), ...notices],
    // understood and answered: not a misunderstanding, whatever is still to be asked
    patch: { ...patch, ...(pendingQuestion ? { pendingQuestion } : {}), misunderstandings: 0 },
  };
}
