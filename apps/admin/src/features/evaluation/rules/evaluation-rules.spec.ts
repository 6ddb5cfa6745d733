import {
  isBadRating,
  isOverdue,
  localDateTimeInput,
  RATINGS,
  ratingPageUrl,
  reasonOf,
  tokenFromHash,
} from './evaluation-rules';

const TOKEN =
  '0b8f7c3e-1d2a-4c5b-9e8f-7a6b5c4d3e2f.1c8f7c3e-1d2a-4c5b-9e8f-7a6b5c4d3e2f.' +
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

describe('evaluation rules of the admin app', () => {
  it('offers the five levels best first, 1 and 2 being bad reviews', () => {
    expect(RATINGS).toEqual([5, 4, 3, 2, 1]);
    expect(RATINGS.filter(isBadRating)).toEqual([2, 1]);
  });

  it('reads a link token from the fragment and nothing else', () => {
    expect(tokenFromHash(`#${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash(`#${TOKEN}x`)).toBeNull();
    expect(tokenFromHash('#not-a-token')).toBeNull();
    expect(ratingPageUrl('https://hall.example', TOKEN)).toBe(`https://hall.example/rate#${TOKEN}`);
  });

  it('names the reasons it explains, and no others', () => {
    const refusal = (reason: unknown) => ({ errors: [{ message: 'x', extensions: { reason } }] });
    expect(reasonOf(refusal('NO_CALLBACK'))).toBe('NO_CALLBACK');
    expect(reasonOf(refusal('LINK_EXPIRED'))).toBe('LINK_EXPIRED');
    expect(reasonOf(refusal('SOMETHING_ELSE'))).toBeNull();
    expect(reasonOf(new Error('network'))).toBeNull();
  });

  it('calls a case overdue past its due time only while it is to be rectified', () => {
    const now = new Date('2026-03-24T00:00:00Z');
    expect(isOverdue('OPEN', '2026-03-23T09:30:00Z', now)).toBe(true);
    expect(isOverdue('APPEALED', '2026-03-23T09:30:00Z', now)).toBe(true);
    expect(isOverdue('OPEN', '2026-03-25T09:30:00Z', now)).toBe(false);
    expect(isOverdue('CLOSED', '2026-03-23T09:30:00Z', now)).toBe(false);
  });
});

describe('the callback time field', () => {
  it('shows a moment to the minute in local time, and reads back to the same minute', () => {
    const moment = new Date(2026, 2, 5, 9, 7, 42);
    expect(localDateTimeInput(moment)).toBe('2026-03-05T09:07');
    expect(new Date(localDateTimeInput(moment)).getTime()).toBe(
      new Date(2026, 2, 5, 9, 7).getTime(),
    );
  });
});
