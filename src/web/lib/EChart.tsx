/** ECharts in React: one chart instance per element, resized with its container, disposed on unmount. */
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from './reduced-motion';

/** Props of {@link EChart}. */
export interface EChartProps {
  readonly option: echarts.EChartsOption;
  readonly height?: number;
  /** Accessible name of the chart (it is drawn on a canvas). */
  readonly label: string;
}

/** A chart of `option`. */
export function EChart({ option, height = 280, label }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // Bars that grow and lines that draw themselves are motion too.
    chart.current?.setOption(reducedMotion ? { ...option, animation: false } : option, { notMerge: true });
  }, [option, reducedMotion]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
