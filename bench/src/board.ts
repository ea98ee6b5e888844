/**
 * The pipeline board at scale (seed with `--deals 1000000`): the board endpoint beside the
 * statements it runs — the pipeline, its stages, the stage totals kept by the deals triggers
 * (or one grouped index scan when filtered to an owner) and one LATERAL query for the first 25
 * cards of every column.
 */
import type { Database } from '../../apps/server/src/db/connection.ts';

type Row = Record<string, unknown>;
type Query = (text: string, values?: unknown[]) => Promise<Row[]>;
type Http = { expect(method: 'GET', path: string, status?: number): Promise<unknown> };
export type BoardWorkload = {
  name: string;
  concurrency: number;
  raw(i: number): Promise<void>;
  api(i: number, http: Http): Promise<void>;
};

const cards = (
  filter: string,
) => `SELECT d.id, d.stage_id, d.name, d.amount, d.currency, d.amount_base, d.rank,
    d.expected_close_date::text, d.stage_entered_at, d.status, d.version, d.owner_id, u.name AS owner_name,
    d.account_id, a.name AS account_name, d.contact_id, c.name AS contact_name
  FROM pipeline_stages s
  CROSS JOIN LATERAL (SELECT * FROM deals WHERE stage_id = s.id ${filter} ORDER BY rank, id LIMIT 26) d
  LEFT JOIN users u ON u.id = d.owner_id LEFT JOIN accounts a ON a.id = d.account_id
  LEFT JOIN contacts c ON c.id = d.contact_id
  WHERE s.pipeline_id = $1 ORDER BY s.position, d.rank, d.id`;
const sqlPipeline = 'SELECT * FROM pipelines WHERE id = $1';
const sqlStages =
  'SELECT * FROM pipeline_stages WHERE pipeline_id = ANY($1::uuid[]) ORDER BY pipeline_id, position';
const sqlTotals = `SELECT t.stage_id, t.deals::int AS deals, t.amount_base::text AS amount FROM deal_stage_totals t
  JOIN pipeline_stages s ON s.id = t.stage_id WHERE s.pipeline_id = $1`;
const sqlOwnerTotals = `SELECT stage_id, count(*)::int AS deals, coalesce(sum(amount_base), 0)::text AS amount
  FROM deals WHERE pipeline_id = $1 AND owner_id = $2 GROUP BY stage_id`;
const sqlSettings = `SELECT value FROM settings WHERE key = 'value.settings'`;

/** The board workloads, when the benchmark database holds deals (none otherwise). */
export async function boardWorkloads(
  database: Database,
  query: Query,
  concurrency: number,
): Promise<BoardWorkload[]> {
  const [pipeline] = await database.query<{ id: string; deals: number }>(
    `SELECT p.id, (SELECT coalesce(sum(t.deals), 0)::int FROM deal_stage_totals t JOIN pipeline_stages s ON s.id = t.stage_id
       WHERE s.pipeline_id = p.id) AS deals FROM pipelines p WHERE p.is_default`,
  );
  if (!pipeline || pipeline.deals < 1000) return [];
  const owners = (
    await database.query<{ owner_id: string }>(
      'SELECT DISTINCT owner_id FROM deals WHERE owner_id IS NOT NULL AND pipeline_id = $1 LIMIT 20',
      [pipeline.id],
    )
  ).map((r) => r.owner_id);
  const id = pipeline.id;
  const owner = (i: number) => owners[i % owners.length]!;
  const label = `${Math.round(pipeline.deals / 1000)}k deals`;
  return [
    {
      name: `board load (${label}, 25 cards a column)`,
      concurrency,
      raw: async () => {
        await query(sqlPipeline, [id]);
        await query(sqlStages, [[id]]);
        await query(sqlTotals, [id]);
        await query(cards(''), [id]);
        await query(sqlSettings);
      },
      api: async (_i, http) => {
        await http.expect('GET', `/api/v1/pipelines/${id}/board?limit=25`);
      },
    },
    {
      name: `board load for one owner (${label})`,
      concurrency,
      raw: async (i) => {
        await query(sqlPipeline, [id]);
        await query(sqlStages, [[id]]);
        await query(sqlOwnerTotals, [id, owner(i)]);
        await query(cards('AND owner_id = $2::uuid'), [id, owner(i)]);
        await query(sqlSettings);
      },
      api: async (i, http) => {
        await http.expect('GET', `/api/v1/pipelines/${id}/board?limit=25&ownerId=${owner(i)}`);
      },
    },
  ];
}
