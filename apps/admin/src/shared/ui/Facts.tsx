import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import type { ReactNode } from 'react';

export type Fact = [key: string, label: string, value: ReactNode];

/** A record's facts, each label beside its value, in a bordered table. */
export function Facts({
  facts,
  testId,
  ...props
}: { facts: Fact[]; testId: string } & Pick<DescriptionsProps, 'title' | 'size' | 'column'>) {
  return (
    <Descriptions
      bordered
      {...props}
      data-testid={testId}
      items={facts.map(([key, label, children]) => ({ key, label, children }))}
    />
  );
}

/** A code (division code, username, window code) set as code. */
export function Code({ children }: { children: ReactNode }) {
  return <Typography.Text code>{children}</Typography.Text>;
}
