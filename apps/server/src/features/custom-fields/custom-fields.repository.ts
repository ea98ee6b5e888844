import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { customFieldDefs } from '../../db/schema.ts';

export type CustomFieldRow = typeof customFieldDefs.$inferSelect;

export async function listDefs(ex: Executor, entity?: 'contact' | 'account'): Promise<CustomFieldRow[]> {
  return ex
    .select()
    .from(customFieldDefs)
    .where(entity ? eq(customFieldDefs.entity, entity) : undefined)
    .orderBy(asc(customFieldDefs.entity), asc(customFieldDefs.position), asc(customFieldDefs.key));
}

export async function getDef(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<CustomFieldRow | undefined> {
  const q = ex.select().from(customFieldDefs).where(eq(customFieldDefs.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findDefByKey(ex: Executor, entity: 'contact' | 'account', key: string) {
  const [row] = await ex
    .select()
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.entity, entity), eq(customFieldDefs.key, key)));
  return row;
}

export async function insertDef(
  ex: Executor,
  values: typeof customFieldDefs.$inferInsert,
): Promise<CustomFieldRow> {
  const [row] = await ex.insert(customFieldDefs).values(values).returning();
  return row!;
}

export async function updateDef(
  ex: Executor,
  id: string,
  values: Partial<typeof customFieldDefs.$inferInsert>,
) {
  const [row] = await ex.update(customFieldDefs).set(values).where(eq(customFieldDefs.id, id)).returning();
  return row!;
}

export async function deleteDef(ex: Executor, id: string): Promise<void> {
  await ex.delete(customFieldDefs).where(eq(customFieldDefs.id, id));
}
