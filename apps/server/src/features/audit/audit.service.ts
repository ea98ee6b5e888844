import { type Actor, can } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { forbidden } from '../../http/errors.ts';
import type { Page } from '../shared/list.ts';
import { presentAudit } from './audit.presenter.ts';
import { type AuditEntry, listAudit } from './audit.repository.ts';

/** The audit row for a change made by `actor`. */
export function auditEntry(
  actor: Actor,
  action: string,
  recordType: string,
  recordId: string | null,
  changes: AuditEntry['changes'] = {},
  meta: Record<string, unknown> = {},
): AuditEntry {
  return {
    actorType: actor.kind,
    actorId: actor.userId,
    actorName: actor.name,
    action,
    recordType,
    recordId,
    changes,
    meta: actor.apiKeyId ? { ...meta, apiKeyId: actor.apiKeyId } : meta,
  };
}

export function createAuditService(deps: { db: Db }) {
  return {
    async list(
      actor: Actor,
      q: { recordId?: string | undefined; cursor?: string | undefined; limit: number },
    ): Promise<Page<ReturnType<typeof presentAudit>>> {
      if (!can(actor, 'read', 'audit')) throw forbidden();
      const rows = await listAudit(deps.db, {
        ...(q.recordId ? { recordId: q.recordId } : {}),
        ...(q.cursor ? { before: parseTimeCursor(q.cursor) } : {}),
        limit: q.limit,
      });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const last = page[page.length - 1];
      return {
        data: page.map(presentAudit),
        nextCursor: more && last ? encodeTimeCursor({ at: last.at.toISOString(), id: last.id }) : null,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
