import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

/** Re-points everything that hangs off a merged contact or account at the survivor. */
export async function moveRecordHistory(
  ex: Executor,
  kind: 'contact' | 'account',
  fromId: string,
  toId: string,
): Promise<void> {
  const col = sql.raw(kind === 'contact' ? 'contact_id' : 'account_id');
  const from = sql`${fromId}::uuid`;
  const to = sql`${toId}::uuid`;
  await ex.execute(sql`UPDATE interactions SET ${col} = ${to} WHERE ${col} = ${from}`);
  await ex.execute(sql`UPDATE tasks SET ${col} = ${to} WHERE ${col} = ${from}`);
  await ex.execute(sql`UPDATE emails SET ${col} = ${to} WHERE ${col} = ${from}`);
  await ex.execute(sql`UPDATE notes SET record_id = ${to} WHERE record_id = ${from}`);
  await ex.execute(sql`UPDATE attachments SET record_id = ${to} WHERE record_id = ${from}`);
  // Purchases follow the customer; the survivor is rescored, the merged one's value forgotten.
  await ex.execute(sql`UPDATE orders SET ${col} = ${to} WHERE ${col} = ${from}`);
  await ex.execute(sql`UPDATE invoices SET ${col} = ${to} WHERE ${col} = ${from}`);
  await ex.execute(sql`UPDATE warranties SET ${col} = ${to} WHERE ${col} = ${from}`);
  await forgetCustomerValue(ex, kind, fromId);
  if (kind === 'contact') {
    await ex.execute(sql`DELETE FROM interaction_participants p WHERE p.participant_id = ${from} AND EXISTS (
      SELECT 1 FROM interaction_participants o WHERE o.interaction_id = p.interaction_id AND o.participant_id = ${to})`);
    await ex.execute(
      sql`UPDATE interaction_participants SET participant_id = ${to} WHERE participant_id = ${from}`,
    );
  }
}

/** Notes hang off records without a foreign key; they go with a deleted contact or account. */
export async function deleteRecordNotes(ex: Executor, recordId: string): Promise<void> {
  await ex.execute(sql`DELETE FROM notes WHERE record_id = ${recordId}::uuid`);
}

/** A deleted or merged-away customer leaves no scores or lifecycle history behind. */
export async function forgetCustomerValue(
  ex: Executor,
  kind: 'contact' | 'account',
  id: string,
): Promise<void> {
  await ex.execute(
    sql`DELETE FROM customer_values WHERE customer_type = ${kind} AND customer_id = ${id}::uuid`,
  );
  await ex.execute(
    sql`DELETE FROM lifecycle_history WHERE customer_type = ${kind} AND customer_id = ${id}::uuid`,
  );
}
