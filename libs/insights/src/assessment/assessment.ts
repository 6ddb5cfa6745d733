/**
 * The monthly assessment of windows (and their staff) of a center (DESIGN.md §4.4): a
 * transparent weighted formula, the weights set per county, a ranking and the "service
 * demonstration window" (服务示范窗口) candidates. Every component is 0–100, shown with the score.
 */
export interface AssessmentWeights {
  volume: number;
  onTime: number;
  satisfaction: number;
  badReviews: number;
  warnings: number;
  attendance: number;
}

export const WEIGHT_KEYS: (keyof AssessmentWeights)[] = [
  'volume',
  'onTime',
  'satisfaction',
  'badReviews',
  'warnings',
  'attendance',
];

/** Until a county sets its own. */
export const DEFAULT_WEIGHTS: AssessmentWeights = {
  volume: 20,
  onTime: 30,
  satisfaction: 20,
  badReviews: 10,
  warnings: 10,
  attendance: 10,
};

/** The formula as the circular prints it, beside the figures. */
export const FORMULA_ZH =
  '得分 = Σ 权重 × 分项分 ÷ 100。分项分（0–100）：办件量 = 本窗口办结量 ÷ 各窗口最高办结量 × 100；' +
  '按时办结 = 按时办结率 × 100；满意度 = 满意率 × 100（无评价计 100）；差评 = 100 − 20 × 差评数；' +
  '预警 = 100 − 10 × 黄牌数 − 25 × 红牌数（不低于 0）；考勤 = 出勤率 × 100（未记考勤计 100）。' +
  '服务示范窗口候选：得分 ≥ 90、无差评、无红牌、有办结件，得分前三名。';
export const FORMULA_EN =
  'Score = Σ weight × component ÷ 100. Components (0–100): volume = completions ÷ the most any window completed × 100; ' +
  'on time = on-time rate × 100; satisfaction = satisfaction rate × 100 (100 without ratings); bad reviews = 100 − 20 × bad reviews; ' +
  'warnings = 100 − 10 × yellow − 25 × red cards (at least 0); attendance = attendance rate × 100 (100 where none is kept). ' +
  'Demonstration window candidates: score ≥ 90, no bad review, no red card, some completions; the best three.';

export type WeightsProblem = 'NOT_WHOLE' | 'OUT_OF_RANGE' | 'NOT_100';

export function weightsProblem(weights: AssessmentWeights): WeightsProblem | null {
  const values = WEIGHT_KEYS.map((key) => weights[key]);
  if (!values.every(Number.isInteger)) return 'NOT_WHOLE';
  if (!values.every((v) => v >= 0 && v <= 100)) return 'OUT_OF_RANGE';
  if (values.reduce((sum, v) => sum + v, 0) !== 100) return 'NOT_100';
  return null;
}

/** What a window (or a person) did in the month. */
export interface AssessedUnit {
  id: string;
  completions: number;
  completedOnTime: number;
  openOverdue: number;
  evaluations: number;
  satisfied: number;
  badReviews: number;
  yellowCards: number;
  redCards: number;
  /** Share of working days present (0–1); null where no attendance is kept. */
  attendanceRate: number | null;
}

export interface Assessment<T extends AssessedUnit> {
  unit: T;
  components: AssessmentWeights;
  score: number;
  /** 1 is best; ties share a rank. */
  rank: number;
  candidate: boolean;
}

const clamp = (value: number) => Math.max(0, Math.min(100, value));
const two = (value: number) => Math.round(value * 100) / 100;

export function assess<T extends AssessedUnit>(
  units: readonly T[],
  weights: AssessmentWeights,
): Assessment<T>[] {
  const most = Math.max(0, ...units.map((u) => u.completions));
  const scored = units.map((unit) => {
    const cases = unit.completions + unit.openOverdue;
    const components: AssessmentWeights = {
      volume: two(most > 0 ? (unit.completions / most) * 100 : 0),
      onTime: two(cases > 0 ? (unit.completedOnTime / cases) * 100 : 100),
      satisfaction: two(unit.evaluations > 0 ? (unit.satisfied / unit.evaluations) * 100 : 100),
      badReviews: clamp(100 - 20 * unit.badReviews),
      warnings: clamp(100 - 10 * unit.yellowCards - 25 * unit.redCards),
      attendance: two(unit.attendanceRate === null ? 100 : clamp(unit.attendanceRate * 100)),
    };
    const score = two(
      WEIGHT_KEYS.reduce((sum, key) => sum + weights[key] * components[key], 0) / 100,
    );
    return { unit, components, score };
  });
  const ranked = scored.map((s) => ({
    ...s,
    rank: 1 + scored.filter((other) => other.score > s.score).length,
  }));
  const eligible = ranked
    .filter(
      (s) =>
        s.score >= 90 && s.unit.badReviews === 0 && s.unit.redCards === 0 && s.unit.completions > 0,
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  return ranked
    .map((s) => ({ ...s, candidate: eligible.includes(s) }))
    .sort((a, b) => a.rank - b.rank || a.unit.id.localeCompare(b.unit.id));
}
