import type { Counter, Counters } from './counters';

/** What a period's figures are computed from: its counters and, live, what is open and overdue. */
export interface FigureInputs extends Counters {
  /** Open applications whose promised deadline fell in the period and has passed. */
  openOverdue: number;
}

export type FigureKey =
  | 'consultations'
  | 'submissions'
  | 'acceptances'
  | 'rejections'
  | 'completions'
  | 'completionRate'
  | 'onTimeRate'
  | 'openOverdue'
  | 'averageAcceptanceDays'
  | 'averageHandlingDays'
  | 'averageStatutoryDays'
  | 'averagePromisedDays'
  | 'limitCompression'
  | 'actualSpeedUp'
  | 'evaluations'
  | 'evaluationRate'
  | 'satisfactionRate'
  | 'evaluationRateWithDefaults'
  | 'satisfactionRateWithDefaults'
  | 'badReviews'
  | 'yellowCards'
  | 'redCards';

export type FigureUnit = 'COUNT' | 'RATE' | 'WORKING_DAYS';

/**
 * One figure of DESIGN.md §4.5, defined once: its names, its definition as the UI shows it next
 * to the number, how it is computed, and the cases behind it (the drill-down list: the union of
 * those counters' cases in the period, whose count is the number, or a rate's denominator).
 */
export interface Figure {
  key: FigureKey;
  unit: FigureUnit;
  nameZh: string;
  nameEn: string;
  definitionZh: string;
  definitionEn: string;
  value: (inputs: FigureInputs) => number | null;
  cases: (Counter | 'openOverdue')[];
}

/** A rate to four decimals (a percentage to two); null over nothing. */
function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

/** Working days to two decimals; null over nothing. */
function average(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 100) / 100 : null;
}

function oneLess(numerator: number, denominator: number): number | null {
  const ratio = rate(numerator, denominator);
  return ratio === null ? null : Math.round((1 - ratio) * 10_000) / 10_000;
}

const count = (
  key: FigureKey & Counter,
  nameZh: string,
  nameEn: string,
  definitionZh: string,
  definitionEn: string,
): Figure => ({
  key,
  unit: 'COUNT',
  nameZh,
  nameEn,
  definitionZh,
  definitionEn,
  value: (inputs) => inputs[key],
  cases: [key],
});

