/** Shared pieces of the ERP feeds: per-record outcomes of an idempotent bulk upsert. */
import { type Actor, diffFields, type FieldError, snapshotDiff } from '@relata/domain';
import type { Executor } from '../../db/connection.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';

export type UpsertStatus = 'created' | 'updated' | 'unchanged';
export type UpsertResult = { externalId: string; id: string; status: UpsertStatus };
export type BulkResult = {
  created: number;
  updated: number;
  unchanged: number;
  records: UpsertResult[];
};

export function bulkResult(records: UpsertResult[]): BulkResult {
  const count = (s: UpsertStatus) => records.filter((r) => r.status === s).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), records };
}

/** A feed may not name the same external id twice: which of the two should win is unclear. */
export function rejectRepeatedExternalIds(records: readonly { externalId: string }[]): void {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  records.forEach((r, i) => {
    const first = seen.get(r.externalId);
    if (first !== undefined)
      errors.push({
        field: `records.${i}.externalId`,
        code: 'duplicate',
        message: `repeats records.${first}.externalId`,
      });
    else seen.set(r.externalId, i);
  });
  if (errors.length) throw invalid(errors, 'The batch names an external id twice');
}

/** Stable comparison of plain JSON-like values for "did anything change". */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Field names whose values differ between the stored record and the incoming one. */
export function changedKeys<T extends Record<string, unknown>>(cur: T, next: Partial<T>): (keyof T)[] {
  return (Object.keys(next) as (keyof T)[]).filter(
    (k) => next[k] !== undefined && !sameValue(cur[k], next[k]),
  );
}

/**
 * Runs independent checks and answers with all their field errors at once, so a client fixes
 * its input in one round trip. Errors other than validation pass through unchanged.
 */
export async function allValid<T extends readonly unknown[]>(
  tasks: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const settled = await Promise.allSettled(tasks);
  const errors: FieldError[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') continue;
    const e = s.reason;
    if (e instanceof AppError && e.code === 'validation_failed' && e.errors) errors.push(...e.errors);
    else throw e;
  }
  if (errors.length) throw invalid(errors);
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * One record of a feed: insert it when new, leave it when nothing changed, update it otherwise;
 * each write with its audit row (marked as coming from a feed).
 */
export async function upsertOne<R extends { id: string }>(
  tx: Executor,
  actor: Actor,
  o: {
    recordType: string;
    externalId: string;
    cur: R | undefined;
    unchanged: (cur: R) => boolean;
    insert: () => Promise<R>;
    update: (cur: R) => Promise<R>;
    auditFields: readonly string[];
  },
): Promise<UpsertResult> {
  const meta = { source: 'bulk' };
  if (!o.cur) {
    const created = await o.insert();
    await insertAudit(
      tx,
      auditEntry(
        actor,
        'create',
        o.recordType,
        created.id,
        snapshotDiff(created, o.auditFields, 'created'),
        meta,
      ),
    );
    return { externalId: o.externalId, id: created.id, status: 'created' };
  }
  if (o.unchanged(o.cur)) return { externalId: o.externalId, id: o.cur.id, status: 'unchanged' };
  const next = await o.update(o.cur);
  await insertAudit(
    tx,
    auditEntry(actor, 'update', o.recordType, o.cur.id, diffFields(o.cur, next, o.auditFields), meta),
  );
  return { externalId: o.externalId, id: o.cur.id, status: 'updated' };
}
