/** The admin's scoring rules (settings, versioned) and re-scoring every open lead when they change. */
import { type Actor, diffFields, type LeadScoring, scoreLead } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { requireCan } from '../shared/guards.ts';
import { behaviourOf } from './lead-capture.ts';
import { getLeadScoring, saveLeadScoring } from './lead-scoring.repository.ts';
import * as repo from './leads.repository.ts';

export const LEADS_RESCORE_JOB = 'leads.rescore';
const BATCH = 500;

export function createLeadScoringService(deps: { db: Db; jobs: Jobs }) {
  const { db } = deps;
  return {
    async get(actor: Actor): Promise<{ rules: LeadScoring; version: number }> {
      requireCan(actor, 'read', 'leads');
      return getLeadScoring(db);
    },

    /** Saves the rules (If-Match against the version) and queues re-scoring in the same transaction. */
    async update(
      actor: Actor,
      rules: LeadScoring,
      expected?: number,
    ): Promise<{ rules: LeadScoring; version: number }> {
      requireCan(actor, 'update', 'lead_forms');
      return db.transaction(async (tx) => {
        const cur = await getLeadScoring(tx, true);
        if (expected !== undefined && expected !== cur.version)
          throw new AppError(
            'precondition_failed',
            `The scoring rules are at version ${cur.version}, not ${expected}; reload them`,
          );
        const version = cur.version + 1;
        await saveLeadScoring(tx, rules, version);
        await insertAudit(
          tx,
          auditEntry(
            actor,
            'update',
            'lead_scoring',
            null,
            diffFields(cur.rules, rules, ['attributeRules', 'behaviourRules', 'freeMailDomains']),
          ),
        );
        await deps.jobs.sendInTx(tx, LEADS_RESCORE_JOB, {});
        return { rules, version };
      });
    },

    /** Re-scores open leads in batches; returns how many scores changed. */
    async rescoreAll(): Promise<number> {
      const { rules } = await getLeadScoring(db);
      let after: string | null = null;
      let changed = 0;
      for (;;) {
        const rows = await repo.openLeadsAfter(db, after, BATCH);
        if (!rows.length) return changed;
        const counts = await repo.activityCounts(
          db,
          rows.map((r) => r.id),
        );
        await db.transaction(async (tx) => {
          for (const lead of rows) {
            const s = scoreLead(lead, behaviourOf(counts.get(lead.id)), rules);
            if (s.score === lead.score && JSON.stringify(s.reasons) === JSON.stringify(lead.scoreReasons))
              continue;
            await repo.setScore(tx, lead.id, s);
            changed += 1;
          }
        });
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
export type LeadScoringService = ReturnType<typeof createLeadScoringService>;
