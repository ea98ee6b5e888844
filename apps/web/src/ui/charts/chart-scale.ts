/** Small helpers shared by the hand-drawn SVG charts: nice axis ticks and linear scales. */

/**
 * Round tick values from 0 to at least `max` (about `count` steps of 1, 2, 2.5 or 5 × 10ⁿ);
 * `integer` keeps whole steps, for counts.
 */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const step = integer ? Math.max(1, Math.ceil(nice)) : nice;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks.length > 1 ? ticks : [0, step];
}

/** A linear map from a domain onto a range. */
export function linear(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Colours of the charts (Mantine palette values, so they match badges and text). */
export const chartColors = {
  primary: 'var(--mantine-color-brand-5)',
  secondary: 'var(--mantine-color-orange-5)',
  grid: 'var(--relata-border)',
  axis: 'var(--mantine-color-gray-6)',
  text: 'var(--mantine-color-gray-7)',
  desired: 'var(--mantine-color-teal-6)',
  undesired: 'var(--mantine-color-red-6)',
  neutral: 'var(--mantine-color-gray-5)',
};
