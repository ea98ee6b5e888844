import { ChartFrame, YAxis } from './chart-frame.tsx';
import { chartColors, linear, niceTicks } from './chart-scale.ts';

export type Bar = {
  key: string;
  /** The label under the bar (thinned out when bars are narrow). */
  label: string;
  value: number;
  /** The hover text; defaults to "label: value". */
  title?: string;
  color?: string;
};

const margin = { top: 12, right: 8, bottom: 28, left: 52 };

/** Vertical bars on a value axis from zero: histograms and counts per category. */
export function BarChart({
  bars,
  label,
  formatValue,
  height = 220,
  color = chartColors.primary,
  gap = 0.18,
  integer = false,
}: {
  bars: Bar[];
  label: string;
  formatValue: (v: number) => string;
  height?: number;
  color?: string;
  /** The share of each slot left empty between bars (0 for a histogram without gaps). */
  gap?: number;
  /** Whole-number ticks (for counts). */
  integer?: boolean;
}) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const ticks = niceTicks(max, 4, integer);
  // Labels are thinned out only when they would not fit under their bars.
  const labelWidth = Math.max(28, ...bars.map((b) => b.label.length * 7 + 12));
  const top = ticks[ticks.length - 1] ?? 1;
  return (
    <ChartFrame height={height} label={label}>
      {(width) => {
        const plotRight = width - margin.right;
        const slot = (plotRight - margin.left) / Math.max(1, bars.length);
        const y = linear([0, top], [height - margin.bottom, margin.top]);
        const every = Math.max(1, Math.ceil(labelWidth / slot));
        return (
          <>
            <YAxis ticks={ticks} y={y} left={margin.left} right={plotRight} format={formatValue} />
            {bars.map((b, i) => {
              const x = margin.left + i * slot + (slot * gap) / 2;
              const h = Math.max(0, y(0) - y(b.value));
              return (
                <g key={b.key}>
                  <rect
                    x={x}
                    y={y(0) - h}
                    width={Math.max(1, slot * (1 - gap))}
                    height={h}
                    rx={Math.min(3, slot / 6)}
                    fill={b.color ?? color}
                  >
                    <title>{b.title ?? `${b.label}: ${formatValue(b.value)}`}</title>
                  </rect>
                  {i % every === 0 && (
                    <text
                      x={margin.left + i * slot + slot / 2}
                      y={height - margin.bottom + 16}
                      textAnchor="middle"
                      fontSize={11}
                      fill={chartColors.text}
                    >
                      {b.label}
                    </text>
                  )}
                </g>
              );
            })}
            <line x1={margin.left} x2={plotRight} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-4)" />
          </>
        );
      }}
    </ChartFrame>
  );
}
