import { ChartFrame, YAxis } from './chart-frame.tsx';
import { chartColors, linear } from './chart-scale.ts';

export type SignedBar = {
  key: string;
  label: string;
  /** Null draws no bar (e.g. a month without answers) but keeps its slot. */
  value: number | null;
  title?: string;
  color?: string;
};

const margin = { top: 12, right: 8, bottom: 28, left: 44 };

/**
 * Vertical bars up or down from zero on a fixed scale (such as an NPS from −100 to 100), each
 * with its value above or below it.
 */
export function SignedBarChart({
  bars,
  label,
  domain,
  ticks,
  formatValue,
  height = 220,
  color = chartColors.primary,
}: {
  bars: SignedBar[];
  label: string;
  domain: readonly [number, number];
  ticks: number[];
  formatValue: (v: number) => string;
  height?: number;
  color?: string;
}) {
  return (
    <ChartFrame height={height} label={label}>
      {(width) => {
        const right = width - margin.right;
        const slot = (right - margin.left) / Math.max(1, bars.length);
        const y = linear(domain, [height - margin.bottom, margin.top]);
        const every = Math.max(1, Math.ceil(56 / slot));
        const barW = Math.max(2, Math.min(48, slot * 0.7));
        return (
          <>
            <YAxis ticks={ticks} y={y} left={margin.left} right={right} format={formatValue} />
            <line x1={margin.left} x2={right} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-5)" />
            {bars.map((b, i) => {
              const cx = margin.left + i * slot + slot / 2;
              const v = b.value;
              const top = v === null ? y(0) : Math.min(y(0), y(v));
              const h = v === null ? 0 : Math.abs(y(v) - y(0));
              return (
                <g key={b.key}>
                  {v !== null && (
                    <>
                      <rect
                        x={cx - barW / 2}
                        y={top}
                        width={barW}
                        height={Math.max(1, h)}
                        rx={3}
                        fill={b.color ?? color}
                      >
                        <title>{b.title ?? `${b.label}: ${formatValue(v)}`}</title>
                      </rect>
                      {slot > 26 && (
                        <text
                          x={cx}
                          y={v >= 0 ? top - 4 : top + h + 12}
                          textAnchor="middle"
                          fontSize={10}
                          fill={chartColors.text}
                        >
                          {formatValue(v)}
                        </text>
                      )}
                    </>
                  )}
                  {i % every === 0 && (
                    <text
                      x={cx}
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
          </>
        );
      }}
    </ChartFrame>
  );
}