export const FIGURES: readonly Figure[] = [
  {
    key: 'consultations',
    unit: 'COUNT',
    nameZh: '咨询量',
    nameEn: 'Consultations',
    definitionZh: '期间内在窗口或便民服务站登记的咨询次数',
    definitionEn: 'Consultations logged at windows and service points in the period',
    value: (i) => i.consultations,
    cases: [],
  },
  count(
    'submissions',
    '收件量',
    'Submissions',
    '期间内收件的办件数',
    'Applications taken in during the period',
  ),
  count(
    'acceptances',
    '受理量',
    'Acceptances',
    '期间内受理的办件数',
    'Applications accepted during the period',
  ),
  count(
    'rejections',
    '不予受理量',
    'Rejections',
    '期间内不予受理的办件数',
    'Applications rejected during the period',
  ),
  count(
    'completions',
    '办结量',
    'Completions',
    '期间内办结的办件数',
    'Applications completed during the period',
  ),
  {
    key: 'completionRate',
    unit: 'RATE',
    nameZh: '办结率',
    nameEn: 'Completion rate',
    definitionZh: '期间内受理的办件中，至今已办结的比例（已办结 ÷ 受理）',
    definitionEn:
      'Of the applications accepted in the period, the share completed by now (completed ÷ accepted)',
    value: (i) => rate(i.acceptedCompleted, i.acceptances),
    cases: ['acceptances'],
  },
  {
    key: 'onTimeRate',
    unit: 'RATE',
    nameZh: '按时办结率',
    nameEn: 'On-time rate',
    definitionZh: '按时办结数 ÷（期间内办结数 + 承诺期限在期间内已过而仍未办结的办件数）',
    definitionEn:
      'Completed on time ÷ (completed in the period + open applications whose promised deadline in the period has passed)',
    value: (i) => rate(i.completedOnTime, i.completions + i.openOverdue),
    cases: ['completions', 'openOverdue'],
  },
  {
    key: 'openOverdue',
    unit: 'COUNT',
    nameZh: '超期未办结',
    nameEn: 'Open and overdue',
    definitionZh: '承诺期限在期间内且已过、至今仍未办结的办件数',
    definitionEn: 'Open applications whose promised deadline fell in the period and has passed',
    value: (i) => i.openOverdue,
    cases: ['openOverdue'],
  },
  {
    key: 'averageAcceptanceDays',
    unit: 'WORKING_DAYS',
    nameZh: '平均受理时间',
    nameEn: 'Average acceptance time',
    definitionZh: '期间内受理的办件从收件到受理的平均工作日数',
    definitionEn:
      'Working days from intake to acceptance, averaged over the applications accepted in the period',
    value: (i) => average(i.acceptanceDays, i.acceptances),
    cases: ['acceptances'],
  },
  {
    key: 'averageHandlingDays',
    unit: 'WORKING_DAYS',
    nameZh: '平均办理时间',
    nameEn: 'Average handling time',
    definitionZh: '期间内办结的办件从受理到办结的平均工作日数（不计暂停时间）',
    definitionEn:
      'Working days from acceptance to completion, paused time excluded, averaged over the applications completed in the period',
    value: (i) => average(i.handlingDays, i.completions),
    cases: ['completions'],
  },
  {
    key: 'averageStatutoryDays',
    unit: 'WORKING_DAYS',
    nameZh: '平均法定时限',
    nameEn: 'Average statutory limit',
    definitionZh: '期间内办结的、有法定与承诺时限（工作日）的办件的平均法定时限',
    definitionEn:
      'Statutory limit averaged over the applications completed in the period that have statutory and promised limits in working days',
    value: (i) => average(i.statutoryDays, i.limited),
    cases: ['limited'],
  },
  {
    key: 'averagePromisedDays',
    unit: 'WORKING_DAYS',
    nameZh: '平均承诺时限',
    nameEn: 'Average promised limit',
    definitionZh: '同上办件的平均承诺时限',
    definitionEn: 'Promised limit averaged over the same applications',
    value: (i) => average(i.promisedDays, i.limited),
    cases: ['limited'],
  },
  {
    key: 'limitCompression',
    unit: 'RATE',
    nameZh: '时限压缩率',
    nameEn: 'Limit compression',
    definitionZh: '1 − 平均承诺时限 ÷ 平均法定时限',
    definitionEn: '1 − average promised limit ÷ average statutory limit',
    value: (i) => oneLess(i.promisedDays, i.statutoryDays),
    cases: ['limited'],
  },
  {
    key: 'actualSpeedUp',
    unit: 'RATE',
    nameZh: '实际提速率',
    nameEn: 'Actual speed-up',
    definitionZh: '1 − 实际平均办理时间 ÷ 平均法定时限（同上办件）',
    definitionEn:
      '1 − actual average handling time ÷ average statutory limit (the same applications)',
    value: (i) => oneLess(i.limitedHandlingDays, i.statutoryDays),
    cases: ['limited'],
  },
  count(
    'evaluations',
    '评价数',
    'Evaluations',
    '期间内申请人主动作出的评价数（不含默认好评）',
    'Ratings the applicants gave in the period (default ratings not included)',
  ),
  {
    key: 'evaluationRate',
    unit: 'RATE',
    nameZh: '评价率',
    nameEn: 'Evaluation rate',
    definitionZh: '主动评价数 ÷ 办结量（不含默认好评）',
    definitionEn: 'Ratings given ÷ completions (default ratings not included)',
    value: (i) => rate(i.evaluations, i.completions),
    cases: ['completions'],
  },
  {
    key: 'satisfactionRate',
    unit: 'RATE',
    nameZh: '满意率',
    nameEn: 'Satisfaction rate',
    definitionZh: '评价为“基本满意”及以上（3 星及以上）的比例（不含默认好评）',
    definitionEn: 'Share of ratings of 3 or better (default ratings not included)',
    value: (i) => rate(i.satisfied, i.evaluations),
    cases: ['evaluations'],
  },
  {
    key: 'evaluationRateWithDefaults',
    unit: 'RATE',
    nameZh: '评价率（含默认好评）',
    nameEn: 'Evaluation rate (with default ratings)',
    definitionZh: '（主动评价数 + 默认好评数）÷ 办结量',
    definitionEn: '(Ratings given + default ratings) ÷ completions',
    value: (i) => rate(i.evaluations + i.defaultEvaluations, i.completions),
    cases: ['completions'],
  },
  {
    key: 'satisfactionRateWithDefaults',
    unit: 'RATE',
    nameZh: '满意率（含默认好评）',
    nameEn: 'Satisfaction rate (with default ratings)',
    definitionZh: '3 星及以上的评价（含默认好评）÷ 全部评价（含默认好评）',
    definitionEn: 'Ratings of 3 or better ÷ all ratings, default ratings included',
    value: (i) => rate(i.satisfied + i.defaultSatisfied, i.evaluations + i.defaultEvaluations),
    cases: ['evaluations', 'defaultEvaluations'],
  },
  count(
    'badReviews',
    '差评数',
    'Bad reviews',
    '期间内 1–2 星的评价数',
    'Ratings of 1 or 2 given in the period',
  ),
  count(
    'yellowCards',
    '黄牌',
    'Yellow cards',
    '期间内首次亮黄牌（临近期限）的办件数',
    'Applications given their first yellow card (deadline near) in the period',
  ),
  count(
    'redCards',
    '红牌',
    'Red cards',
    '期间内首次亮红牌（超期）的办件数',
    'Applications given their first red card (overdue) in the period',
  ),
];

export const FIGURE_KEYS = FIGURES.map((figure) => figure.key);

export function figureOf(key: FigureKey): Figure {
  const figure = FIGURES.find((f) => f.key === key);
  if (!figure) throw new Error(`No figure ${key}`);
  return figure;
}

/** Every figure of a period, by key. */
export function figuresOf(inputs: FigureInputs): Record<FigureKey, number | null> {
  return Object.fromEntries(FIGURES.map((figure) => [figure.key, figure.value(inputs)])) as Record<
    FigureKey,
    number | null
  >;
}
