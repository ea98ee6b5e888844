/** Field-level differences for the audit log. */
export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): FieldDiff {
  const out: FieldDiff = {};
  for (const f of fields) {
    const a = before[f] ?? null;
    const b = after[f] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[f] = { from: a, to: b };
  }
  return out;
}

/** The diff of a created record (everything from null) or a deleted one (everything to null). */
export function snapshotDiff(
  record: Record<string, unknown>,
  fields: readonly string[],
  dir: 'created' | 'deleted',
): FieldDiff {
  const out: FieldDiff = {};
  for (const f of fields) {
    const v = record[f] ?? null;
    if (v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[f] = dir === 'created' ? { from: null, to: v } : { from: v, to: null };
  }
  return out;
}
