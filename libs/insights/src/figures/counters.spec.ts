import type { ApplicationFact } from '@tongban/core';
import { contributions, counterDifference } from './counters';

const SUBMITTED: ApplicationFact = {
  tenantId: 't',
  applicationId: 'a',
  receiptNumber: 'R1',
  itemCode: 'I1',
  itemName: '食品经营许可',
  windowId: 'w',
  completedBy: null,
  status: 'SUBMITTED',
  open: true,
  forwardedIn: false,
  submittedOn: '2026-11-02',
  acceptedOn: null,
  rejectedOn: null,
  completedOn: null,
  acceptanceDays: null,
  handlingDays: null,
  statutoryDays: 20,
  promisedDays: 10,
  promisedDeadline: null,
  onTime: null,
  rating: null,
  ratedOn: null,
  defaultRating: null,
  defaultRatedOn: null,
  yellowOn: null,
  redOn: null,
};

const COMPLETED: ApplicationFact = {
  ...SUBMITTED,
  status: 'COMPLETED',
  open: false,
  acceptedOn: '2026-11-03',
  completedOn: '2026-11-10',
  acceptanceDays: 0.33,
  handlingDays: 5.25,
  onTime: true,
  rating: 2,
  ratedOn: '2026-11-10',
};

describe('counters from an application’s facts', () => {
  it('counts a submission on its day, for its item', () => {
    expect(contributions(SUBMITTED)).toEqual([
      { day: '2026-11-02', itemCode: 'I1', counter: 'submissions', amount: 1 },
    ]);
  });

  it('counts a completed, rated case on the days each thing happened', () => {
    const moves = contributions(COMPLETED);
    const on = (day: string) =>
      Object.fromEntries(moves.filter((m) => m.day === day).map((m) => [m.counter, m.amount]));
    expect(on('2026-11-02')).toEqual({ submissions: 1 });
    expect(on('2026-11-03')).toEqual({
      acceptances: 1,
      acceptedCompleted: 1,
      acceptanceDays: 0.33,
    });
    expect(on('2026-11-10')).toEqual({
      completions: 1,
      completedOnTime: 1,
      handlingDays: 5.25,
      limited: 1,
      statutoryDays: 20,
      promisedDays: 10,
      limitedHandlingDays: 5.25,
      evaluations: 1,
      badReviews: 1,
    });
  });

  it('leaves an on-the-spot case out of the limit averages', () => {
    const onTheSpot = { ...COMPLETED, statutoryDays: null, promisedDays: null, rating: 5 };
    const counters = contributions(onTheSpot).map((m) => m.counter);
    expect(counters).not.toContain('limited');
    expect(counters).not.toContain('statutoryDays');
    expect(counters).toContain('satisfied');
    expect(counters).not.toContain('badReviews');
  });

  it('counts a forwarded case’s intake where it was taken in, not again at its handler', () => {
    const handlersCopy = { ...SUBMITTED, forwardedIn: true };
    expect(contributions(handlersCopy)).toEqual([]);
    expect(contributions({ ...COMPLETED, forwardedIn: true }).map((m) => m.counter)).toContain(
      'completions',
    );
  });

  it('moves the counters by the difference, day and item order, nothing for what stayed', () => {
    expect(counterDifference(null, SUBMITTED)).toEqual([
      { day: '2026-11-02', itemCode: 'I1', moves: { submissions: 1 } },
    ]);
    expect(counterDifference(SUBMITTED, SUBMITTED)).toEqual([]);
    const difference = counterDifference(SUBMITTED, COMPLETED);
    expect(difference.map((d) => d.day)).toEqual(['2026-11-03', '2026-11-10']);
    expect(difference[0].moves).toEqual({
      acceptances: 1,
      acceptedCompleted: 1,
      acceptanceDays: 0.33,
    });
  });

  it('takes back what a changed fact no longer counts (a late rating replaced by none)', () => {
    const unrated = { ...COMPLETED, rating: null, ratedOn: null };
    const difference = counterDifference(COMPLETED, unrated);
    expect(difference).toEqual([
      { day: '2026-11-10', itemCode: 'I1', moves: { evaluations: -1, badReviews: -1 } },
    ]);
  });

  it('keeps sums of working days exact to the hundredth', () => {
    const a = { ...COMPLETED, acceptanceDays: 0.1 };
    const b = { ...COMPLETED, acceptanceDays: 0.3 };
    expect(counterDifference(a, b)[0].moves.acceptanceDays).toBe(0.2);
  });
});
