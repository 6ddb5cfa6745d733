import type { CatalogueDiff } from './catalogue-diff';
import { MaterialForm } from './item';
import type { LocalSettings } from './localization';
import {
  changesList,
  describeValue,
  outcomeRecord,
  settingChanges,
  templateCodesAfter,
} from './rollout-audit';
import { writeRolloutSheets } from './rollout-sheet';
import { ethnicityChangeItem as testItem } from './test-items';

const settings: LocalSettings = {
  promisedLimit: { onTheSpot: false, workingDays: 10 },
  materials: [
    { name: '居民身份证', form: MaterialForm.COPY, copies: 1, required: true, notes: null },
  ],
  address: '一楼 3 号窗口',
  phone: null,
  officeHours: null,
  feeNote: null,
  notes: null,
};

describe('rollout audit', () => {
  it('names each setting that moved, in a guide’s words, and nothing else', () => {
    const after = { ...settings, promisedLimit: { onTheSpot: false as const, workingDays: 7 } };
    expect(settingChanges(settings, after)).toEqual([
      { field: 'promisedLimit', before: '10 个工作日', after: '7 个工作日' },
    ]);
    expect(settingChanges(settings, settings)).toEqual([]);
    expect(settingChanges(null, settings).map((change) => change.field)).toEqual([
      'promisedLimit',
      'materials',
      'address',
    ]);
    expect(settingChanges(settings, null)[1]).toEqual({
      field: 'materials',
      before: '居民身份证（复印件 1 份，必需）',
      after: null,
    });
  });

  it('records what changed a list: a kept entry left as it was is not a change', () => {
    expect(changesList({ kind: 'KEPT', code: 'A', before: settings, after: settings })).toBe(false);
    expect(changesList({ kind: 'DROPPED', code: 'A', before: settings })).toBe(true);
    expect(outcomeRecord({ kind: 'READ_ONLY', code: 'A', before: settings })).toEqual({
      code: 'A',
      kind: 'READ_ONLY',
      changes: [],
    });
  });

  it('carries a menu template over: removed and suspended out, split and merged replaced', () => {
    const diff: CatalogueDiff = {
      added: [],
      removed: [testItem({ code: 'R' })],
      changed: [],
      split: [
        {
          from: testItem({ code: 'S' }),
          to: [testItem({ code: 'S' }), testItem({ code: 'S2' })],
          inheritor: 'S',
        },
      ],
      merged: [
        {
          from: [testItem({ code: 'M1' }), testItem({ code: 'M2' })],
          to: testItem({ code: 'M' }),
          inheritor: 'M1',
        },
      ],
      suspended: [testItem({ code: 'P' })],
    };
    expect(templateCodesAfter(['K', 'R', 'S', 'M1', 'M2', 'P'], diff)).toEqual([
      'K',
      'M',
      'S',
      'S2',
    ]);
  });

  it('describes a conflict’s values as words', () => {
    expect(describeValue({ onTheSpot: true })).toBe('即办');
    expect(describeValue(settings.materials[0])).toBe('居民身份证（复印件 1 份，必需）');
    expect(describeValue('县民政局')).toBe('县民政局');
    expect(describeValue(null)).toBeNull();
  });

  it('writes a preview as three sheets, a conflict per row with its policy in both languages', () => {
    const sheets = writeRolloutSheets([
      {
        name: '柳城县',
        divisionCode: '450222',
        outcomes: [
          {
            code: 'A',
            kind: 'KEPT',
            changes: [{ field: 'promisedLimit', before: '10 个工作日', after: '7 个工作日' }],
          },
        ],
        conflicts: [
          {
            code: 'PROMISED_LIMIT_CLAMPED',
            itemCode: 'A',
            field: 'promisedLimit',
            before: { onTheSpot: false, workingDays: 10 },
            after: { onTheSpot: false, workingDays: 7 },
            policy: { zhCN: '压缩', enUS: 'clamped' },
          },
        ],
      },
    ]);
    expect(Object.keys(sheets)).toEqual(['概况 Summary', '变更 Changes', '冲突 Conflicts']);
    expect(sheets['概况 Summary'][1]).toEqual(['柳城县', '450222', '1', '0', '0', '0', '1']);
    expect(sheets['冲突 Conflicts'][1]).toEqual([
      '柳城县',
      'A',
      'PROMISED_LIMIT_CLAMPED',
      'promisedLimit',
      '10 个工作日',
      '7 个工作日',
      '压缩',
      'clamped',
    ]);
  });
});
