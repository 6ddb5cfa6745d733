import type { FigureKey } from './figures';

/** Which way is better for a figure when siblings are ranked; null: not ranked. */
export const BETTER: Record<FigureKey, 'HIGHER' | 'LOWER' | null> = {
  consultations: 'HIGHER',
  submissions: 'HIGHER',
  acceptances: 'HIGHER',
  rejections: 'LOWER',
  completions: 'HIGHER',
  completionRate: 'HIGHER',
  onTimeRate: 'HIGHER',
  openOverdue: 'LOWER',
  averageAcceptanceDays: 'LOWER',
  averageHandlingDays: 'LOWER',
  averageStatutoryDays: null,
  averagePromisedDays: 'LOWER',
  limitCompression: 'HIGHER',
  actualSpeedUp: 'HIGHER',
  evaluations: 'HIGHER',
  evaluationRate: 'HIGHER',
  satisfactionRate: 'HIGHER',
  evaluationRateWithDefaults: 'HIGHER',
  satisfactionRateWithDefaults: 'HIGHER',
  badReviews: 'LOWER',
  yellowCards: 'LOWER',
  redCards: 'LOWER',
};

export interface Ranked {
  value: number | null;
  /** 1 is best; ties share a rank (1, 2, 2, 4); null without a value or when not ranked. */
  rank: number | null;
  /** Share of the other ranked siblings this one does at least as well as (1 alone). */
  percentile: number | null;
}

/** Ranks siblings' values of one figure (a league table column). */
export function rankValues(key: FigureKey, values: readonly (number | null)[]): Ranked[] {
  const better = BETTER[key];
  const ranked = values.filter((v): v is number => v !== null);
  return values.map((value) => {
    if (value === null || better === null) return { value, rank: null, percentile: null };
    const beats = (other: number) => (better === 'HIGHER' ? other > value : other < value);
    const rank = 1 + ranked.filter(beats).length;
    const others = ranked.length - 1;
    const atLeastAsGood = ranked.filter((other) => !beats(other)).length - 1;
    return {
      value,
      rank,
      percentile: others === 0 ? 1 : Math.round((atLeastAsGood / others) * 10_000) / 10_000,
    };
  });
}

/** The mean of the siblings' values (those with one), as their average. */
export function meanOf(
  values: readonly (number | null)[],
  unit: 'COUNT' | 'RATE' | 'WORKING_DAYS',
): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const mean = present.reduce((sum, v) => sum + v, 0) / present.length;
  const scale = unit === 'RATE' ? 10_000 : 100;
  return Math.round(mean * scale) / scale;
}
