import type { AuditRow } from './audit.repository.ts';

export function presentAudit(r: AuditRow) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorType: r.actorType,
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    recordType: r.recordType,
    recordId: r.recordId,
    changes: r.changes,
    meta: r.meta,
  };
}
