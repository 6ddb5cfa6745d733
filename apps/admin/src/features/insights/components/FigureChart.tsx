import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** One ECharts chart, drawn once its library is in and redrawn as the option or the width changes. */
export function FigureChart({
  option,
  height = 320,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    setOption: (o: EChartsCoreOption, notMerge: boolean) => void;
    resize: () => void;
    dispose: () => void;
  } | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts-core').then(({ echarts }) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current);
      chart.current = instance;
      instance.setOption(latest.current, true);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}
