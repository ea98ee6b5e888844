/**
 * Contact and account NPS kept in step: a contact's NPS is its latest answer, an account's
 * rolls up the latest answers of the contacts working there now. Recounted in the caller's
 * transaction whenever either side moves: an answer, an erasure, a works_at relationship added,
 * ended or deleted, a contact deleted or merged.
 */
import { type NpsCategory, npsCategory } from '@relata/domain';
import type { Executor } from '../../db/connection.ts';
import { getContact, updateContact } from '../contacts/contacts.repository.ts';
import { employersOf, latestNps, recountAccountNps } from './surveys.repository.ts';

export type NpsChange = { before: NpsCategory | null; after: NpsCategory | null; score: number | null };

/** Sets the contact's NPS from its latest answer and recounts the accounts it works at. */
export async function refreshContactNps(tx: Executor, contactId: string): Promise<NpsChange> {
  const latest = await latestNps(tx, contactId);
  const contact = await getContact(tx, contactId);
  const category = latest ? npsCategory(latest.score) : null;
  await updateContact(tx, contactId, {
    npsScore: latest?.score ?? null,
    npsCategory: category,
    npsAnsweredAt: latest ? new Date(latest.recorded_at) : null,
  });
  await recountAccountNps(tx, await employersOf(tx, contactId));
  return { before: contact?.npsCategory ?? null, after: category, score: latest?.score ?? null };
}

/** Recounts the accounts at the far end of works_at relationships that changed. */
export async function recountEmployers(
  tx: Executor,
  rels: readonly { type: string; toType: string; toId: string }[],
): Promise<void> {
  const accounts = rels.filter((r) => r.type === 'works_at' && r.toType === 'account').map((r) => r.toId);
  await recountAccountNps(tx, [...new Set(accounts)]);
}

export { recountAccountNps };
