/**
 * The service desk wired together: disputes, cases, and what happens when an interaction is
 * logged — an inbound one is checked for a dispute and routed (its owner set when it has none);
 * an outbound one on a case may be the case's first response.
 */
import type { Actor } from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { htmlToText } from '../../http/html.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import type { InteractionRow } from '../interactions/interactions.repository.ts';
import { updateInteraction } from '../interactions/interactions.repository.ts';
import type { RoutingService } from '../routing/routing.service.ts';
import { createCaseService } from './cases.service.ts';
import { createDisputeService } from './disputes.service.ts';

/** What the interactions service calls when it logs one (in its transaction). */
export type InteractionHooks = {
  /** Throws unless the actor may read the case; returns its customer. */
  checkCase(
    tx: Executor,
    actor: Actor,
    caseId: string,
  ): Promise<{ contactId: string | null; accountId: string | null }>;
  logged(tx: Executor, row: InteractionRow): Promise<InteractionRow>;
};

export function createServiceDesk(deps: { db: Db; clock: () => Date; jobs: Jobs; routing: RoutingService }) {
  const disputes = createDisputeService(deps);
  const cases = createCaseService({ ...deps, disputes });
  const interactionHooks: InteractionHooks = {
    checkCase: (tx, actor, caseId) => cases.checkLinkable(tx, actor, caseId),
    async logged(tx, row) {
      await cases.interactionLogged(tx, row);
      if (row.direction !== 'inbound' || row.status !== 'done') return row;
      const text = htmlToText(row.notes);
      await disputes.flag(tx, { kind: 'interaction', row, text: `${row.subject}\n${text}` });
      if (row.caseId) return row; // the case was routed when it arrived
      const routed = await deps.routing.route(tx, {
        subject: { type: 'interaction', id: row.id },
        contactId: row.contactId,
        accountId: row.accountId,
        inquiry: { kind: 'interaction', channel: row.channel, subject: row.subject, text },
      });
      if (routed.assigneeId && !row.ownerId)
        return updateInteraction(tx, row.id, { ownerId: routed.assigneeId });
      return row;
    },
  };
  return { disputes, cases, interactionHooks };
}
