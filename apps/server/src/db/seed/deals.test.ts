import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { seedDemo } from './demo.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.database, { scale: 300, seed: 11, interactionsPerContact: 0, casesPerContact: 0 });
});
afterAll(async () => {
  await db?.cleanup();
});

describe('demo deals', () => {
  it('spreads deals over the stages, each with the moves that brought it there', async () => {
    const q = db.database.query;
    const byKind = await q<{ kind: string; n: number }>(
      `SELECT s.kind, count(*)::int AS n FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id GROUP BY 1 ORDER BY 1`,
    );
    const n = Object.fromEntries(byKind.map((r) => [r.kind, r.n]));
    expect(n.open! + n.won! + n.lost!).toBe(60);
    expect(n.open).toBeGreaterThan(n.won!);
    expect(n.lost).toBeGreaterThan(0);
    const stagesUsed = await q<{ n: number }>('SELECT count(DISTINCT stage_id)::int AS n FROM deals');
    expect(stagesUsed[0]!.n).toBeGreaterThanOrEqual(5);
    // The last move of every deal is into its current stage, at the time it entered it.
    const bad = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM deals d JOIN LATERAL (
         SELECT to_stage_id, moved_at FROM deal_stage_history h WHERE h.deal_id = d.id ORDER BY moved_at DESC, id DESC LIMIT 1
       ) h ON true WHERE h.to_stage_id <> d.stage_id OR h.moved_at <> d.stage_entered_at`,
    );
    expect(bad[0]!.n).toBe(0);
    const lostWithoutReason = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM deals WHERE status = 'lost' AND (lost_reason_id IS NULL OR lost_at IS NULL)`,
    );
    expect(lostWithoutReason[0]!.n).toBe(0);
    const totals = await q<{ stage_id: string; deals: number; amount: string }>(
      'SELECT stage_id, deals::int AS deals, amount_base::text AS amount FROM deal_stage_totals WHERE deals > 0 ORDER BY stage_id',
    );
    const fresh = await q<{ stage_id: string; deals: number; amount: string }>(
      'SELECT stage_id, count(*)::int AS deals, sum(amount_base)::text AS amount FROM deals GROUP BY 1 ORDER BY 1',
    );
    expect(totals).toEqual(fresh);
  });
});
