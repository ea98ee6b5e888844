/** Merging two records: which value survives for each field. */
export type MergeChoice = 'target' | 'source';

const isEmpty = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/**
 * For each field: the explicit choice if given; otherwise the target's value, falling back
 * to the source's when the target has none. Custom values merge per key the same way.
 */
export function mergeValues(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  fields: readonly string[],
  choices: Record<string, MergeChoice>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const choice = choices[f];
    if (choice === 'source') out[f] = source[f];
    else if (choice === 'target') out[f] = target[f];
    else out[f] = isEmpty(target[f]) ? source[f] : target[f];
  }
  return out;
}

export function mergeCustom(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  choices: Record<string, MergeChoice>,
): Record<string, unknown> {
  const keys = [...new Set([...Object.keys(target), ...Object.keys(source)])];
  const picked: Record<string, MergeChoice> = {};
  for (const k of keys) {
    const c = choices[`custom.${k}`];
    if (c) picked[k] = c;
  }
  const merged = mergeValues(target, source, keys, picked);
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== null));
}

/** Union of two channel lists by key, target entries first (its primary stays primary). */
export function unionBy<T>(a: readonly T[], b: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x))).map((x) => ({ ...x, primary: false }))];
}
