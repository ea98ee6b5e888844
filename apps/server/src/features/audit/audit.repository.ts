import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { auditLog } from '../../db/schema.ts';

export type AuditEntry = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

export async function insertAudit(ex: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length) await ex.insert(auditLog).values(list);
}

export async function listAudit(
  ex: Executor,
  opts: { recordId?: string; before?: { at: string; id: string }; limit: number },
): Promise<AuditRow[]> {
  return ex
    .select()
    .from(auditLog)
    .where(
      and(
        opts.recordId ? eq(auditLog.recordId, opts.recordId) : undefined,
        opts.before
          ? sql`(${auditLog.at}, ${auditLog.id}) < (${opts.before.at}::timestamptz, ${opts.before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(opts.limit + 1);
}

/** Moves audit history of a merged record onto the surviving one. */
export async function reassignAudit(ex: Executor, fromId: string, toId: string): Promise<void> {
  await ex.update(auditLog).set({ recordId: toId }).where(eq(auditLog.recordId, fromId));
}

export async function getAuditByIds(ex: Executor, ids: string[]): Promise<AuditRow[]> {
  return ids.length ? ex.select().from(auditLog).where(inArray(auditLog.id, ids)) : [];
}
