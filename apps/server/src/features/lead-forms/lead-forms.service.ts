/** Lead web forms, managed by admins: fields, defaults, consent box, thank-you, public key. */
import { randomBytes } from 'node:crypto';
import {
  type Actor,
  diffFields,
  type LeadFormCreate,
  type LeadFormUpdate,
  type ListQuery,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { purposeExists } from '../consent/consent.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import { type LeadFormView, presentForm } from './lead-forms.presenter.ts';
import * as repo from './lead-forms.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  active: { kind: 'boolean', expr: col('active') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};
const auditFields = [
  'name',
  'fields',
  'defaultSource',
  'defaultCampaign',
  'consentText',
  'consentRequired',
  'consentPurpose',
  'consentChannel',
  'thankYouMessage',
  'redirectUrl',
  'rateLimitPerHour',
  'language',
  'active',
] as const;

/** 16 random URL-safe characters: the form's public address cannot be guessed. */
const newKey = () => randomBytes(12).toString('base64url');
// Forms have no owner; a role scoped to its own records sees the forms it created.
const scopeColumns = { owner: 'created_by', team: 'NULL::uuid' };
const owned = (f: repo.LeadFormRow) => ({ ownerId: f.createdBy });

async function checkPurpose(ex: Executor, purpose: string | undefined) {
  if (purpose && !(await purposeExists(ex, [purpose])).has(purpose))
    throw invalid([{ field: 'consentPurpose', code: 'not_found', message: 'no such consent purpose' }]);
}

export function createLeadFormService(deps: { db: Db; clock: () => Date; publicUrl?: string | undefined }) {
  const { db } = deps;
  const present = (r: repo.LeadFormRow, origin: string) => presentForm(r, deps.publicUrl ?? origin);

  async function change(
    actor: Actor,
    id: string,
    expected: number | undefined,
    changes: Partial<LeadFormUpdate>,
    rotateKey = false,
  ): Promise<repo.LeadFormRow> {
    return db.transaction(async (tx) => {
      const f = await repo.getForm(tx, id, true);
      authorize(actor, 'update', 'lead_forms', f && owned(f), 'Lead form');
      const cur = f!;
      checkVersion(cur.version, expected);
      await checkPurpose(tx, changes.consentPurpose);
      const consentText = changes.consentText === undefined ? cur.consentText : changes.consentText;
      if ((changes.consentRequired ?? cur.consentRequired) && !consentText)
        throw invalid([
          { field: 'consentText', code: 'required', message: 'a required consent needs its text' },
        ]);
      const updated = await repo.updateForm(tx, id, {
        ...changes,
        ...(rotateKey ? { key: newKey() } : {}),
        updatedAt: deps.clock(),
        version: cur.version + 1,
      });
      await insertAudit(
        tx,
        auditEntry(
          actor,
          'update',
          'lead_form',
          id,
          diffFields(cur, updated, auditFields),
          rotateKey ? { keyRotated: true } : {},
        ),
      );
      return updated;
    });
  }

  return {
    async list(
      actor: Actor,
      query: ListQuery & Record<string, unknown>,
      origin: string,
    ): Promise<Page<LeadFormView>> {
      const req = pageRequest({
        actor,
        resource: 'lead_forms',
        query,
        fields: listFields,
        defaultSort: { field: 'name', dir: 'asc' },
        idExpr: col('id'),
        scopeColumns,
      });
      const rows = await repo.pageForms(db, req.where, req.order, req.sortValue, req.limit);
      return toPage(rows, req, (r) => present(r, origin));
    },

    async get(actor: Actor, id: string, origin: string): Promise<LeadFormView> {
      const f = await repo.getForm(db, id);
      authorize(actor, 'read', 'lead_forms', f && owned(f), 'Lead form');
      return present(f!, origin);
    },

    async create(actor: Actor, input: LeadFormCreate, origin: string): Promise<LeadFormView> {
      requireCan(actor, 'create', 'lead_forms', { ownerId: actor.userId });
      const row = await db.transaction(async (tx) => {
        await checkPurpose(tx, input.consentPurpose);
        const now = deps.clock();
        const created = await repo.insertForm(tx, {
          ...input,
          defaultCampaign: input.defaultCampaign ?? null,
          consentText: input.consentText ?? null,
          redirectUrl: input.redirectUrl ?? null,
          key: newKey(),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'lead_form', created.id, snapshotDiff(created, auditFields, 'created')),
        );
        return created;
      });
      return present(row, origin);
    },

    async update(
      actor: Actor,
      id: string,
      input: LeadFormUpdate,
      expected: number | undefined,
      origin: string,
    ): Promise<LeadFormView> {
      return present(await change(actor, id, expected, input), origin);
    },

    /** A new public key: embeds with the old one stop working (e.g. after abuse). */
    async rotateKey(actor: Actor, id: string, expected: number | undefined, origin: string) {
      return present(await change(actor, id, expected, {}, true), origin);
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const f = await repo.getForm(tx, id, true);
        authorize(actor, 'delete', 'lead_forms', f && owned(f), 'Lead form');
        const cur = f!;
        checkVersion(cur.version, expected);
        await repo.deleteForm(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'lead_form', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },
  };
}
export type LeadFormService = ReturnType<typeof createLeadFormService>;
