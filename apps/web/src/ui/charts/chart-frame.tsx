import { useElementSize } from '@mantine/hooks';
import type { ReactNode } from 'react';

/**
 * A box that measures its width and draws an SVG of that width (charts are drawn in real pixels, so
 * text is never stretched). `label` names the chart for screen readers.
 */
export function ChartFrame({
  height,
  label,
  children,
}: {
  height: number;
  label: string;
  children: (width: number) => ReactNode;
}) {
  const { ref, width } = useElementSize();
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={label}
          style={{ display: 'block', overflow: 'visible', fontFamily: 'inherit' }}
        >
          <title>{label}</title>
          {children(width)}
        </svg>
      )}
    </div>
  );
}

/** Horizontal grid lines with their values on the left. */
export function YAxis({
  ticks,
  y,
  left,
  right,
  format,
}: {
  ticks: number[];
  y: (v: number) => number;
  left: number;
  right: number;
  format: (v: number) => string;
}) {
  return (
    <g>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke="var(--relata-border)" />
          <text
            x={left - 6}
            y={y(tick)}
            dy="0.32em"
            textAnchor="end"
            fontSize={11}
            fill="var(--mantine-color-gray-6)"
          >
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}
