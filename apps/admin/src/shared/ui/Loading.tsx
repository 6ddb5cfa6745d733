import { Spin } from 'antd';

/** A centred spinner while a screen (or its code) loads. */
export function Loading({ minHeight = '100vh' }: { minHeight?: string | number }) {
  return (
    <div style={{ minHeight, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
