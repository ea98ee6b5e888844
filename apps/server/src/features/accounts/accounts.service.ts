import {
  type AccountCreate,
  type AccountUpdate,
  type Actor,
  accountNameKey,
  accountSearchText,
  can,
  diffFields,
  foldText,
  type ListQuery,
  type MergeInput,
  mergeCustom,
  mergeValues,
  scopeOf,
  snapshotDiff,
  validateCustomValues,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { insertAudit, reassignAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import type { CustomFieldService } from '../custom-fields/custom-fields.service.ts';
import { deleteRelationshipsOf, moveRelationships } from '../relationships/relationships.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage, withCustomFields } from '../shared/list.ts';
import { containsPattern } from '../shared/list-query.ts';
import {
  deleteRecordNotes,
  forgetCustomerValue,
  moveRecordHistory,
} from '../shared/record-history.repository.ts';
import { VALUE_RESCORE_JOB } from '../value/value-job-names.ts';
import { pageByValue, presentListValue, sortsByValue, withValueFields } from '../value/value-list.ts';
import { valueSettingsForReads } from '../value/value-settings.repository.ts';
import { accountAuditFields, accountListFields, accountMergeFields } from './accounts.fields.ts';
import { type AccountView, presentAccount } from './accounts.presenter.ts';
import * as repo from './accounts.repository.ts';

export type AccountDuplicate = { record: AccountView; reasons: ('domain' | 'name')[] };

export function createAccountService(deps: {
  db: Db;
  clock: () => Date;
  customFields: CustomFieldService;
  jobs: Jobs;
}) {
  const { db } = deps;

  async function customValues(
    input: Record<string, unknown> | undefined,
    existing?: Record<string, unknown>,
    country?: string | null,
    ex: Executor = db,
  ) {
    if (!input && existing) return existing;
    const defs = await deps.customFields.defsFor('account', ex);
    const r = validateCustomValues(defs, input ?? {}, existing ?? {}, { phoneCountry: country ?? null });
    if (r.errors.length) throw invalid(r.errors);
    return r.values;
  }
  const derived = (a: { name: string; domain: string | null; industry: string | null }) => ({
    nameKey: accountNameKey(a.name),
    searchText: accountSearchText(a),
  });
  const reasonsFor = (a: repo.AccountRow, keys: { domain: string | null; nameKey: string }) => {
    const reasons: AccountDuplicate['reasons'] = [];
    if (keys.domain && a.domain?.toLowerCase() === keys.domain) reasons.push('domain');
    if (keys.nameKey && a.nameKey === keys.nameKey) reasons.push('name');
    return reasons;
  };
  const findDuplicates = async (
    actor: Actor,
    keys: { excludeId?: string; domain: string | null; nameKey: string },
  ) =>
    (await repo.findAccountDuplicates(db, keys))
      .filter((d) => can(actor, 'read', 'accounts', d))
      .map((d) => ({ record: presentAccount(d), reasons: reasonsFor(d, keys) }));

  return {
    async list(
      actor: Actor,
      query: ListQuery & Record<string, unknown>,
    ): Promise<Page<AccountView & { value?: ReturnType<typeof presentListValue> }>> {
      const fields = withValueFields(
        actor,
        withCustomFields(accountListFields, await deps.customFields.defsFor('account')),
      );
      const q = query.q ? foldText(query.q) : '';
      const build = (lq: ListQuery & Record<string, unknown>) =>
        pageRequest({
          actor,
          resource: 'accounts',
          query: lq,
          fields,
          defaultSort: { field: 'name', dir: 'asc' },
          idExpr: sql.raw('id'),
          extra: [q ? sql`search_text LIKE ${containsPattern(q)}` : undefined],
        });
      const byValue = can(actor, 'read', 'value') ? sortsByValue(query.sort) : null;
      const [{ rows, req }, { currency }] = await Promise.all([
        byValue
          ? pageByValue(
              query,
              build,
              (r, extra) =>
                repo.pageAccounts(db, sql`${r.where} AND ${extra}`, r.order, r.sortValue, r.limit),
              byValue,
            )
          : (async () => {
              const r = build(query);
              return { rows: await repo.pageAccounts(db, r.where, r.order, r.sortValue, r.limit), req: r };
            })(),
        valueSettingsForReads(db),
      ]);
      return toPage(rows, req, (r) => ({
        ...presentAccount(r),
        value: presentListValue(actor, r.value, currency),
      }));
    },

    async get(actor: Actor, id: string): Promise<AccountView> {
      return presentAccount(authorize(actor, 'read', 'accounts', await repo.getAccount(db, id), 'Account'));
    },

    async create(actor: Actor, input: AccountCreate): Promise<AccountView> {
      const owner = { ownerId: input.ownerId ?? actor.userId, teamId: input.teamId ?? actor.teamId };
      requireCan(actor, 'create', 'accounts', owner);
      const custom = await customValues(input.custom, undefined, input.address?.country);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertAccount(tx, {
          name: input.name,
          domain: input.domain ?? null,
          type: input.type,
          industry: input.industry ?? null,
          size: input.size ?? null,
          address: input.address ?? null,
          creditScore: input.creditScore ?? null,
          ...owner,
          custom,
          ...derived({ name: input.name, domain: input.domain ?? null, industry: input.industry ?? null }),
        });
        await insertAudit(
          tx,
          auditEntry(
            actor,
            'create',
            'account',
            created.id,
            snapshotDiff(created, accountAuditFields, 'created'),
          ),
        );
        return created;
      });
      return presentAccount(row);
    },

    async update(actor: Actor, id: string, input: AccountUpdate, expected?: number): Promise<AccountView> {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'accounts', await repo.getAccount(tx, id, true), 'Account');
        checkVersion(cur.version, expected);
        const reassigning =
          (input.ownerId !== undefined && input.ownerId !== cur.ownerId) ||
          (input.teamId !== undefined && input.teamId !== cur.teamId);
        if (reassigning && scopeOf(actor, 'update', 'accounts') !== 'all')
          throw forbidden('Only managers may reassign records');
        const { custom: customInput, ...rest } = input;
        const next = {
          ...cur,
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
        };
        const custom = await customValues(customInput, cur.custom, next.address?.country, tx);
        const updated = await repo.updateAccount(tx, id, {
          name: next.name,
          domain: next.domain,
          type: next.type,
          industry: next.industry,
          size: next.size,
          address: next.address,
          creditScore: next.creditScore,
          ownerId: next.ownerId,
          teamId: next.teamId,
          custom,
          ...derived(next),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'account', id, diffFields(cur, updated, accountAuditFields)),
        );
        return updated;
      });
      return presentAccount(row);
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'accounts', await repo.getAccount(tx, id, true), 'Account');
        checkVersion(cur.version, expected);
        const rels = await deleteRelationshipsOf(tx, id);
        await deleteRecordNotes(tx, id);
        await forgetCustomerValue(tx, 'account', id);
        await repo.deleteAccount(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'account', id, snapshotDiff(cur, accountAuditFields, 'deleted'), {
            relationshipsRemoved: rels.length,
          }),
        );
      });
    },

    async duplicates(actor: Actor, id: string): Promise<AccountDuplicate[]> {
      const a = authorize(actor, 'read', 'accounts', await repo.getAccount(db, id), 'Account');
      return findDuplicates(actor, {
        excludeId: id,
        domain: a.domain?.toLowerCase() ?? null,
        nameKey: a.nameKey,
      });
    },

    async duplicateCheck(actor: Actor, input: AccountCreate): Promise<AccountDuplicate[]> {
      requireCan(actor, 'read', 'accounts');
      return findDuplicates(actor, { domain: input.domain ?? null, nameKey: accountNameKey(input.name) });
    },

    async merge(actor: Actor, id: string, input: MergeInput, expected?: number): Promise<AccountView> {
      if (id === input.mergeId)
        throw invalid([
          { field: 'mergeId', code: 'invalid_value', message: 'cannot merge an account into itself' },
        ]);
      const row = await db.transaction(async (tx) => {
        const target = authorize(actor, 'merge', 'accounts', await repo.getAccount(tx, id, true), 'Account');
        const source = authorize(
          actor,
          'merge',
          'accounts',
          await repo.getAccount(tx, input.mergeId, true),
          'Account to merge',
        );
        checkVersion(target.version, expected);
        const picked = mergeValues(
          target,
          source,
          accountMergeFields,
          input.fields,
        ) as Partial<repo.AccountInsert>;
        const custom = mergeCustom(target.custom, source.custom, input.fields);
        const name = picked.name ?? target.name;
        const merged = await repo.updateAccount(tx, id, {
          ...picked,
          custom,
          ...derived({ name, domain: picked.domain ?? null, industry: picked.industry ?? null }),
          updatedAt: deps.clock(),
          version: target.version + 1,
        });
        const moved = await moveRelationships(tx, source.id, id);
        await reassignAudit(tx, source.id, id);
        await moveRecordHistory(tx, 'account', source.id, id);
        await deps.jobs.sendInTx(tx, VALUE_RESCORE_JOB, { customers: [{ type: 'account', id }] });
        await repo.deleteAccount(tx, source.id);
        await insertAudit(
          tx,
          auditEntry(actor, 'merge', 'account', id, diffFields(target, merged, accountAuditFields), {
            mergedId: source.id,
            mergedName: source.name,
            relationshipsMoved: moved,
          }),
        );
        return merged;
      });
      return presentAccount(row);
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
