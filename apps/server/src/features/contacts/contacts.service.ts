import {
  type Actor,
  type Condition,
  type ContactCreate,
  type ContactUpdate,
  can,
  clearWithheld,
  contactSearchText,
  diffFields,
  dropWithheldChanges,
  type FieldError,
  foldText,
  type ListQuery,
  type MergeInput,
  mergeCustom,
  mergeValues,
  nationalForm,
  normaliseChannels,
  personNameKey,
  phoneQuery,
  scopeOf,
  snapshotDiff,
  unionBy,
  validateCustomValues,
  withheldViolations,
  withholdableFields,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { insertAudit, reassignAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { forgetWithheldHistory } from '../consent/consent.repository.ts';
import { mergeConsentsInTx } from '../consent/consent-merge.ts';
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
import { recountEmployers, refreshContactNps } from '../surveys/nps-rollup.ts';
import { moveSurveyData } from '../surveys/surveys.repository.ts';
import { VALUE_RESCORE_JOB } from '../value/value-job-names.ts';
import { pageByValue, presentListValue, sortsByValue, withValueFields } from '../value/value-list.ts';
import { valueSettingsForReads } from '../value/value-settings.repository.ts';
import { contactAuditFields, contactListFields, contactMergeFields } from './contacts.fields.ts';
import { type ContactView, presentContact } from './contacts.presenter.ts';
import * as repo from './contacts.repository.ts';

type Fields = {
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  emails: ContactCreate['emails'];
  phones: ContactCreate['phones'];
  address: ContactCreate['address'];
  custom: Record<string, unknown>;
};

export type ContactListItem = ContactView & { value?: ReturnType<typeof presentListValue> };
export type DuplicateMatch = { record: ContactView; reasons: ('email' | 'phone' | 'name')[] };

export function createContactService(deps: {
  db: Db;
  clock: () => Date;
  customFields: CustomFieldService;
  jobs: Jobs;
  defaultPhoneCountry?: string | undefined;
}) {
  const { db } = deps;

  /** Normalises channels, validates custom values and derives the search columns. */
  async function derive(
    f: Fields,
    existingCustom: Record<string, unknown> | undefined,
    customInput: Record<string, unknown> | undefined,
    ex: Executor = db,
  ) {
    const country = f.address?.country ?? deps.defaultPhoneCountry ?? null;
    const ch = normaliseChannels(f.emails, f.phones, country);
    const defs = await deps.customFields.defsFor('contact', ex);
    const cv =
      customInput || !existingCustom
        ? validateCustomValues(defs, customInput ?? {}, existingCustom ?? {}, { phoneCountry: country })
        : { values: existingCustom, errors: [] as FieldError[] };
    const errors = [...ch.errors, ...cv.errors];
    if (errors.length) throw invalid(errors);
    return {
      emails: ch.emails,
      phones: ch.phones,
      primaryEmail: ch.primaryEmail,
      primaryPhone: ch.primaryPhone,
      emailKeys: ch.emailKeys,
      phoneKeys: ch.phoneKeys,
      custom: cv.values,
      nameKey: personNameKey(f.firstName, f.lastName),
      searchText: contactSearchText({ ...f, emailKeys: ch.emailKeys, phoneKeys: ch.phoneKeys }),
    };
  }

  /** `q`: a substring of the search text, or a phone number in any format. */
  const searchCondition = (raw: string, folded: string) => {
    const e164 = phoneQuery(raw, deps.defaultPhoneCountry ?? null);
    const text = e164 ? (nationalForm(e164) ?? folded) : folded;
    const like = sql`search_text LIKE ${containsPattern(text)}`;
    return e164 ? sql`(${like} OR phone_keys @> ARRAY[${e164}]::text[])` : like;
  };

  const reasonsFor = (
    c: repo.ContactRow,
    keys: { emailKeys: string[]; phoneKeys: string[]; nameKey: string },
  ) => {
    const reasons: DuplicateMatch['reasons'] = [];
    if (c.emailKeys.some((e) => keys.emailKeys.includes(e))) reasons.push('email');
    if (c.phoneKeys.some((p) => keys.phoneKeys.includes(p))) reasons.push('phone');
    if (keys.nameKey && c.nameKey === keys.nameKey) reasons.push('name');
    return reasons;
  };

  /** Creates up to 1,000 contacts in one transaction: all or none. Errors name `records.<i>.<field>`. */
  /** Withheld names must be profile fields that can be withheld, or defined custom fields. */
  async function withheldNames(names: readonly string[] | undefined, ex: Executor = db): Promise<string[]> {
    if (!names?.length) return [];
    const defs = new Set((await deps.customFields.defsFor('contact', ex)).map((d) => `custom.${d.key}`));
    const errors = names.flatMap((n, i) =>
      (withholdableFields as readonly string[]).includes(n) || defs.has(n)
        ? []
        : [{ field: `withheldFields.${i}`, code: 'invalid_value', message: `${n} cannot be withheld` }],
    );
    if (errors.length) throw invalid(errors);
    return [...names];
  }

  /** 422 field_withheld naming every field the input would fill that the customer withholds. */
  const refuseWithheld = (withheld: readonly string[], input: Record<string, unknown>) => {
    const fields = withheldViolations(withheld, input);
    if (fields.length)
      throw new AppError('field_withheld', 'The customer withholds these fields; nothing was saved', {
        errors: fields.map((field) => ({
          field,
          code: 'field_withheld',
          message: 'withheld by the customer',
        })),
      });
  };

  async function createMany(actor: Actor, inputs: ContactCreate[]): Promise<ContactView[]> {
    const values: repo.ContactInsert[] = [];
    const errors: FieldError[] = [];
    for (const [i, input] of inputs.entries()) {
      const owner = { ownerId: input.ownerId ?? actor.userId, teamId: input.teamId ?? actor.teamId };
      requireCan(actor, 'create', 'contacts', owner);
      try {
        const withheld = await withheldNames(input.withheldFields);
        refuseWithheld(withheld, input);
        const derived = await derive(
          { ...input, jobTitle: input.jobTitle ?? null, address: input.address ?? null },
          undefined,
          input.custom,
        );
        values.push({
          firstName: input.firstName,
          lastName: input.lastName,
          jobTitle: input.jobTitle ?? null,
          address: input.address ?? null,
          language: input.language ?? null,
          creditScore: input.creditScore ?? null,
          withheldFields: withheld,
          ...owner,
          ...derived,
        });
      } catch (e) {
        if (!(e instanceof AppError) || !e.errors || inputs.length === 1) throw e;
        errors.push(...e.errors.map((fe) => ({ ...fe, field: `records.${i}.${fe.field}` })));
      }
    }
    if (errors.length) throw invalid(errors);
    const rows = await db.transaction(async (tx) => {
      const created = await repo.insertContacts(tx, values);
      await insertAudit(
        tx,
        created.map((c) =>
          auditEntry(actor, 'create', 'contact', c.id, snapshotDiff(c, contactAuditFields, 'created')),
        ),
      );
      return created;
    });
    return rows.map(presentContact);
  }

  return {
    createMany,
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<ContactListItem>> {
      const fields = withValueFields(
        actor,
        withCustomFields(contactListFields, await deps.customFields.defsFor('contact')),
      );
      const q = query.q ? foldText(query.q) : '';
      const build = (lq: ListQuery & Record<string, unknown>) =>
        pageRequest({
          actor,
          resource: 'contacts',
          query: lq,
          fields,
          defaultSort: { field: 'name', dir: 'asc' },
          idExpr: sql.raw('id'),
          special: {
            accountId: (c: Condition) =>
              sql`id IN (SELECT from_id FROM relationships WHERE type = 'works_at' AND to_id = ANY(${sql.param([c.value].flat().map(String))}::uuid[]))`,
          },
          extra: [q ? searchCondition(query.q ?? '', q) : undefined],
        });
      const byValue = can(actor, 'read', 'value') ? sortsByValue(query.sort) : null;
      const [{ rows, req }, { currency }] = await Promise.all([
        byValue
          ? pageByValue(
              query,
              build,
              (r, extra) =>
                repo.pageContacts(db, sql`${r.where} AND ${extra}`, r.order, r.sortValue, r.limit),
              byValue,
            )
          : (async () => {
              const r = build(query);
              return { rows: await repo.pageContacts(db, r.where, r.order, r.sortValue, r.limit), req: r };
            })(),
        valueSettingsForReads(db),
      ]);
      return toPage(rows, req, (r) => ({
        ...presentContact(r),
        value: presentListValue(actor, r.value, currency),
      }));
    },

    async get(actor: Actor, id: string): Promise<ContactView> {
      return presentContact(authorize(actor, 'read', 'contacts', await repo.getContact(db, id), 'Contact'));
    },

    async create(actor: Actor, input: ContactCreate): Promise<ContactView> {
      const [created] = await createMany(actor, [input]);
      return created!;
    },

    async update(actor: Actor, id: string, input: ContactUpdate, expected?: number): Promise<ContactView> {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'contacts', await repo.getContact(tx, id, true), 'Contact');
        checkVersion(cur.version, expected);
        if (cur.erasedAt)
          throw new AppError('conflict', 'This person’s data was erased; the record takes no new data');
        const reassigning =
          (input.ownerId !== undefined && input.ownerId !== cur.ownerId) ||
          (input.teamId !== undefined && input.teamId !== cur.teamId);
        if (reassigning && scopeOf(actor, 'update', 'contacts') !== 'all')
          throw forbidden('Only managers may reassign records');
        const withheld =
          input.withheldFields !== undefined
            ? await withheldNames(input.withheldFields, tx)
            : cur.withheldFields;
        const { withheldFields: _, ...values } = input;
        refuseWithheld(withheld, values);
        // A field the customer now withholds is cleared: we keep no value they chose not to give.
        const newly = new Set(withheld.filter((f) => !cur.withheldFields.includes(f)));
        const next: Fields = {
          firstName: input.firstName ?? cur.firstName,
          lastName: input.lastName ?? cur.lastName,
          jobTitle: newly.has('jobTitle')
            ? null
            : input.jobTitle === undefined
              ? cur.jobTitle
              : input.jobTitle,
          emails: newly.has('emails') ? [] : (input.emails ?? cur.emails),
          phones: newly.has('phones') ? [] : (input.phones ?? cur.phones),
          address: newly.has('address') ? null : input.address === undefined ? cur.address : input.address,
          custom: cur.custom,
        };
        const clearedCustom = [...newly]
          .filter((f) => f.startsWith('custom.'))
          .map((f) => [f.slice(7), null]);
        const customInput = clearedCustom.length
          ? { ...(input.custom ?? {}), ...Object.fromEntries(clearedCustom) }
          : input.custom;
        if (!next.firstName && !next.lastName) {
          throw invalid([
            { field: 'lastName', code: 'required', message: 'a first or last name is required' },
          ]);
        }
        const derived = await derive(next, cur.custom, customInput, tx);
        const updated = await repo.updateContact(tx, id, {
          firstName: next.firstName,
          lastName: next.lastName,
          jobTitle: next.jobTitle,
          address: next.address ?? null,
          ...(newly.has('language')
            ? { language: null }
            : input.language !== undefined
              ? { language: input.language }
              : {}),
          ...(input.creditScore !== undefined ? { creditScore: input.creditScore } : {}),
          withheldFields: withheld,
          ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
          ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
          ...derived,
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        // A newly withheld field's old values leave the history too; this entry records only that.
        const changes = dropWithheldChanges(diffFields(cur, updated, contactAuditFields), [...newly]);
        if (newly.size) await forgetWithheldHistory(tx, id, [...newly]);
        await insertAudit(tx, auditEntry(actor, 'update', 'contact', id, changes));
        return updated;
      });
      return presentContact(row);
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'contacts', await repo.getContact(tx, id, true), 'Contact');
        checkVersion(cur.version, expected);
        const rels = await deleteRelationshipsOf(tx, id);
        await deleteRecordNotes(tx, id);
        await forgetCustomerValue(tx, 'contact', id);
        await repo.deleteContact(tx, id);
        await recountEmployers(tx, rels); // its answer leaves the accounts' NPS
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'contact', id, snapshotDiff(cur, contactAuditFields, 'deleted'), {
            relationshipsRemoved: rels.length,
          }),
        );
      });
    },

    async duplicates(actor: Actor, id: string): Promise<DuplicateMatch[]> {
      const c = authorize(actor, 'read', 'contacts', await repo.getContact(db, id), 'Contact');
      const keys = { excludeId: id, emailKeys: c.emailKeys, phoneKeys: c.phoneKeys, nameKey: c.nameKey };
      const found = await repo.findContactDuplicates(db, keys);
      return found
        .filter((d) => can(actor, 'read', 'contacts', d))
        .map((d) => ({ record: presentContact(d), reasons: reasonsFor(d, keys) }));
    },

    async duplicateCheck(actor: Actor, input: ContactCreate): Promise<DuplicateMatch[]> {
      requireCan(actor, 'read', 'contacts');
      const ch = normaliseChannels(
        input.emails,
        input.phones,
        input.address?.country ?? deps.defaultPhoneCountry ?? null,
      );
      const keys = {
        emailKeys: ch.emailKeys,
        phoneKeys: ch.phoneKeys,
        nameKey: personNameKey(input.firstName, input.lastName),
      };
      const found = await repo.findContactDuplicates(db, keys);
      return found
        .filter((d) => can(actor, 'read', 'contacts', d))
        .map((d) => ({ record: presentContact(d), reasons: reasonsFor(d, keys) }));
    },

    /** `id` survives; `mergeId` is folded into it and removed. */
    async merge(actor: Actor, id: string, input: MergeInput, expected?: number): Promise<ContactView> {
      if (id === input.mergeId)
        throw invalid([
          { field: 'mergeId', code: 'invalid_value', message: 'cannot merge a contact into itself' },
        ]);
      const row = await db.transaction(async (tx) => {
        const target = authorize(actor, 'merge', 'contacts', await repo.getContact(tx, id, true), 'Contact');
        const source = authorize(
          actor,
          'merge',
          'contacts',
          await repo.getContact(tx, input.mergeId, true),
          'Contact to merge',
        );
        checkVersion(target.version, expected);
        const picked = mergeValues(target, source, contactMergeFields, input.fields);
        // What either record's customer withholds stays withheld, and loses the other's value.
        const withheld = [...new Set([...target.withheldFields, ...source.withheldFields])];
        const fields = clearWithheld(
          {
            ...(picked as Omit<Fields, 'emails' | 'phones' | 'custom'> & { language: string | null }),
            emails: unionBy(target.emails, source.emails, (e) => e.address),
            phones: unionBy(target.phones, source.phones, (p) => p.number),
            custom: mergeCustom(target.custom, source.custom, input.fields),
          },
          withheld,
        );
        const derived = await derive(fields, fields.custom, undefined, tx);
        const merged = await repo.updateContact(tx, id, {
          ...(picked as Partial<repo.ContactInsert>),
          jobTitle: fields.jobTitle,
          address: fields.address ?? null,
          language: fields.language,
          withheldFields: withheld,
          ...derived,
          updatedAt: deps.clock(),
          version: target.version + 1,
        });
        const moved = await moveRelationships(tx, source.id, id);
        await reassignAudit(tx, source.id, id);
        await moveRecordHistory(tx, 'contact', source.id, id);
        await forgetWithheldHistory(tx, id, withheld); // the merged one's history included
        const consent = await mergeConsentsInTx(tx, source.id, id);
        const surveys = await moveSurveyData(tx, source.id, id);
        await deps.jobs.sendInTx(tx, VALUE_RESCORE_JOB, { customers: [{ type: 'contact', id }] });
        await repo.deleteContact(tx, source.id);
        // The survivor's latest answer may be the merged one's; its accounts now include the merged one's.
        await refreshContactNps(tx, id);
        const changes = dropWithheldChanges(diffFields(target, merged, contactAuditFields), withheld);
        await insertAudit(
          tx,
          auditEntry(actor, 'merge', 'contact', id, changes, {
            mergedId: source.id,
            mergedName: source.name,
            relationshipsMoved: moved,
            factsMoved: surveys.facts,
            consentHistoryMoved: consent.history,
          }),
        );
        return (await repo.getContact(tx, id)) ?? merged; // with its NPS recounted
      });
      return presentContact(row);
    },
  };
}
export type ContactService = ReturnType<typeof createContactService>;
