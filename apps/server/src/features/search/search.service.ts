/**
 * Global search over accounts (name, domain), contacts (name, email, phone in any format) and
 * interaction subjects: substring matches first, then typo-tolerant trigram word matches.
 */
import { type Actor, foldText, nationalForm, phoneQuery, scopeOf } from '@relata/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { andAll, scopeSql } from '../shared/list-query.ts';

export type SearchHit = {
  type: 'contact' | 'account' | 'interaction';
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
};

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createSearchService(deps: { db: Db; defaultPhoneCountry?: string | undefined }) {
  const { db } = deps;

  async function run(
    table: 'contacts' | 'accounts' | 'interactions',
    select: SQL,
    terms: string[],
    scope: SQL | undefined,
    limit: number,
    opts: { exact?: SQL | undefined; fuzzy: boolean },
  ) {
    const t = sql.raw(table);
    const { exact } = opts;
    const term = (q: string) =>
      opts.fuzzy
        ? sql`(search_text LIKE ${like(q)} OR ${q} <% search_text)`
        : sql`search_text LIKE ${like(q)}`;
    const matches = sql.join([...terms.map(term), ...(exact ? [exact] : [])], sql` OR `);
    const score = sql.join(
      [
        ...terms.map(
          (q) =>
            sql`(CASE WHEN search_text LIKE ${like(q)} THEN 1 ELSE 0 END + word_similarity(${q}, search_text))`,
        ),
        // An exact phone number outranks any text match.
        ...(exact ? [sql`(CASE WHEN ${exact} THEN 2 ELSE 0 END)`] : []),
      ],
      sql`, `,
    );
    const res = await db.execute(sql`
      SELECT ${select}, GREATEST(${score}) AS score FROM ${t}
      WHERE ${andAll([sql`(${matches})`, scope])}
      ORDER BY score DESC, id LIMIT ${limit}`);
    return (
      res as unknown as { rows: { id: string; title: string; subtitle: string | null; score: number }[] }
    ).rows;
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
