/** Opaque keyset cursors: the sort value and id of the last row of a page. */
import { AppError } from './errors.ts';
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

/** Cursors of newest-first feeds (audit log, timelines): the time and id of the last item. */
export type TimeCursor = { at: string; id: string };

export function encodeTimeCursor(c: TimeCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** The cursor, or null when it is malformed. */
export function decodeTimeCursor(raw: string): TimeCursor | null {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<TimeCursor>;
    if (
      typeof c?.at === 'string' &&
      !Number.isNaN(Date.parse(c.at)) &&
      typeof c.id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(c.id)
    ) {
      return { at: c.at, id: c.id };
    }
  } catch {
    // fall through
  }
  return null;
}

/** Like decodeTimeCursor, but a malformed cursor is the caller's 400. */
export function parseTimeCursor(raw: string): TimeCursor {
  const c = decodeTimeCursor(raw);
  if (!c) {
    throw new AppError('invalid_filter', 'malformed cursor', {
      errors: [{ field: 'cursor', code: 'invalid_value', message: 'malformed cursor' }],
    });
  }
  return c;
}
