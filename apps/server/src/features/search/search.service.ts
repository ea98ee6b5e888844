/**
 * Global search over accounts (name, domain), contacts (name, email, phone in any format) and
 * interaction subjects: substring matches first, then typo-tolerant trigram word matches.
 */
import { type Actor, foldText, nationalForm, phoneQuery, scopeOf } from '@relata/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { andAll, containsPattern, scopeSql } from '../shared/list-query.ts';

export type SearchHit = {
  type: 'contact' | 'account' | 'interaction';
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
};

export function createSearchService(deps: { db: Db; defaultPhoneCountry?: string | undefined }) {
  const { db } = deps;

  type Row = { id: string; title: string; subtitle: string | null; score: number };
  const rowsOf = (res: unknown) => (res as { rows: Row[] }).rows;

  /**
   * Substring matches first, stopping at `limit` (no ranking over every match: a short term can
   * match a large share of the table); the score is computed for the returned rows only. Only
   * when that finds too few, typo-tolerant trigram word matches (`<%`) fill up, ranked.
   */
  async function run(
    table: 'contacts' | 'accounts' | 'interactions',
    select: SQL,
    terms: string[],
    scope: SQL | undefined,
    limit: number,
    opts: { exact?: SQL | undefined; fuzzy: boolean },
  ): Promise<Row[]> {
    const t = sql.raw(table);
    const { exact } = opts;
    const substring = sql.join(
      [...terms.map((q) => sql`search_text LIKE ${containsPattern(q)}`), ...(exact ? [exact] : [])],
      sql` OR `,
    );
    // An exact phone number outranks any text match.
    const bonus = exact ? sql` + (CASE WHEN ${exact} THEN 2 ELSE 0 END)` : sql``;
    const found = rowsOf(
      await db.execute(sql`
        SELECT ${select}, 1 + word_similarity(${terms[0]!}, search_text)${bonus} AS score FROM ${t}
        WHERE ${andAll([sql`(${substring})`, scope])}
        LIMIT ${limit}`),
    );
    const q = terms[0]!;
    if (!opts.fuzzy || found.length >= limit || q.length < 3) return found;
    const fuzzy = rowsOf(
      await db.execute(sql`
        SELECT ${select}, word_similarity(${q}, search_text) AS score FROM ${t}
        WHERE ${andAll([sql`${q} <% search_text`, sql`NOT (${substring})`, scope])}
        ORDER BY score DESC, id LIMIT ${limit - found.length}`),
    );
    return [...found, ...fuzzy];
  }

  return {
    async search(actor: Actor, raw: string, limit: number): Promise<SearchHit[]> {
      const q = foldText(raw);
      if (q.length < 2)
        throw invalid([{ field: 'q', code: 'too_small', message: 'type at least 2 characters' }]);
      const terms = [q];
      const e164 = phoneQuery(raw, deps.defaultPhoneCountry ?? null);
      const phoneExact = e164 ? sql`phone_keys @> ARRAY[${e164}]::text[]` : undefined;
      if (e164) {
        terms.length = 0;
        terms.push(raw.replace(/\D/g, ''), nationalForm(e164) ?? e164);
      }
      const out: SearchHit[] = [];
      const cScope = scopeOf(actor, 'read', 'contacts');
      if (cScope) {
        const rows = await run(
          'contacts',
          sql`id, name AS title, coalesce(primary_email, primary_phone, job_title) AS subtitle`,
          terms,
          scopeSql(cScope, actor),
          limit,
          { exact: phoneExact, fuzzy: true },
        );
        out.push(...rows.map((r) => ({ ...r, type: 'contact' as const, score: Number(r.score) })));
      }
      const aScope = scopeOf(actor, 'read', 'accounts');
      if (aScope) {
        const rows = await run(
          'accounts',
          sql`id, name AS title, domain AS subtitle`,
          [q],
          scopeSql(aScope, actor),
          limit,
          { fuzzy: true },
        );
        out.push(...rows.map((r) => ({ ...r, type: 'account' as const, score: Number(r.score) })));
      }
      const iScope = scopeOf(actor, 'read', 'interactions');
      if (iScope) {
        const rows = await run(
          'interactions',
          sql`id, subject AS title, channel || ' · ' || to_char(occurred_at, 'YYYY-MM-DD') AS subtitle`,
          [q],
          scopeSql(iScope, actor),
          limit,
          // Subjects repeat across millions of rows: substring only, fuzzy matching is for names.
          { fuzzy: false },
        );
        out.push(...rows.map((r) => ({ ...r, type: 'interaction' as const, score: Number(r.score) * 0.9 })));
      }
      return out.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
