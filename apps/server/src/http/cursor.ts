/** Opaque keyset cursors: the sort value and id of the last row of a page. */
export type CursorValue = string | number | boolean | null;
export type Cursor = { s: string; v: CursorValue; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string, sortKey: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof c !== 'object' || c === null || c.s !== sortKey || typeof c.id !== 'string') return null;
    const v = c.v;
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) return null;
    return { s: c.s, v: v ?? null, id: c.id };
  } catch {
    return null;
  }
}
