import { type AssessmentWeights, FORMULA_ZH, WEIGHT_KEYS } from './assessment';

/** A row of the assessment as the circular prints it. */
export interface CircularRow {
  name: string;
  rank: number;
  score: number;
  components: AssessmentWeights;
  completions: number;
  completedOnTime: number;
  badReviews: number;
  yellowCards: number;
  redCards: number;
  candidate: boolean;
}

export interface CircularInput {
  tenantName: string;
  /** YYYY-MM */
  month: string;
  by: 'WINDOW' | 'STAFF';
  weights: AssessmentWeights;
  rows: readonly CircularRow[];
}

const WEIGHT_NAMES_ZH: Record<keyof AssessmentWeights, string> = {
  volume: '办件量',
  onTime: '按时办结',
  satisfaction: '满意度',
  badReviews: '差评',
  warnings: '预警',
  attendance: '考勤',
};

/** The header of the circular's table, in the order of `circularRow`. */
export const CIRCULAR_HEADER = [
  '排名',
  '名称',
  '得分',
  ...WEIGHT_KEYS.map((key) => `${WEIGHT_NAMES_ZH[key]}分`),
  '办结件数',
  '按时办结件数',
  '差评（件）',
  '黄牌（张）',
  '红牌（张）',
  '服务示范窗口候选',
];

export function circularRow(row: CircularRow): (string | number)[] {
  return [
    row.rank,
    row.name,
    row.score,
    ...WEIGHT_KEYS.map((key) => row.components[key]),
    row.completions,
    row.completedOnTime,
    row.badReviews,
    row.yellowCards,
    row.redCards,
    row.candidate ? '是' : '',
  ];
}

/**
 * The monthly circular (通报) of a center's assessment, in Chinese: the title, what was
 * assessed and with which weights, the demonstration-window candidates, who must put things
 * right (bad reviews, cards), and the formula. The ranked table follows it in the export.
 */
export function circularText(input: CircularInput): { title: string; paragraphs: string[] } {
  const [year, month] = input.month.split('-').map(Number);
  const unit = input.by === 'WINDOW' ? '窗口' : '工作人员';
  const title = `${input.tenantName}${year}年${month}月${unit}考核情况通报`;
  const weights = WEIGHT_KEYS.map((key) => `${WEIGHT_NAMES_ZH[key]}${input.weights[key]}%`).join(
    '、',
  );
  const paragraphs = [
    input.rows.length === 0
      ? `${year}年${month}月，本中心没有可考核的${unit}（当月无办结、无超期未办结件）。`
      : `按照本级设定的考核权重（${weights}），对本中心${input.rows.length}个${unit}${year}年${month}月的工作进行了考核，现将结果通报如下。`,
  ];
  if (input.rows.length > 0) {
    const candidates = input.rows.filter((row) => row.candidate);
    paragraphs.push(
      candidates.length > 0
        ? `一、“服务示范窗口”候选：${candidates.map((row) => `${row.name}（${row.score.toFixed(2)}分）`).join('、')}。`
        : '一、本月没有符合条件的“服务示范窗口”候选。',
    );
    const toImprove = input.rows.filter(
      (row) => row.badReviews > 0 || row.yellowCards > 0 || row.redCards > 0,
    );
    paragraphs.push(
      toImprove.length > 0
        ? `二、需整改的${unit}：${toImprove.map((row) => `${row.name}（${problemsOf(row)}）`).join('；')}。请认真查找原因，限期整改。`
        : `二、本月各${unit}无差评，未发生红黄牌预警。`,
    );
    const best = input.rows[0];
    paragraphs.push(`三、本月得分最高的是${best.name}（${best.score.toFixed(2)}分），排名见附表。`);
  }
  paragraphs.push(`考核办法：${FORMULA_ZH}`);
  return { title, paragraphs };
}

function problemsOf(row: CircularRow): string {
  const parts: string[] = [];
  if (row.badReviews > 0) parts.push(`差评${row.badReviews}件`);
  if (row.yellowCards > 0) parts.push(`黄牌${row.yellowCards}张`);
  if (row.redCards > 0) parts.push(`红牌${row.redCards}张`);
  return parts.join('，');
}
