import { mergeConsents } from '@relata/domain';
import type { Executor } from '../../db/connection.ts';
import * as repo from './consent.repository.ts';

/**
 * Folds a merged contact's consent into the survivor's, in the merge's transaction: per purpose
 * × channel the most recent decision stands (domain `mergeConsents`), and both histories become
 * the survivor's, so every recorded denial stays on file.
 */
export async function mergeConsentsInTx(
  tx: Executor,
  sourceId: string,
  targetId: string,
): Promise<{ consents: number; history: number }> {
  const target = await repo.consentsOf(tx, targetId);
  const source = await repo.consentsOf(tx, sourceId);
  const taken = mergeConsents(target, source).filter((c) => c.contactId === sourceId);
  for (const c of taken) await repo.putConsentState(tx, { ...c, contactId: targetId });
  await repo.deleteConsentStates(tx, sourceId);
  const history = await repo.moveConsentHistory(tx, sourceId, targetId);
  return { consents: taken.length, history };
}
