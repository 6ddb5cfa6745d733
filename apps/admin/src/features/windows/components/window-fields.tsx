import { Select, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ServiceWindowKind } from '../../../shared/api/graphql.generated';
import { problemText } from '../../../shared/i18n/describe';
import { type Translate, WINDOW_KINDS, windowKindLabel } from '../../../shared/i18n/labels';
import { WindowKindTag } from '../../../shared/ui/tags';
import { type WindowDraft, windowProblems } from '../rules/window-rules';

interface WindowLike {
  code: string;
  name: string;
  kind: string;
}

/** A window's code, name and kind as table columns (a hall's windows, the wizard's preview). */
export function windowColumns<W extends WindowLike>(
  t: Translate,
  widths: { code: number; kind: number },
): ColumnType<W>[] {
  return [
    {
      title: t('windows.code'),
      dataIndex: 'code',
      width: widths.code,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('windows.name'), dataIndex: 'name' },
    {
      title: t('windows.kind'),
      dataIndex: 'kind',
      width: widths.kind,
      render: (kind: string) => <WindowKindTag kind={kind} />,
    },
  ];
}

/** Choosing a window's kind (for a form field: value and onChange come from Form.Item). */
export function WindowKindSelect({
  t,
  value,
  onChange,
}: {
  t: Translate;
  value?: ServiceWindowKind;
  onChange?: (kind: ServiceWindowKind) => void;
}) {
  return (
    <Select
      value={value}
      onChange={onChange}
      options={WINDOW_KINDS.map((kind) => ({ value: kind, label: windowKindLabel(t, kind) }))}
    />
  );
}

/**
 * A form rule for the code or name of one window among others (codes are unique in a hall):
 * `rows` reads them all as they are now, `index` is the row checked (-1: the last).
 */
export function windowRowRule(
  t: Translate,
  rows: () => WindowDraft[],
  index: number,
  field: 'code' | 'name',
) {
  return {
    validator: async () => {
      const problem = windowProblems(rows()).at(index)?.[field];
      if (problem) throw new Error(problemText(t, problem));
    },
  };
}
