import { assess, DEFAULT_WEIGHTS, weightsProblem, type AssessedUnit } from './assessment';

const unit = (id: string, values: Partial<AssessedUnit>): AssessedUnit => ({
  id,
  completions: 0,
  completedOnTime: 0,
  openOverdue: 0,
  evaluations: 0,
  satisfied: 0,
  badReviews: 0,
  yellowCards: 0,
  redCards: 0,
  attendanceRate: null,
  ...values,
});

describe('the monthly assessment', () => {
  it('refuses weights that are not whole, out of range, or do not sum to 100', () => {
    expect(weightsProblem(DEFAULT_WEIGHTS)).toBeNull();
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, volume: 21 })).toBe('NOT_100');
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, volume: 20.5, onTime: 29.5 })).toBe('NOT_WHOLE');
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, volume: -10, onTime: 60 })).toBe('OUT_OF_RANGE');
  });

  it('scores each component 0–100 and weighs them, transparently', () => {
    const [best, second] = assess(
      [
        unit('A', { completions: 40, completedOnTime: 40, evaluations: 10, satisfied: 10 }),
        unit('B', {
          completions: 20,
          completedOnTime: 18,
          openOverdue: 2,
          evaluations: 4,
          satisfied: 3,
          badReviews: 1,
          yellowCards: 1,
          attendanceRate: 0.9,
        }),
      ],
      DEFAULT_WEIGHTS,
    );
    expect(best.unit.id).toBe('A');
    expect(best.components).toEqual({
      volume: 100,
      onTime: 100,
      satisfaction: 100,
      badReviews: 100,
      warnings: 100,
      attendance: 100,
    });
    expect(best.score).toBe(100);
    expect(best.candidate).toBe(true);
    expect(second.components).toEqual({
      volume: 50,
      onTime: 81.82,
      satisfaction: 75,
      badReviews: 80,
      warnings: 90,
      attendance: 90,
    });
    // 0.2×50 + 0.3×81.82 + 0.2×75 + 0.1×80 + 0.1×90 + 0.1×90
    expect(second.score).toBe(75.55);
    expect(second.rank).toBe(2);
    expect(second.candidate).toBe(false);
  });

  it('names at most three candidates, none with a red card or bad review', () => {
    const units = ['A', 'B', 'C', 'D'].map((id) =>
      unit(id, { completions: 10, completedOnTime: 10 }),
    );
    units.push(unit('E', { completions: 10, completedOnTime: 10, redCards: 1 }));
    const results = assess(units, DEFAULT_WEIGHTS);
    expect(results.filter((r) => r.candidate)).toHaveLength(3);
    expect(results.find((r) => r.unit.id === 'E')!.candidate).toBe(false);
    expect(results.filter((r) => r.rank === 1)).toHaveLength(4);
  });
});
