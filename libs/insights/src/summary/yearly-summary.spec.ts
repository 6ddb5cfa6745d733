import { zeroCounters } from '../figures/counters';
import { figuresOf } from '../figures/figures';
import { yearlySummary } from './yearly-summary';

const SOURCE_LIKE = figuresOf({
  ...zeroCounters(),
  openOverdue: 0,
  consultations: 1535,
  submissions: 1871,
  acceptances: 1800,
  acceptedCompleted: 1750,
  completions: 1771,
  completedOnTime: 1771,
  acceptanceDays: 594,
  handlingDays: 6960.03,
  limited: 1000,
  statutoryDays: 20770,
  promisedDays: 13120,
  limitedHandlingDays: 3930,
  evaluations: 1141,
  satisfied: 1141,
});

describe('the yearly summary, section I', () => {
  it('writes the source document’s paragraph from the figures', () => {
    const { title, text } = yearlySummary({
      tenantName: '柳城县政务服务中心',
      year: 2026,
      through: '2026-11-30',
      months: 11,
      figures: SOURCE_LIKE,
      lastYear: { ...SOURCE_LIKE, completions: 784 },
    });
    expect(title).toBe('柳城县政务服务中心2026年工作总结（第一部分：行政审批服务工作及成效）');
    expect(text).toContain('截至2026年11月30日，柳城县政务服务中心共接受群众咨询1535人次');
    expect(text).toContain('收件1871件，受理1800件，办结1771件');
    expect(text).toContain('月均办结161件，比上年同期增加987件');
    expect(text).toContain('由法定的20.77个工作日压缩至承诺的13.12个工作日');
    expect(text).toContain('平均受理时间为0.33个工作日');
    expect(text).toContain('实际办理提速81.08%');
    expect(text).toContain('满意率为100.00%');
  });

  it('leaves out what has nothing to stand on, and says a decrease as one', () => {
    const empty = figuresOf({ ...zeroCounters(), openOverdue: 0, submissions: 2 });
    const { text } = yearlySummary({
      tenantName: '马山乡',
      year: 2027,
      through: '2027-01-31',
      months: 1,
      figures: empty,
      lastYear: { ...empty, completions: 3 },
    });
    expect(text).not.toContain('平均时限');
    expect(text).not.toContain('评价率');
    expect(text).toContain('比上年同期减少3件');
    expect(text).toContain('（二）得到社会各界和群众的广泛认可');
  });

  it('makes no comparison with a year that has nothing on record', () => {
    const year = figuresOf({ ...zeroCounters(), openOverdue: 0, completions: 24 });
    const nothing = figuresOf({ ...zeroCounters(), openOverdue: 0 });
    const { text } = yearlySummary({
      tenantName: '柳城县',
      year: 2026,
      through: '2026-12-03',
      months: 12,
      figures: year,
      lastYear: nothing,
    });
    expect(text).toContain('月均办结2件。');
    expect(text).not.toContain('比上年同期');
  });
});
