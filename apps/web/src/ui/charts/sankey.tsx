import { ChartFrame } from './chart-frame.tsx';
import { chartColors } from './chart-scale.ts';
import classes from './charts.module.css';

export type SankeyNode = { key: string; label: string };
export type SankeyLinkKind = 'desired' | 'undesired' | 'neutral';
export type SankeyLink = { from: string; to: string; value: number; kind: SankeyLinkKind; title?: string };

const kindColor: Record<SankeyLinkKind, string> = {
  desired: chartColors.desired,
  undesired: chartColors.undesired,
  neutral: chartColors.neutral,
};
const nodeWidth = 12;
const gap = 10;

type Placed = { key: string; label: string; y: number; h: number; total: number };

/** Stacks the nodes that carry any value from the top, each as tall as its total. */
function place(nodes: SankeyNode[], totals: Map<string, number>, scale: number, top: number): Placed[] {
  let y = top;
  const out: Placed[] = [];
  for (const n of nodes) {
    const total = totals.get(n.key) ?? 0;
    if (total <= 0) continue;
    const h = Math.max(2, total * scale);
    out.push({ key: n.key, label: n.label, y, h, total });
    y += h + gap;
  }
  return out;
}

function sum(links: SankeyLink[], side: 'from' | 'to'): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of links) m.set(l[side], (m.get(l[side]) ?? 0) + l.value);
  return m;
}

/**
 * A two-column Sankey diagram: sources on the left, targets on the right, each link a cubic band as
 * wide as its value, coloured by kind (desired green, undesired red, neither grey).
 */
export function Sankey({
  left,
  right,
  links,
  label,
  formatValue,
  height = 440,
  labelWidth = 150,
}: {
  left: SankeyNode[];
  right: SankeyNode[];
  links: SankeyLink[];
  label: string;
  formatValue: (v: number) => string;
  height?: number;
  labelWidth?: number;
}) {
  const live = links.filter((l) => l.value > 0);
  const fromTotals = sum(live, 'from');
  const toTotals = sum(live, 'to');
  const total = live.reduce((s, l) => s + l.value, 0);
  const count = Math.max(fromTotals.size, toTotals.size);
  const top = 6;
  const scale = total > 0 ? (height - top * 2 - gap * Math.max(0, count - 1)) / total : 0;
  const lefts = place(left, fromTotals, scale, top);
  const rights = place(right, toTotals, scale, top);
  const leftOrder = new Map(left.map((n, i) => [n.key, i]));
  const rightOrder = new Map(right.map((n, i) => [n.key, i]));
  // Bands leave each source in the order of their targets, and enter each target in source order.
  const outOffset = new Map(lefts.map((n) => [n.key, n.y]));
  const inOffset = new Map(rights.map((n) => [n.key, n.y]));
  const ordered = [...live].sort(
    (a, b) =>
      (leftOrder.get(a.from) ?? 0) - (leftOrder.get(b.from) ?? 0) ||
      (rightOrder.get(a.to) ?? 0) - (rightOrder.get(b.to) ?? 0),
  );
  const bands = ordered.map((l) => {
    const h = Math.max(1, l.value * scale);
    const y0 = outOffset.get(l.from) ?? 0;
    outOffset.set(l.from, y0 + h);
    return { link: l, h, y0, y1: 0 };
  });
  for (const b of [...bands].sort(
    (a, c) =>
      (rightOrder.get(a.link.to) ?? 0) - (rightOrder.get(c.link.to) ?? 0) ||
      (leftOrder.get(a.link.from) ?? 0) - (leftOrder.get(c.link.from) ?? 0),
  )) {
    b.y1 = inOffset.get(b.link.to) ?? 0;
    inOffset.set(b.link.to, b.y1 + b.h);
  }

  return (
    <ChartFrame height={height} label={label}>
      {(width) => {
        const lw = Math.min(labelWidth, width * 0.28);
        const x0 = lw + nodeWidth;
        const x1 = width - lw - nodeWidth;
        const mid = (x0 + x1) / 2;
        return (
          <>
            {bands.map(({ link, h, y0, y1 }) => (
              <path
                key={`${link.from}-${link.to}`}
                className={classes.link}
                d={`M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1} L${x1},${y1 + h} C${mid},${y1 + h} ${mid},${y0 + h} ${x0},${y0 + h} Z`}
                fill={kindColor[link.kind]}
              >
                <title>{link.title ?? `${link.from} → ${link.to}: ${formatValue(link.value)}`}</title>
              </path>
            ))}
            {lefts.map((n) => (
              <g key={`l-${n.key}`}>
                <rect
                  x={lw}
                  y={n.y}
                  width={nodeWidth}
                  height={n.h}
                  rx={2}
                  fill="var(--mantine-color-dark-4)"
                />
                <text
                  x={lw - 8}
                  y={n.y + n.h / 2}
                  dy="0.32em"
                  textAnchor="end"
                  fontSize={12}
                  fill={chartColors.text}
                >
                  {n.label} · {formatValue(n.total)}
                </text>
              </g>
            ))}
            {rights.map((n) => (
              <g key={`r-${n.key}`}>
                <rect
                  x={x1}
                  y={n.y}
                  width={nodeWidth}
                  height={n.h}
                  rx={2}
                  fill="var(--mantine-color-dark-4)"
                />
                <text
                  x={x1 + nodeWidth + 8}
                  y={n.y + n.h / 2}
                  dy="0.32em"
                  fontSize={12}
                  fill={chartColors.text}
                >
                  {n.label} · {formatValue(n.total)}
                </text>
              </g>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}
