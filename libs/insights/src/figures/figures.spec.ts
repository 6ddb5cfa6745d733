import { zeroCounters } from './counters';
import { FIGURES, figuresOf, type FigureInputs } from './figures';

const inputs = (values: Partial<FigureInputs>): FigureInputs => ({
  ...zeroCounters(),
  openOverdue: 0,
  ...values,
});

describe('figures (DESIGN.md §4.5)', () => {
  it('computes the source document’s kind of figures exactly', () => {
    const figures = figuresOf(
      inputs({
        acceptances: 100,
        acceptedCompleted: 97,
        completions: 90,
        completedOnTime: 88,
        openOverdue: 2,
        acceptanceDays: 33,
        handlingDays: 353.7,
        limited: 80,
        statutoryDays: 1661.6,
        promisedDays: 1049.6,
        limitedHandlingDays: 314.4,
        evaluations: 58,
        satisfied: 57,
        defaultEvaluations: 20,
        defaultSatisfied: 20,
      }),
    );
    expect(figures.completionRate).toBe(0.97);
    expect(figures.onTimeRate).toBe(0.9565); // 88 / (90 + 2)
    expect(figures.averageAcceptanceDays).toBe(0.33);
    expect(figures.averageHandlingDays).toBe(3.93);
    expect(figures.averageStatutoryDays).toBe(20.77);
    expect(figures.averagePromisedDays).toBe(13.12);
    expect(figures.limitCompression).toBe(0.3683); // 1 − 13.12 / 20.77
    expect(figures.actualSpeedUp).toBe(0.8108); // 1 − 3.93 / 20.77
    expect(figures.evaluationRate).toBe(0.6444);
    expect(figures.satisfactionRate).toBe(0.9828);
    expect(figures.evaluationRateWithDefaults).toBe(0.8667);
    expect(figures.satisfactionRateWithDefaults).toBe(0.9872);
  });

  it('gives no rate or average over nothing, and counts as they are', () => {
    const figures = figuresOf(inputs({ submissions: 3 }));
    expect(figures.submissions).toBe(3);
    expect(figures.completionRate).toBeNull();
    expect(figures.onTimeRate).toBeNull();
    expect(figures.averageHandlingDays).toBeNull();
    expect(figures.limitCompression).toBeNull();
  });

  it('defines every figure once, with both languages and the cases behind it', () => {
    const keys = FIGURES.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const figure of FIGURES) {
      expect(figure.nameZh).toMatch(/\p{Script=Han}/u);
      expect(figure.definitionZh.length).toBeGreaterThan(4);
      expect(figure.definitionEn.length).toBeGreaterThan(4);
      if (figure.key !== 'consultations') expect(figure.cases.length).toBeGreaterThan(0);
    }
  });
});
