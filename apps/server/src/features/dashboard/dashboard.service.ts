import { type Actor, can } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { countAccounts } from '../accounts/accounts.repository.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { countContacts } from '../contacts/contacts.repository.ts';
import { countUsers } from '../users/users.repository.ts';

export function createDashboardService(deps: { db: Db; audit: AuditService }) {
  return {
    async summary(actor: Actor) {
      const [contacts, accounts, users] = await Promise.all([
        can(actor, 'read', 'contacts') ? countContacts(deps.db) : null,
        can(actor, 'read', 'accounts') ? countAccounts(deps.db) : null,
        can(actor, 'read', 'users') ? countUsers(deps.db) : null,
      ]);
      const recent = can(actor, 'read', 'audit') ? (await deps.audit.list(actor, { limit: 10 })).data : [];
      return { contacts, accounts, users, recent };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
