import { type Actor, can } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { AppError, forbidden } from '../../http/errors.ts';
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

type Cursor = { at: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    if (typeof c.at === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.at))) return c;
  } catch {
    // fall through
  }
  throw new AppError('invalid_filter', 'malformed cursor', {
    errors: [{ field: 'cursor', code: 'invalid_value', message: 'malformed cursor' }],
  });
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
        ...(q.cursor ? { before: decode(q.cursor) } : {}),
        limit: q.limit,
      });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const last = page[page.length - 1];
      return {
        data: page.map(presentAudit),
        nextCursor: more && last ? encode({ at: last.at.toISOString(), id: last.id }) : null,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
