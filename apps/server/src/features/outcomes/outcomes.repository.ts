import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { outcomes } from '../../db/schema.ts';

export type OutcomeRow = typeof outcomes.$inferSelect;

export const listOutcomes = (ex: Executor) =>
  ex.select().from(outcomes).orderBy(asc(outcomes.position), asc(outcomes.key));

export async function getOutcome(
  ex: Executor,
  key: string,
  forUpdate = false,
): Promise<OutcomeRow | undefined> {
  const q = ex.select().from(outcomes).where(eq(outcomes.key, key));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertOutcome(ex: Executor, v: typeof outcomes.$inferInsert): Promise<OutcomeRow> {
  const [row] = await ex.insert(outcomes).values(v).returning();
  return row!;
}

export async function updateOutcome(
  ex: Executor,
  key: string,
  v: Partial<typeof outcomes.$inferInsert>,
): Promise<OutcomeRow> {
  const [row] = await ex.update(outcomes).set(v).where(eq(outcomes.key, key)).returning();
  return row!;
}
