import { type Actor, diffFields, type OutcomeCreate, type OutcomeUpdate, snapshotDiff } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { checkVersion, requireCan } from '../shared/guards.ts';
import * as repo from './outcomes.repository.ts';

const fields = ['label', 'channels', 'createsCallback', 'sentiment', 'position', 'active'] as const;

export function presentOutcome(r: repo.OutcomeRow) {
  return {
    key: r.key,
    label: r.label,
    channels: r.channels,
    createsCallback: r.createsCallback,
    sentiment: r.sentiment,
    position: r.position,
    active: r.active,
    builtin: r.builtin,
    version: r.version,
  };
}

/** Outcomes are not deleted (interactions keep pointing at them); they are deactivated. */
export function createOutcomeService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  return {
    async list(actor: Actor) {
      requireCan(actor, 'read', 'outcomes');
      return { data: (await repo.listOutcomes(db)).map(presentOutcome), nextCursor: null };
    },
    async create(actor: Actor, input: OutcomeCreate) {
      requireCan(actor, 'create', 'outcomes');
      return presentOutcome(
        await db.transaction(async (tx) => {
          if (await repo.getOutcome(tx, input.key)) {
            throw new AppError('conflict', 'An outcome with this key exists', {
              errors: [{ field: 'key', code: 'taken', message: 'is already used' }],
            });
          }
          const row = await repo.insertOutcome(tx, { ...input, builtin: false });
          await insertAudit(
            tx,
            auditEntry(actor, 'create', 'outcome', null, snapshotDiff(row, fields, 'created'), {
              key: row.key,
            }),
          );
          return row;
        }),
      );
    },
    async update(actor: Actor, key: string, input: OutcomeUpdate, expected?: number) {
      requireCan(actor, 'update', 'outcomes');
      return presentOutcome(
        await db.transaction(async (tx) => {
          const cur = await repo.getOutcome(tx, key, true);
          if (!cur) throw notFound('Outcome');
          checkVersion(cur.version, expected);
          const next = await repo.updateOutcome(tx, key, {
            ...input,
            updatedAt: deps.clock(),
            version: cur.version + 1,
          });
          await insertAudit(
            tx,
            auditEntry(actor, 'update', 'outcome', null, diffFields(cur, next, fields), { key }),
          );
          return next;
        }),
      );
    },
  };
}
export type OutcomeService = ReturnType<typeof createOutcomeService>;
