import { type Actor, can } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { countUsers } from '../users/users.repository.ts';
import { tableSizes } from './dashboard.repository.ts';

export function createDashboardService(deps: { db: Db; audit: AuditService }) {
  return {
    async summary(actor: Actor) {
      const readable = (['contacts', 'accounts'] as const).filter((t) => can(actor, 'read', t));
      const [sizes, users] = await Promise.all([
        tableSizes(deps.db, readable),
        can(actor, 'read', 'users') ? countUsers(deps.db) : null,
      ]);
      const contacts = sizes.contacts ?? null;
      const accounts = sizes.accounts ?? null;
      const recent = can(actor, 'read', 'audit') ? (await deps.audit.list(actor, { limit: 10 })).data : [];
      return { contacts, accounts, users, recent };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
