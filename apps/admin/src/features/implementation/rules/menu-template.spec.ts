import { chosenFor, offeredAt } from './menu-template';

const item = (code: string, handlingTiers: string[], intakeOnlyTiers: string[] = []) =>
  ({ code, standard: { handlingTiers, intakeOnlyTiers } }) as Parameters<typeof offeredAt>[0] & {
    code: string;
  };

describe('menu template items', () => {
  const items = [
    item('A', ['COUNTY', 'TOWNSHIP'], ['VILLAGE']),
    item('B', ['COUNTY']),
    item('C', ['COUNTY'], ['TOWNSHIP']),
  ];

  it('a tier is offered what it may take in or handle', () => {
    expect(offeredAt(items[0], 'VILLAGE')).toBe(true);
    expect(offeredAt(items[1], 'VILLAGE')).toBe(false);
    expect(offeredAt(items[2], 'TOWNSHIP')).toBe(true);
  });

  it('keeps the chosen codes in list order, only those the tier may offer', () => {
    expect(chosenFor(items, ['C', 'B', 'A'], 'TOWNSHIP')).toEqual(['A', 'C']);
    expect(chosenFor(items, ['C', 'B', 'A'], 'VILLAGE')).toEqual(['A']);
  });
});
