import { DEFAULT_WEIGHTS } from './assessment';
import { CIRCULAR_HEADER, circularRow, circularText, type CircularRow } from './circular';

const row = (name: string, rank: number, score: number, more: Partial<CircularRow> = {}) => ({
  name,
  rank,
  score,
  components: { ...DEFAULT_WEIGHTS },
  completions: 10,
  completedOnTime: 10,
  badReviews: 0,
  yellowCards: 0,
  redCards: 0,
  candidate: false,
  ...more,
});

describe('the monthly circular', () => {
  it('names the month, the weights, the candidates and who must put things right', () => {
    const { title, paragraphs } = circularText({
      tenantName: '柳城县政务服务中心',
      month: '2026-11',
      by: 'WINDOW',
      weights: DEFAULT_WEIGHTS,
      rows: [
        row('综合受理C1', 1, 96.5, { candidate: true }),
        row('不动产01', 2, 81, { badReviews: 1, yellowCards: 2 }),
      ],
    });
    expect(title).toBe('柳城县政务服务中心2026年11月窗口考核情况通报');
    expect(paragraphs[0]).toContain('办件量20%、按时办结30%、满意度20%、差评10%、预警10%、考勤10%');
    expect(paragraphs[0]).toContain('2个窗口2026年11月');
    expect(paragraphs[1]).toBe('一、“服务示范窗口”候选：综合受理C1（96.50分）。');
    expect(paragraphs[2]).toContain('不动产01（差评1件，黄牌2张）');
    expect(paragraphs[3]).toContain('综合受理C1（96.50分）');
    expect(paragraphs.at(-1)).toMatch(/^考核办法：得分 = /);
  });

  it('says so when there is no candidate, nothing to put right, or nothing to assess', () => {
    const some = circularText({
      tenantName: '马山镇便民服务中心',
      month: '2026-02',
      by: 'STAFF',
      weights: DEFAULT_WEIGHTS,
      rows: [row('韦工', 1, 70)],
    });
    expect(some.title).toBe('马山镇便民服务中心2026年2月工作人员考核情况通报');
    expect(some.paragraphs[1]).toBe('一、本月没有符合条件的“服务示范窗口”候选。');
    expect(some.paragraphs[2]).toBe('二、本月各工作人员无差评，未发生红黄牌预警。');
    const none = circularText({
      ...{ tenantName: 'X', month: '2026-02', by: 'WINDOW' as const },
      weights: DEFAULT_WEIGHTS,
      rows: [],
    });
    expect(none.paragraphs).toHaveLength(2);
    expect(none.paragraphs[0]).toContain('没有可考核的窗口');
  });

  it('prints a row under every column of the header', () => {
    const cells = circularRow(row('C1', 1, 96.5, { candidate: true }));
    expect(cells).toHaveLength(CIRCULAR_HEADER.length);
    expect(cells.at(-1)).toBe('是');
    expect(cells.slice(0, 3)).toEqual([1, 'C1', 96.5]);
  });
});
