import { ChartFrame } from './chart-frame.tsx';
import { chartColors, linear, niceTicks } from './chart-scale.ts';

export type IntervalRow = {
  key: string;
  label: string;
  value: number;
  /** The confidence interval; null draws no whisker. */
  low: number | null;
  high: number | null;
  /** Text at the end of the row, e.g. "42 customers". */
  note: string;
  title?: string;
};

const rowHeight = 30;
const labelWidth = 150;
const noteWidth = 96;
const axisHeight = 24;

/** Horizontal bars from zero with a confidence-interval whisker, a label and a note per row. */
export function IntervalBarChart({
  rows,
  label,
  formatValue,
  reference,
  color = chartColors.primary,
}: {
  rows: IntervalRow[];
  label: string;
  formatValue: (v: number) => string;
  /** A dashed vertical line, e.g. the overall mean. */
  reference?: { value: number; label: string };
  color?: string;
}) {
  const max = Math.max(0, reference?.value ?? 0, ...rows.map((r) => Math.max(r.value, r.high ?? 0)));
  const ticks = niceTicks(max, 4);
  const top = ticks[ticks.length - 1] ?? 1;
  const height = rows.length * rowHeight + axisHeight + 8;
  return (
    <ChartFrame height={height} label={label}>
      {(width) => {
        const left = Math.min(labelWidth, width * 0.3);
        const right = width - noteWidth;
        const x = linear([0, top], [left, right]);
        const bottom = rows.length * rowHeight + 4;
        return (
          <>
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={x(tick)} x2={x(tick)} y1={0} y2={bottom} stroke={chartColors.grid} />
                <text x={x(tick)} y={bottom + 16} textAnchor="middle" fontSize={11} fill={chartColors.axis}>
                  {formatValue(tick)}
                </text>
              </g>
            ))}
            {rows.map((r, i) => {
              const cy = i * rowHeight + rowHeight / 2 + 4;
              const barH = rowHeight * 0.56;
              const low = r.low === null ? null : Math.max(0, r.low);
              return (
                <g key={r.key}>
                  <title>{r.title ?? `${r.label}: ${formatValue(r.value)}`}</title>
                  <text
                    x={left - 8}
                    y={cy}
                    dy="0.32em"
                    textAnchor="end"
                    fontSize={12}
                    fill={chartColors.text}
                  >
                    {r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}
                  </text>
                  <rect
                    x={x(0)}
                    y={cy - barH / 2}
                    width={Math.max(1, x(Math.max(0, r.value)) - x(0))}
                    height={barH}
                    rx={3}
                    fill={color}
                    fillOpacity={0.75}
                  />
                  {low !== null && r.high !== null && (
                    <g stroke="var(--mantine-color-dark-5)" strokeWidth={1.5}>
                      <line x1={x(low)} x2={x(r.high)} y1={cy} y2={cy} />
                      <line x1={x(low)} x2={x(low)} y1={cy - 6} y2={cy + 6} />
                      <line x1={x(r.high)} x2={x(r.high)} y1={cy - 6} y2={cy + 6} />
                    </g>
                  )}
                  <text x={right + 10} y={cy} dy="0.32em" fontSize={11} fill={chartColors.axis}>
                    {r.note}
                  </text>
                </g>
              );
            })}
            {reference && (
              <g>
                <line
                  x1={x(reference.value)}
                  x2={x(reference.value)}
                  y1={0}
                  y2={bottom}
                  stroke="var(--mantine-color-orange-6)"
                  strokeDasharray="4 3"
                  strokeWidth={1.5}
                />
                <title>{reference.label}</title>
              </g>
            )}
          </>
        );
      }}
    </ChartFrame>
  );
}
