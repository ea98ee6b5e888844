/**
 * Turns a parsed list request (conditions, sort, cursor, scope) into parameterised SQL
 * fragments for keyset pagination. Field names never reach SQL: every field maps to an
 * expression chosen here from a whitelist.
 */
import type { Condition, FieldKind, FieldSpec, Scope, Sort } from '@relata/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Cursor } from '../../http/cursor.ts';

export type ListField = FieldSpec & { expr: SQL };
export type ListFields = Record<string, ListField>;

const pgType: Record<FieldKind, string> = {
  text: 'text',
  number: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  uuid: 'uuid',
  enum: 'text',
  tags: 'text',
};

/** Typed expression for `custom.<key>` on a table with a `custom` jsonb column. */
export function customFieldExpr(key: string, kind: FieldKind, type: string): SQL {
  if (type === 'money') return sql`((custom -> ${key} ->> 'amount')::numeric)`;
  if (kind === 'tags') return sql`(custom -> ${key})`;
  return sql.raw(`((custom ->> ${quoteLiteral(key)})::${pgType[kind]})`);
}

/** Keys are validated as lower_snake_case before they get here; quoting is belt and braces. */
function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching `s` anywhere, with its wildcards escaped. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;

/** A LIKE pattern matching strings that start with `s`. */
export const startsWithPattern = (s: string) => `${escapeLike(s)}%`;

export function conditionSql(f: ListField, c: Condition, customKey?: string): SQL {
  const t = sql.raw(pgType[f.kind]);
  const v = c.value;
  if (f.kind === 'tags') {
    switch (c.op) {
      case 'eq':
        return sql`coalesce(${f.expr}, '[]'::jsonb) @> jsonb_build_array(${v}::text)`;
      case 'in':
        return sql`coalesce(${f.expr}, '[]'::jsonb) ?| ${sql.param(v as string[])}::text[]`;
      case 'is_null':
        return v
          ? sql`(${f.expr} IS NULL OR ${f.expr} = '[]'::jsonb)`
          : sql`jsonb_array_length(${f.expr}) > 0`;
      default:
        throw new Error(`unsupported op ${c.op} for tags`);
    }
  }
  // Equality on a custom field uses jsonb containment so the GIN index applies.
  if (customKey && c.op === 'eq' && (f.kind === 'text' || f.kind === 'enum' || f.kind === 'boolean')) {
    return sql`custom @> jsonb_build_object(${customKey}::text, ${f.kind === 'boolean' ? sql`${v}::boolean` : sql`${v}::text`})`;
  }
  switch (c.op) {
    case 'eq':
      return sql`${f.expr} = ${v}::${t}`;
    case 'neq':
      return sql`${f.expr} IS DISTINCT FROM ${v}::${t}`;
    case 'lt':
      return sql`${f.expr} < ${v}::${t}`;
    case 'lte':
      return sql`${f.expr} <= ${v}::${t}`;
    case 'gt':
      return sql`${f.expr} > ${v}::${t}`;
    case 'gte':
      return sql`${f.expr} >= ${v}::${t}`;
    case 'contains':
      return sql`${f.expr}::text ILIKE ${`%${escapeLike(String(v))}%`}`;
    case 'starts_with':
      return sql`${f.expr}::text ILIKE ${`${escapeLike(String(v))}%`}`;
    case 'in':
      return sql`${f.expr} = ANY(${sql.param((v as (string | number)[]).map(String))}::${sql.raw(pgType[f.kind])}[])`;
    case 'is_null':
      return v ? sql`${f.expr} IS NULL` : sql`${f.expr} IS NOT NULL`;
  }
}

export type ScopeColumns = { owner: string; team: string };

export function scopeSql(
  scope: Scope,
  actor: { userId: string | null; teamId: string | null },
  cols: ScopeColumns = { owner: 'owner_id', team: 'team_id' },
): SQL | undefined {
  const owner = sql.raw(cols.owner);
  const team = sql.raw(cols.team);
  switch (scope) {
    case 'all':
      return undefined;
    case 'team':
      return actor.teamId
        ? sql`(${owner} = ${actor.userId}::uuid OR ${team} = ${actor.teamId}::uuid)`
        : sql`${owner} = ${actor.userId}::uuid`;
    case 'own':
      return sql`${owner} = ${actor.userId}::uuid`;
  }
}

/** WHERE fragment that starts a page after the cursor (nulls sort last in both directions). */
export function keysetSql(f: ListField, sort: Sort, cursor: Cursor, idExpr: SQL): SQL {
  const t = sql.raw(pgType[f.kind]);
  const id = sql`${cursor.id}::uuid`;
  const cmp = sql.raw(sort.dir === 'asc' ? '>' : '<');
  if (f.notNull) return sql`(${f.expr}, ${idExpr}) ${cmp} (${cursor.v}::${t}, ${id})`;
  if (cursor.v === null) return sql`(${f.expr} IS NULL AND ${idExpr} ${cmp} ${id})`;
  return sql`(${f.expr} ${cmp} ${cursor.v}::${t} OR (${f.expr} = ${cursor.v}::${t} AND ${idExpr} ${cmp} ${id}) OR ${f.expr} IS NULL)`;
}

export function orderSql(f: ListField, sort: Sort, idExpr: SQL): SQL {
  const dir = sql.raw(sort.dir === 'asc' ? 'ASC' : 'DESC');
  if (f.notNull) return sql`${f.expr} ${dir}, ${idExpr} ${dir}`;
  return sql`${f.expr} ${dir} NULLS LAST, ${idExpr} ${dir}`;
}

export function sortValueSql(f: ListField): SQL {
  return sql`(${f.expr})::text`;
}

export function andAll(parts: (SQL | undefined)[]): SQL {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql.join(present, sql` AND `) : sql`TRUE`;
}
