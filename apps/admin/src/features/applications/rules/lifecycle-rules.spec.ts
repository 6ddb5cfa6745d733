import { actFormProblems, asksFirst, orderedActions, urgencyOf } from './lifecycle-rules';

describe('lifecycle rules of the admin app', () => {
  it('offers the allowed acts in working order, the next step first', () => {
    expect(orderedActions(['WITHDRAW', 'REJECT', 'ACCEPT', 'REQUEST_SUPPLEMENT'])).toEqual([
      'ACCEPT',
      'REQUEST_SUPPLEMENT',
      'REJECT',
      'WITHDRAW',
    ]);
  });

  it('sends a plain step at once and asks first where a reason, materials or care is needed', () => {
    expect(asksFirst('ACCEPT')).toBe(false);
    expect(asksFirst('COMPLETE')).toBe(false);
    expect(asksFirst('REJECT')).toBe(true);
    expect(asksFirst('REQUEST_SUPPLEMENT')).toBe(true);
    expect(asksFirst('WITHDRAW')).toBe(true);
    // 代办: the station chooses where it goes (the nearest offered first) and notes the handover.
    expect(asksFirst('FORWARD')).toBe(true);
    expect(asksFirst('HAND_BACK')).toBe(true);
  });

  it('puts the station’s own step first: forward what it takes in, hand back what came back', () => {
    expect(orderedActions(['WITHDRAW', 'REJECT', 'FORWARD', 'REQUEST_SUPPLEMENT'])[0]).toBe(
      'FORWARD',
    );
    expect(orderedActions(['HAND_BACK'])).toEqual(['HAND_BACK']);
  });

  it('names what a form lacks before it is sent', () => {
    const empty = { reason: ' ', missingMaterials: [], procedure: null, toTenantId: null };
    expect(actFormProblems('REJECT', empty)).toEqual(['reason']);
    expect(actFormProblems('REQUEST_SUPPLEMENT', empty)).toEqual(['missingMaterials']);
    expect(actFormProblems('SUSPEND', empty)).toEqual(['reason', 'procedure']);
    expect(actFormProblems('APPROVE', empty)).toEqual([]);
  });

  it('reads urgency off the working days left', () => {
    expect(urgencyOf(-0.33)).toBe('overdue');
    expect(urgencyOf(0)).toBe('dueSoon');
    expect(urgencyOf(1)).toBe('dueSoon');
    expect(urgencyOf(1.5)).toBe('onTrack');
    expect(urgencyOf(null)).toBe('waiting');
  });
});
