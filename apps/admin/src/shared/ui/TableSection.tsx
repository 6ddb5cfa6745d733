import { Button, Empty, Space, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';

/**
 * A table with its toolbar (the button that adds a row, for those who may): one page while
 * the rows fit on it, a pager beyond; an empty table says what is missing.
 */
export function TableSection<T extends object>({
  testId,
  action,
  pageSize,
  empty,
  ...table
}: {
  testId: string;
  action?: { label: string; icon: ReactNode; onClick: () => void; testId: string } | null;
  pageSize: number;
  empty: string;
} & Omit<TableProps<T>, 'pagination' | 'locale'>) {
  const rows = table.dataSource?.length ?? 0;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid={testId}>
      {action && (
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            type="primary"
            icon={action.icon}
            onClick={action.onClick}
            data-testid={action.testId}
          >
            {action.label}
          </Button>
        </div>
      )}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={rows > pageSize ? { pageSize, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={empty} /> }}
        {...table}
      />
    </Space>
  );
}

/** The last column, with a row's actions, for those who may act (else no column). */
export function actionsColumn<T>(
  shown: boolean,
  title: string,
  width: number,
  render: (row: T) => ReactNode,
): ColumnType<T>[] {
  return shown ? [{ title, key: 'actions', width, render: (_, row) => render(row) }] : [];
}
