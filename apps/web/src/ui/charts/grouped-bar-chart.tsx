import { Group, Text } from '@mantine/core';
import { ChartFrame, YAxis } from './chart-frame.tsx';
import { linear, niceTicks } from './chart-scale.ts';

export type Series = { key: string; label: string; color: string };
export type BarGroup = { key: string; label: string; values: number[] };

const margin = { top: 12, right: 8, bottom: 28, left: 44 };

/** Side-by-side bars per group, one per series (e.g. actual vs predicted), with a legend. */
export function GroupedBarChart({
  groups,
  series,
  label,
  formatValue,
  height = 220,
}: {
  groups: BarGroup[];
  series: Series[];
  label: string;
  formatValue: (v: number) => string;
  height?: number;
}) {
  const max = Math.max(0, ...groups.flatMap((g) => g.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  return (
    <div>
      <Group gap="md" mb={6} justify="flex-end">
        {series.map((s) => (
          <Group key={s.key} gap={6} wrap="nowrap">
            <span
              aria-hidden
              style={{ width: 10, height: 10, borderRadius: 2, background: s.color, display: 'inline-block' }}
            />
            <Text size="xs" c="dimmed">
              {s.label}
            </Text>
          </Group>
        ))}
      </Group>
      <ChartFrame height={height} label={label}>
        {(width) => {
          const right = width - margin.right;
          const slot = (right - margin.left) / Math.max(1, groups.length);
          const inner = slot * 0.72;
          const barW = inner / Math.max(1, series.length);
          const y = linear([0, top], [height - margin.bottom, margin.top]);
          return (
            <>
              <YAxis ticks={ticks} y={y} left={margin.left} right={right} format={formatValue} />
              {groups.map((g, i) => {
                const x0 = margin.left + i * slot + (slot - inner) / 2;
                return (
                  <g key={g.key}>
                    {series.map((s, j) => {
                      const v = g.values[j] ?? 0;
                      const h = Math.max(0, y(0) - y(v));
                      return (
                        <rect
                          key={s.key}
                          x={x0 + j * barW + 1}
                          y={y(0) - h}
                          width={Math.max(1, barW - 2)}
                          height={h}
                          rx={2}
                          fill={s.color}
                        >
                          <title>{`${g.label} · ${s.label}: ${formatValue(v)}`}</title>
                        </rect>
                      );
                    })}
                    <text
                      x={margin.left + i * slot + slot / 2}
                      y={height - margin.bottom + 16}
                      textAnchor="middle"
                      fontSize={11}
                      fill="var(--mantine-color-gray-7)"
                    >
                      {g.label}
                    </text>
                  </g>
                );
              })}
              <line x1={margin.left} x2={right} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-4)" />
            </>
          );
        }}
      </ChartFrame>
    </div>
  );
}
