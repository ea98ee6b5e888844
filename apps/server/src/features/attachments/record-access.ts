/** The record an attachment hangs off, as authorisation sees it (resource, owner, team). */
import type { AttachmentRecordType, Owned, Resource } from '@relata/domain';
import type { Executor } from '../../db/connection.ts';
import { getAccount } from '../accounts/accounts.repository.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { getEmail } from '../email/email.repository.ts';
import { getInteraction } from '../interactions/interactions.repository.ts';
import { getTask } from '../tasks/tasks.repository.ts';

export type RecordRef = { resource: Resource; owned: Owned; what: string };

export async function recordRef(
  ex: Executor,
  type: AttachmentRecordType,
  id: string,
): Promise<RecordRef | undefined> {
  switch (type) {
    case 'contact': {
      const r = await getContact(ex, id);
      return r && { resource: 'contacts', owned: r, what: 'Contact' };
    }
    case 'account': {
      const r = await getAccount(ex, id);
      return r && { resource: 'accounts', owned: r, what: 'Account' };
    }
    case 'interaction': {
      const r = await getInteraction(ex, id);
      return r && { resource: 'interactions', owned: r, what: 'Interaction' };
    }
    case 'task': {
      const r = await getTask(ex, id);
      return r && { resource: 'tasks', owned: { ownerId: r.assigneeId, teamId: r.teamId }, what: 'Task' };
    }
    case 'email': {
      const r = await getEmail(ex, id);
      return r && { resource: 'emails', owned: { ownerId: r.userId, teamId: r.teamId }, what: 'Email' };
    }
  }
}
