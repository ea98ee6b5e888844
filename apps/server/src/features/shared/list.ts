/** Parses a list request (query string) against an entity's whitelist into a page request. */
import {
  type Actor,
  type Condition,
  type CustomFieldDef,
  customFieldSpecs,
  type FieldKind,
  type FieldSpecs,
  FilterError,
  type ListQuery,
  parseFilters,
  parseSort,
  type Resource,
  type Sort,
  scopeOf,
} from '@relata/domain';
import type { SQL } from 'drizzle-orm';
import { type Cursor, decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import {
  andAll,
  conditionSql,
  customFieldExpr,
  keysetSql,
  type ListField,
  type ListFields,
  orderSql,
  type ScopeColumns,
  scopeSql,
  sortValueSql,
} from './list-query.ts';

export type PageRequest = {
  limit: number;
  where: SQL;
  order: SQL;
  sortValue: SQL;
  sort: Sort;
};

export type Page<T> = { data: T[]; nextCursor: string | null };

export function withCustomFields(fields: ListFields, defs: readonly CustomFieldDef[]): ListFields {
  const specs = customFieldSpecs(defs);
  const out: ListFields = { ...fields };
  for (const d of defs) {
    const spec = specs[`custom.${d.key}`];
    if (spec) out[`custom.${d.key}`] = { ...spec, expr: customFieldExpr(d.key, spec.kind, d.type) };
  }
  return out;
}

/**
 * Builds the WHERE/ORDER of a page. `extra` holds entity-specific conditions already turned
 * into SQL (search, relationship filters). Throws invalid_filter for unknown fields.
 */
export function pageRequest(opts: {
  actor: Actor;
  resource: Resource;
  query: ListQuery & Record<string, unknown>;
  fields: ListFields;
  defaultSort: Sort;
  idExpr: SQL;
  special?: Record<string, (c: Condition) => SQL>;
  extra?: (SQL | undefined)[];
  scopeColumns?: ScopeColumns;
  /** Values such as `me` that stand for another, per field. */
  aliases?: Record<string, Record<string, string>>;
  /** The kind of each special filter (default uuid). */
  specialKinds?: Record<string, FieldKind>;
}): PageRequest {
  const scope = scopeOf(opts.actor, 'read', opts.resource);
  if (!scope) throw forbidden();
  const specs: FieldSpecs = opts.fields;
  let conditions: Condition[];
  let sort: Sort;
  try {
    const allSpecs: FieldSpecs = { ...specs };
    for (const k of Object.keys(opts.special ?? {}))
      allSpecs[k] = allSpecs[k] ?? { kind: opts.specialKinds?.[k] ?? 'uuid', sortable: false };
    conditions = parseFilters(opts.query, allSpecs, {
      ownerId: { me: opts.actor.userId ?? '' },
      ...opts.aliases,
    });
    sort = parseSort(opts.query.sort, specs, opts.defaultSort);
  } catch (e) {
    if (e instanceof FilterError) throw new AppError('invalid_filter', e.message, { errors: e.errors });
    throw e;
  }
  const sortField = opts.fields[sort.field] as ListField;
  const parts: (SQL | undefined)[] = [scopeSql(scope, opts.actor, opts.scopeColumns), ...(opts.extra ?? [])];
  for (const c of conditions) {
    const special = opts.special?.[c.field];
    if (special) parts.push(special(c));
    else {
      const f = opts.fields[c.field] as ListField;
      parts.push(conditionSql(f, c, c.field.startsWith('custom.') ? c.field.slice(7) : undefined));
    }
  }
  const sortKey = `${sort.field}:${sort.dir}`;
  if (opts.query.cursor) {
    const cursor = decodeCursor(opts.query.cursor, sortKey);
    if (!cursor) {
      throw new AppError('invalid_filter', 'The cursor does not belong to this list or sort', {
        errors: [{ field: 'cursor', code: 'invalid_value', message: 'stale or malformed cursor' }],
      });
    }
    parts.push(keysetSql(sortField, sort, cursor, opts.idExpr));
  }
  return {
    limit: opts.query.limit,
    where: andAll(parts),
    order: orderSql(sortField, sort, opts.idExpr),
    sortValue: sortValueSql(sortField),
    sort,
  };
}

/** Takes limit+1 rows, returns a page and the cursor to the next one. */
export function toPage<R extends { id: string; _sort: string | null }, T>(
  rows: R[],
  req: PageRequest,
  present: (r: R) => T,
): Page<T> {
  const more = rows.length > req.limit;
  const pageRows = more ? rows.slice(0, req.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  const cursor: Cursor | null =
    more && last ? { s: `${req.sort.field}:${req.sort.dir}`, v: last._sort, id: last.id } : null;
  return { data: pageRows.map(present), nextCursor: cursor ? encodeCursor(cursor) : null };
}
