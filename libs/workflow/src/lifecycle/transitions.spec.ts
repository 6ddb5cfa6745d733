import { ApplicationStatus as S } from './application-status';
import {
  ApplicationAction as A,
  allowedActions,
  mayExtend,
  PauseKind,
  transitionTarget,
} from './transitions';

const handled = { onTheSpot: false, openPause: null };

describe('the state machine of applications (DESIGN.md §4.3)', () => {
  it.each([
    [S.SUBMITTED, A.ACCEPT, S.ACCEPTED],
    [S.SUBMITTED, A.REJECT, S.REJECTED],
    [S.SUBMITTED, A.REQUEST_SUPPLEMENT, S.SUPPLEMENT_REQUESTED],
    [S.SUPPLEMENT_REQUESTED, A.RECEIVE_SUPPLEMENT, S.SUBMITTED],
    [S.ACCEPTED, A.START_REVIEW, S.IN_REVIEW],
    [S.IN_REVIEW, A.SUSPEND, S.SUSPENDED],
    [S.ACCEPTED, A.REQUEST_SUPPLEMENT, S.SUSPENDED],
    [S.IN_REVIEW, A.REQUEST_SUPPLEMENT, S.SUSPENDED],
    [S.IN_REVIEW, A.APPROVE, S.APPROVED],
    [S.IN_REVIEW, A.DENY, S.DENIED],
    [S.APPROVED, A.COMPLETE, S.COMPLETED],
    [S.DENIED, A.COMPLETE, S.COMPLETED],
    [S.SUBMITTED, A.WITHDRAW, S.WITHDRAWN],
    [S.IN_REVIEW, A.WITHDRAW, S.WITHDRAWN],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(transitionTarget(from, action, handled)).toBe(to);
  });

  it('resumes a suspension only by what stopped it', () => {
    const supplement = { onTheSpot: false, openPause: PauseKind.SUPPLEMENT };
    const hearing = { onTheSpot: false, openPause: PauseKind.HEARING };
    expect(transitionTarget(S.SUSPENDED, A.RECEIVE_SUPPLEMENT, supplement)).toBe(S.IN_REVIEW);
    expect(transitionTarget(S.SUSPENDED, A.RESUME, supplement)).toBeNull();
    expect(transitionTarget(S.SUSPENDED, A.RESUME, hearing)).toBe(S.IN_REVIEW);
    expect(transitionTarget(S.SUSPENDED, A.RECEIVE_SUPPLEMENT, hearing)).toBeNull();
  });

  it('takes an on-the-spot item from intake to completion in one act, and never accepts it', () => {
    const onTheSpot = { onTheSpot: true, openPause: null };
    expect(transitionTarget(S.SUBMITTED, A.COMPLETE_ON_THE_SPOT, onTheSpot)).toBe(S.COMPLETED);
    expect(transitionTarget(S.SUBMITTED, A.ACCEPT, onTheSpot)).toBeNull();
    expect(transitionTarget(S.SUBMITTED, A.COMPLETE_ON_THE_SPOT, handled)).toBeNull();
  });

  it('lets a center that only takes an item in neither accept nor complete it', () => {
    const intakeOnly = { onTheSpot: false, intakeOnly: true, openPause: null };
    expect(transitionTarget(S.SUBMITTED, A.ACCEPT, intakeOnly)).toBeNull();
    expect(
      transitionTarget(S.SUBMITTED, A.COMPLETE_ON_THE_SPOT, { ...intakeOnly, onTheSpot: true }),
    ).toBeNull();
    expect(allowedActions(S.SUBMITTED, intakeOnly)).toEqual([
      A.REJECT,
      A.REQUEST_SUPPLEMENT,
      A.WITHDRAW,
      A.FORWARD,
    ]);
  });

  it('forwards only what this center may only take in, and only before anything else', () => {
    const intakeOnly = { onTheSpot: false, intakeOnly: true, openPause: null };
    expect(transitionTarget(S.SUBMITTED, A.FORWARD, intakeOnly)).toBe(S.FORWARDED);
    expect(transitionTarget(S.SUBMITTED, A.FORWARD, handled)).toBeNull();
    expect(transitionTarget(S.SUPPLEMENT_REQUESTED, A.FORWARD, intakeOnly)).toBeNull();
    expect(transitionTarget(S.FORWARDED, A.FORWARD, intakeOnly)).toBeNull();
  });

  it('leaves a forwarded application to its handler until the result comes back', () => {
    const intakeOnly = { onTheSpot: false, intakeOnly: true, openPause: null };
    expect(allowedActions(S.FORWARDED, intakeOnly)).toEqual([]);
    expect(allowedActions(S.RESULT_READY, intakeOnly)).toEqual([A.HAND_BACK]);
    expect(transitionTarget(S.RESULT_READY, A.HAND_BACK, intakeOnly)).toBe(S.COMPLETED);
    expect(transitionTarget(S.APPROVED, A.HAND_BACK, handled)).toBeNull();
  });

  it('allows nothing from an end state, and no withdrawal after a decision', () => {
    for (const status of [S.REJECTED, S.COMPLETED, S.WITHDRAWN]) {
      expect(allowedActions(status, handled)).toEqual([]);
    }
    expect(allowedActions(S.APPROVED, handled)).toEqual([A.COMPLETE]);
    expect(allowedActions(S.DENIED, handled)).toEqual([A.COMPLETE]);
  });

  it('lists every transition of DESIGN.md and no other (the whole table)', () => {
    const table = Object.values(S).flatMap((status) =>
      [
        handled,
        { onTheSpot: true, openPause: null },
        { onTheSpot: false, openPause: PauseKind.SUPPLEMENT },
        { onTheSpot: false, openPause: PauseKind.INSPECTION },
        { onTheSpot: false, intakeOnly: true, openPause: null },
      ].flatMap((context) =>
        allowedActions(status, context).map(
          (action) => `${status} ${action} ${transitionTarget(status, action, context)}`,
        ),
      ),
    );
    expect([...new Set(table)].sort()).toEqual(
      [
        'ACCEPTED REQUEST_SUPPLEMENT SUSPENDED',
        'ACCEPTED START_REVIEW IN_REVIEW',
        'ACCEPTED SUSPEND SUSPENDED',
        'ACCEPTED WITHDRAW WITHDRAWN',
        'APPROVED COMPLETE COMPLETED',
        'DENIED COMPLETE COMPLETED',
        'IN_REVIEW APPROVE APPROVED',
        'IN_REVIEW DENY DENIED',
        'IN_REVIEW REQUEST_SUPPLEMENT SUSPENDED',
        'IN_REVIEW SUSPEND SUSPENDED',
        'IN_REVIEW WITHDRAW WITHDRAWN',
        'RESULT_READY HAND_BACK COMPLETED',
        'SUBMITTED ACCEPT ACCEPTED',
        'SUBMITTED FORWARD FORWARDED',
        'SUBMITTED COMPLETE_ON_THE_SPOT COMPLETED',
        'SUBMITTED REJECT REJECTED',
        'SUBMITTED REQUEST_SUPPLEMENT SUPPLEMENT_REQUESTED',
        'SUBMITTED WITHDRAW WITHDRAWN',
        'SUPPLEMENT_REQUESTED RECEIVE_SUPPLEMENT SUBMITTED',
        'SUPPLEMENT_REQUESTED WITHDRAW WITHDRAWN',
        'SUSPENDED RECEIVE_SUPPLEMENT IN_REVIEW',
        'SUSPENDED RESUME IN_REVIEW',
        'SUSPENDED WITHDRAW WITHDRAWN',
      ].sort(),
    );
  });

  it('extends only while the clock has started and nothing is decided', () => {
    expect(Object.values(S).filter(mayExtend)).toEqual([S.ACCEPTED, S.IN_REVIEW, S.SUSPENDED]);
  });
});
