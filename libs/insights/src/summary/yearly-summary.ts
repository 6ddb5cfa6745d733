import type { FigureKey } from '../figures/figures';

type Figures = Record<FigureKey, number | null>;

export interface YearlySummaryInput {
  tenantName: string;
  year: number;
  /** The last day counted (the year's end, or today in the year under way). */
  through: string;
  /** Whole or partial months counted, for the monthly average. */
  months: number;
  figures: Figures;
  /** The same days of the year before, for the comparison. */
  lastYear: Figures;
}

const percent = (rate: number | null) =>
  rate === null ? null : `${(Math.round(rate * 10_000) / 100).toFixed(2)}%`;
const days = (value: number | null) => (value === null ? null : value.toFixed(2));
const count = (value: number | null) => String(value ?? 0);

/**
 * Section I of a yearly work summary (工作总结, the source document's "一、行政审批服务工作及成效"),
 * in Chinese, from the year's figures; a sentence whose figure has nothing to stand on (no
 * completed case, no rating) is left out rather than filled with a made-up number.
 */
export function yearlySummary(input: YearlySummaryInput): { title: string; text: string } {
  const { figures: f, lastYear: l } = input;
  const [, month, day] = input.through.split('-').map(Number);
  const asOf = `截至${input.year}年${month}月${day}日`;
  const lines: string[] = ['一、行政审批服务工作及成效', ''];

  const monthly = f.completions === null ? null : Math.round(f.completions / input.months);
  const change = (f.completions ?? 0) - (l.completions ?? 0);
  let volume =
    `（一）行政审批服务量和办结率有效提升。${asOf}，${input.tenantName}共接受群众咨询` +
    `${count(f.consultations)}人次，收件${count(f.submissions)}件，受理${count(f.acceptances)}件，` +
    `办结${count(f.completions)}件`;
  if (f.completionRate !== null) volume += `，受理件办结率${percent(f.completionRate)}`;
  volume += `；月均办结${monthly ?? 0}件`;
  // No comparison with a year that has nothing on record (before the platform was used).
  const lastYearKept = (l.submissions ?? 0) > 0 || (l.completions ?? 0) > 0;
  if (lastYearKept) volume += `，比上年同期${change >= 0 ? '增加' : '减少'}${Math.abs(change)}件`;
  volume += '。';
  lines.push(volume, '');

  const speed: string[] = [];
  if (f.averageStatutoryDays !== null && f.averagePromisedDays !== null) {
    speed.push(
      `办理行政审批服务事项的平均时限由法定的${days(f.averageStatutoryDays)}个工作日压缩至承诺的` +
        `${days(f.averagePromisedDays)}个工作日，压缩${percent(f.limitCompression)}`,
    );
  }
  if (f.averageAcceptanceDays !== null) {
    speed.push(`平均受理时间为${days(f.averageAcceptanceDays)}个工作日`);
  }
  if (f.averageHandlingDays !== null) {
    speed.push(`平均办结时间为${days(f.averageHandlingDays)}个工作日`);
  }
  if (f.actualSpeedUp !== null) speed.push(`实际办理提速${percent(f.actualSpeedUp)}`);
  if (f.onTimeRate !== null) speed.push(`按时办结率${percent(f.onTimeRate)}`);
  if (speed.length) {
    lines.push(
      `（二）实现行政审批服务高效快捷办理的目标。${input.year}年，${speed.join('；')}。`,
      '',
    );
  }

  const praise: string[] = [];
  if (f.evaluationRate !== null) praise.push(`政务服务评价率达${percent(f.evaluationRate)}`);
  if (f.satisfactionRate !== null) praise.push(`满意率为${percent(f.satisfactionRate)}`);
  if (f.evaluationRateWithDefaults !== null && f.satisfactionRateWithDefaults !== null) {
    praise.push(
      `计入默认好评后评价率${percent(f.evaluationRateWithDefaults)}、满意率` +
        `${percent(f.satisfactionRateWithDefaults)}`,
    );
  }
  praise.push(`收到差评${count(f.badReviews)}件`);
  praise.push(`电子监察亮黄牌${count(f.yellowCards)}件、红牌${count(f.redCards)}件`);
  const heading = speed.length ? '（三）' : '（二）';
  lines.push(`${heading}得到社会各界和群众的广泛认可。${asOf}，${praise.join('，')}。`);

  return {
    title: `${input.tenantName}${input.year}年工作总结（第一部分：行政审批服务工作及成效）`,
    text: lines.join('\n'),
  };
}
