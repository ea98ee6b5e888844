import {
  type Actor,
  diffFields,
  type ListQuery,
  snapshotDiff,
  type TeamCreate,
  type TeamUpdate,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import * as repo from './teams.repository.ts';

const fields = ['name', 'description'] as const;
const listFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: sql.raw('name') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: sql.raw('created_at') },
};

export function presentTeam(r: repo.TeamRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

const nameTaken = () =>
  new AppError('conflict', 'A team with this name exists', {
    errors: [{ field: 'name', code: 'taken', message: 'is already used' }],
  });

export function createTeamService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  return {
    async list(
      actor: Actor,
      query: ListQuery & Record<string, unknown>,
    ): Promise<Page<ReturnType<typeof presentTeam>>> {
      const req = pageRequest({
        actor,
        resource: 'teams',
        query,
        fields: listFields,
        defaultSort: { field: 'name', dir: 'asc' },
        idExpr: sql.raw('id'),
      });
      return toPage(
        await repo.pageTeams(db, req.where, req.order, req.sortValue, req.limit),
        req,
        presentTeam,
      );
    },
    async get(actor: Actor, id: string) {
      return presentTeam(authorize(actor, 'read', 'teams', await repo.getTeam(db, id), 'Team'));
    },
    async create(actor: Actor, input: TeamCreate) {
      requireCan(actor, 'create', 'teams');
      return presentTeam(
        await db.transaction(async (tx) => {
          if (await repo.findTeamByName(tx, input.name)) throw nameTaken();
          const row = await repo.insertTeam(tx, input);
          await insertAudit(
            tx,
            auditEntry(actor, 'create', 'team', row.id, snapshotDiff(row, fields, 'created')),
          );
          return row;
        }),
      );
    },
    async update(actor: Actor, id: string, input: TeamUpdate, expected?: number) {
      return presentTeam(
        await db.transaction(async (tx) => {
          const cur = authorize(actor, 'update', 'teams', await repo.getTeam(tx, id, true), 'Team');
          checkVersion(cur.version, expected);
          if (
            input.name &&
            input.name.toLowerCase() !== cur.name.toLowerCase() &&
            (await repo.findTeamByName(tx, input.name))
          ) {
            throw nameTaken();
          }
          const next = await repo.updateTeam(tx, id, {
            ...input,
            updatedAt: deps.clock(),
            version: cur.version + 1,
          });
          await insertAudit(tx, auditEntry(actor, 'update', 'team', id, diffFields(cur, next, fields)));
          return next;
        }),
      );
    },
    async remove(actor: Actor, id: string, expected?: number) {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'teams', await repo.getTeam(tx, id, true), 'Team');
        checkVersion(cur.version, expected);
        const members = await repo.countTeamMembers(tx, id);
        if (members > 0)
          throw new AppError('conflict', `The team still has ${members} member(s); move them first`);
        await repo.deleteTeam(tx, id);
        await insertAudit(tx, auditEntry(actor, 'delete', 'team', id, snapshotDiff(cur, fields, 'deleted')));
      });
    },
  };
}
export type TeamService = ReturnType<typeof createTeamService>;
