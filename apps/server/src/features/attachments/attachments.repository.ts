import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { attachments } from '../../db/schema.ts';

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentInsert = typeof attachments.$inferInsert;

export async function insertAttachment(ex: Executor, v: AttachmentInsert): Promise<AttachmentRow> {
  const [row] = await ex.insert(attachments).values(v).returning();
  return row!;
}

export async function getAttachment(
  ex: Executor,
  id: string,
  forUpdate = false,
): Promise<AttachmentRow | undefined> {
  const q = ex.select().from(attachments).where(eq(attachments.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function attachmentsOf(
  ex: Executor,
  recordId: string,
  recordType: string | undefined,
  limit: number,
): Promise<AttachmentRow[]> {
  return ex
    .select()
    .from(attachments)
    .where(
      recordType
        ? and(eq(attachments.recordId, recordId), eq(attachments.recordType, recordType))
        : eq(attachments.recordId, recordId),
    )
    .orderBy(desc(attachments.createdAt), desc(attachments.id))
    .limit(limit);
}

export async function deleteAttachment(ex: Executor, id: string): Promise<void> {
  await ex.delete(attachments).where(eq(attachments.id, id));
}

/** Attachments whose record no longer exists (records are deleted or merged away without them). */
export async function orphanAttachments(ex: Executor, limit: number): Promise<AttachmentRow[]> {
  const gone = (table: string) =>
    sql`NOT EXISTS (SELECT 1 FROM ${sql.raw(table)} r WHERE r.id = ${attachments.recordId})`;
  return ex
    .select()
    .from(attachments)
    .where(
      sql`(${attachments.recordType} = 'contact' AND ${gone('contacts')})
        OR (${attachments.recordType} = 'account' AND ${gone('accounts')})
        OR (${attachments.recordType} = 'interaction' AND ${gone('interactions')})
        OR (${attachments.recordType} = 'task' AND ${gone('tasks')})
        OR (${attachments.recordType} = 'email' AND ${gone('emails')})`,
    )
    .limit(limit);
}
