import type { ApplicationFact } from '@tongban/core';

/** What insight_counts holds per tenant, day and item, each summed from the facts. */
export const COUNTERS = [
  'consultations',
  'submissions',
  'acceptances',
  'rejections',
  'completions',
  'completedOnTime',
  'acceptedCompleted',
  'acceptanceDays',
  'handlingDays',
  'limited',
  'statutoryDays',
  'promisedDays',
  'limitedHandlingDays',
  'evaluations',
  'satisfied',
  'defaultEvaluations',
  'defaultSatisfied',
  'badReviews',
  'yellowCards',
  'redCards',
] as const;

export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

/** The day field of the facts a counter counts an application on. */
export type FactDay =
  | 'submittedOn'
  | 'acceptedOn'
  | 'rejectedOn'
  | 'completedOn'
  | 'ratedOn'
  | 'defaultRatedOn'
  | 'yellowOn'
  | 'redOn';

/**
 * How an application counts toward one counter: on the day in `day`, when `counts` holds,
 * by `amount` (1 for a case, its working days for a sum). `sql` is the same condition over
 * insight_facts (alias f), for the list of cases behind a number; the e2e test checks that
 * each list's length is the number it is behind.
 */
export interface CounterRule {
  day: FactDay;
  counts: (fact: ApplicationFact) => boolean;
  amount: (fact: ApplicationFact) => number;
  sql: string;
}

const one = () => 1;
const always = () => true;
const withLimits = (f: ApplicationFact) => f.statutoryDays !== null && f.promisedDays !== null;
const LIMITED_SQL = 'f.statutory_days IS NOT NULL AND f.promised_days IS NOT NULL';

/** Every counter an application moves (consultations are counted where they are logged). */
export const APPLICATION_COUNTERS: Record<Exclude<Counter, 'consultations'>, CounterRule> = {
  // A handler's copy of a forwarded case was counted where it was taken in.
  submissions: {
    day: 'submittedOn',
    counts: (f) => !f.forwardedIn,
    amount: one,
    sql: 'NOT f.forwarded_in',
  },
  acceptances: { day: 'acceptedOn', counts: always, amount: one, sql: 'TRUE' },
  rejections: { day: 'rejectedOn', counts: always, amount: one, sql: 'TRUE' },
  completions: { day: 'completedOn', counts: always, amount: one, sql: 'TRUE' },
  completedOnTime: {
    day: 'completedOn',
    counts: (f) => f.onTime === true,
    amount: one,
    sql: 'f.on_time',
  },
  // Completion rate is a cohort's: of those accepted on a day, how many are completed by now.
  acceptedCompleted: {
    day: 'acceptedOn',
    counts: (f) => f.completedOn !== null,
    amount: one,
    sql: 'f.completed_on IS NOT NULL',
  },
  acceptanceDays: {
    day: 'acceptedOn',
    counts: always,
    amount: (f) => f.acceptanceDays ?? 0,
    sql: 'TRUE',
  },
  handlingDays: {
    day: 'completedOn',
    counts: always,
    amount: (f) => f.handlingDays ?? 0,
    sql: 'TRUE',
  },
  limited: { day: 'completedOn', counts: withLimits, amount: one, sql: LIMITED_SQL },
  statutoryDays: {
    day: 'completedOn',
    counts: withLimits,
    amount: (f) => f.statutoryDays ?? 0,
    sql: LIMITED_SQL,
  },
  promisedDays: {
    day: 'completedOn',
    counts: withLimits,
    amount: (f) => f.promisedDays ?? 0,
    sql: LIMITED_SQL,
  },
  limitedHandlingDays: {
    day: 'completedOn',
    counts: withLimits,
    amount: (f) => f.handlingDays ?? 0,
    sql: LIMITED_SQL,
  },
  evaluations: { day: 'ratedOn', counts: always, amount: one, sql: 'TRUE' },
  satisfied: {
    day: 'ratedOn',
    counts: (f) => (f.rating ?? 0) >= 3,
    amount: one,
    sql: 'f.rating >= 3',
  },
  defaultEvaluations: { day: 'defaultRatedOn', counts: always, amount: one, sql: 'TRUE' },
  defaultSatisfied: {
    day: 'defaultRatedOn',
    counts: (f) => (f.defaultRating ?? 0) >= 3,
    amount: one,
    sql: 'f.default_rating >= 3',
  },
  badReviews: {
    day: 'ratedOn',
    counts: (f) => f.rating !== null && f.rating <= 2,
    amount: one,
    sql: 'f.rating <= 2',
  },
  yellowCards: { day: 'yellowOn', counts: always, amount: one, sql: 'TRUE' },
  redCards: { day: 'redOn', counts: always, amount: one, sql: 'TRUE' },
};

/** One move of one counter: on a day, for an item. */
export interface CounterMove {
  day: string;
  itemCode: string;
  counter: Counter;
  amount: number;
}

/** What an application's facts add to the counters. */
export function contributions(fact: ApplicationFact): CounterMove[] {
  const moves: CounterMove[] = [];
  for (const [counter, rule] of Object.entries(APPLICATION_COUNTERS) as [Counter, CounterRule][]) {
    const day = fact[rule.day];
    if (day === null || !rule.counts(fact)) continue;
    const amount = rule.amount(fact);
    if (amount !== 0) moves.push({ day, itemCode: fact.itemCode, counter, amount });
  }
  return moves;
}

/**
 * How the counters move when an application's facts change from `before` (none: new) to
 * `after`: grouped by day and item, in that order (the order rows are locked in), zeros left
 * out.
 */
export function counterDifference(
  before: ApplicationFact | null,
  after: ApplicationFact,
): { day: string; itemCode: string; moves: Partial<Counters> }[] {
  const sums = new Map<string, { day: string; itemCode: string; moves: Partial<Counters> }>();
  const add = (move: CounterMove, sign: 1 | -1) => {
    const key = `${move.day}\u0000${move.itemCode}`;
    const group = sums.get(key) ?? { day: move.day, itemCode: move.itemCode, moves: {} };
    group.moves[move.counter] = roundSum((group.moves[move.counter] ?? 0) + sign * move.amount);
    sums.set(key, group);
  };
  for (const move of before ? contributions(before) : []) add(move, -1);
  for (const move of contributions(after)) add(move, 1);
  return [...sums.values()]
    .map((group) => ({
      ...group,
      moves: Object.fromEntries(
        Object.entries(group.moves).filter(([, amount]) => amount !== 0),
      ) as Partial<Counters>,
    }))
    .filter((group) => Object.keys(group.moves).length > 0)
    .sort((a, b) =>
      a.day === b.day ? (a.itemCode < b.itemCode ? -1 : 1) : a.day < b.day ? -1 : 1,
    );
}

/** Working days carry two decimals: sums stay exact in them. */
function roundSum(value: number): number {
  return Math.round(value * 100) / 100;
}

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTERS.map((counter) => [counter, 0])) as Counters;
}
