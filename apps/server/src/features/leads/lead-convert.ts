/**
 * Converting a lead, in one transaction: reuse or create the contact and the account, relate
 * them (works_at), optionally open a deal, record the consent the lead gave, copy the lead's
 * history onto the contact, and mark the lead converted with links to what it became.
 */
import {
  type Actor,
  accountNameKey,
  accountSearchText,
  can,
  contactSearchText,
  emailDomain,
  type FieldError,
  isFreeMail,
  type LeadConvert,
  leadDisplayName,
  normaliseChannels,
  personNameKey,
  snapshotDiff,
  validateCustomValues,
} from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { textToHtml } from '../../http/html.ts';
import { getAccount, insertAccount } from '../accounts/accounts.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import { getContact, insertContact } from '../contacts/contacts.repository.ts';
import type { CustomFieldService } from '../custom-fields/custom-fields.service.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { insertNote } from '../notes/notes.repository.ts';
import { findDuplicateRelationship, insertRelationship } from '../relationships/relationships.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { recountEmployers } from '../surveys/nps-rollup.ts';
import { recordLeadConsent } from './lead-capture.ts';
import * as repo from './leads.repository.ts';

/** Opens a deal inside the conversion's transaction; returns its id. */
export type DealOpener = (
  tx: Executor,
  actor: Actor,
  input: {
    name: string;
    amount: number | null;
    currency: string | null;
    contactId: string;
    accountId: string | null;
    ownerId: string | null;
    pipelineId: string | null;
    stageId: string | null;
    source: string;
    leadId: string;
  },
) => Promise<{ id: string }>;

export type ConversionDeps = {
  db: Db;
  clock: () => Date;
  consent: ConsentService;
  customFields: CustomFieldService;
  interactions: InteractionService;
  defaultPhoneCountry?: string | undefined;
  openDeal?: DealOpener | undefined;
};

async function customDefaults(
  deps: ConversionDeps,
  tx: Executor,
  entity: 'contact' | 'account',
  country: string | null,
) {
  const r = validateCustomValues(
    await deps.customFields.defsFor(entity, tx),
    {},
    {},
    { phoneCountry: country },
  );
  if (r.errors.length)
    throw invalid(
      r.errors.map((e): FieldError => ({ ...e, field: `${entity}.${e.field}` })),
      `A new ${entity} needs values the lead does not have; convert to an existing ${entity}`,
    );
  return r.values;
}

export function createLeadConversion(deps: ConversionDeps) {
  const { db } = deps;

  async function newContact(tx: Executor, actor: Actor, lead: repo.LeadRow, owner: Owner) {
    requireCan(actor, 'create', 'contacts', owner);
    const ch = normaliseChannels(
      lead.email ? [{ address: lead.email, label: 'work', primary: true }] : [],
      lead.phone ? [{ number: lead.phone, label: 'work', primary: true }] : [],
      lead.country ?? deps.defaultPhoneCountry ?? null,
    );
    const named = Boolean(lead.firstName || lead.lastName);
    const firstName = lead.firstName;
    const lastName = named ? lead.lastName : leadDisplayName(lead);
    const c = await insertContact(tx, {
      firstName,
      lastName,
      jobTitle: lead.jobTitle,
      emails: ch.emails,
      phones: ch.phones,
      primaryEmail: ch.primaryEmail,
      primaryPhone: ch.primaryPhone,
      emailKeys: ch.emailKeys,
      phoneKeys: ch.phoneKeys,
      address: lead.country ? { country: lead.country } : null,
      language: lead.language,
      custom: await customDefaults(deps, tx, 'contact', lead.country),
      nameKey: personNameKey(firstName, lastName),
      searchText: contactSearchText({
        firstName,
        lastName,
        emailKeys: ch.emailKeys,
        phoneKeys: ch.phoneKeys,
      }),
      ...owner,
    });
    await insertAudit(
      tx,
      auditEntry(actor, 'create', 'contact', c.id, snapshotDiff(c, contactFields, 'created'), {
        leadId: lead.id,
      }),
    );
    return c.id;
  }

  async function newAccount(tx: Executor, actor: Actor, lead: repo.LeadRow, owner: Owner) {
    requireCan(actor, 'create', 'accounts', owner);
    const name = lead.company as string;
    const domain = lead.email && !isFreeMail(lead.email) ? emailDomain(lead.email) : null;
    const a = await insertAccount(tx, {
      name,
      domain,
      type: 'prospect',
      address: lead.country ? { country: lead.country } : null,
      custom: await customDefaults(deps, tx, 'account', lead.country),
      nameKey: accountNameKey(name),
      searchText: accountSearchText({ name, domain }),
      ...owner,
    });
    await insertAudit(
      tx,
      auditEntry(actor, 'create', 'account', a.id, snapshotDiff(a, accountFields, 'created'), {
        leadId: lead.id,
      }),
    );
    return a.id;
  }

  /** The lead's history on the contact: touches become interactions, notes become notes. */
  async function moveHistory(
    tx: Executor,
    actor: Actor,
    lead: repo.LeadRow,
    contactId: string,
    accountId: string | null,
  ) {
    for (const a of await repo.allActivitiesOf(tx, lead.id)) {
      if (a.movedToId || a.kind === 'email_opened') continue;
      if (a.kind === 'note') {
        const n = await insertNote(tx, {
          recordType: 'contact',
          recordId: contactId,
          body: textToHtml(a.body),
          authorId: a.actorId,
          createdAt: a.occurredAt,
          updatedAt: a.occurredAt,
        });
        await repo.markActivityMoved(tx, a.id, { type: 'note', id: n.id });
        continue;
      }
      const i = await deps.interactions.createInTx(tx, actor, {
        channel: (a.channel ?? (a.kind === 'form_submitted' ? 'web_form' : 'email')) as 'web_form',
        direction: a.direction ?? 'inbound',
        status: 'done',
        occurredAt: a.occurredAt.toISOString(),
        subject: a.subject || (a.kind === 'form_submitted' ? 'Web form' : ''),
        notes: textToHtml(a.body),
        contactId,
        accountId,
        participants: [],
      });
      await repo.markActivityMoved(tx, a.id, { type: 'interaction', id: i.row.id });
    }
  }

  return {
    async convert(actor: Actor, id: string, input: LeadConvert, expected?: number) {
      return db.transaction(async (tx) => {
        const lead = authorize(actor, 'update', 'leads', await repo.getLead(tx, id, true), 'Lead');
        checkVersion(lead.version, expected);
        if (lead.status === 'converted')
          throw new AppError('conflict', 'The lead was converted already', {
            errors: [{ field: 'status', code: 'converted', message: 'was converted already' }],
          });
        const preferred = { ownerId: lead.ownerId ?? actor.userId, teamId: lead.teamId ?? actor.teamId };
        const owner = can(actor, 'create', 'contacts', preferred)
          ? preferred
          : { ownerId: actor.userId, teamId: actor.teamId };

        // Records named in the request must exist (a field error, not a 404 of the lead).
        const named = [
          ...(input.contactId && !(await getContact(tx, input.contactId))
            ? [{ field: 'contactId', code: 'not_found', message: 'no such contact' }]
            : []),
          ...(input.accountId && !(await getAccount(tx, input.accountId))
            ? [{ field: 'accountId', code: 'not_found', message: 'no such account' }]
            : []),
        ];
        if (named.length) throw invalid(named);
        let contactId = input.contactId ?? lead.matchedContactId;
        if (contactId) {
          const c = authorize(actor, 'read', 'contacts', await getContact(tx, contactId), 'Contact');
          if (c.erasedAt)
            throw new AppError('conflict', 'That person’s data was erased; it takes no new data');
        } else contactId = await newContact(tx, actor, lead, owner);

        let accountId = input.accountId ?? lead.matchedAccountId;
        if (accountId) authorize(actor, 'read', 'accounts', await getAccount(tx, accountId), 'Account');
        else if (input.createAccount && lead.company) accountId = await newAccount(tx, actor, lead, owner);

        if (accountId && !(await findDuplicateRelationship(tx, 'works_at', contactId, accountId))) {
          const rel = await insertRelationship(tx, {
            type: 'works_at',
            fromType: 'contact',
            fromId: contactId,
            toType: 'account',
            toId: accountId,
          });
          await recountEmployers(tx, [rel]);
          await insertAudit(
            tx,
            auditEntry(actor, 'create', 'relationship', rel.id, {}, { type: 'works_at', leadId: lead.id }),
          );
        }

        let dealId: string | null = null;
        if (input.createDeal) {
          if (!deps.openDeal) throw new AppError('conflict', 'Deals are not available');
          const deal = await deps.openDeal(tx, actor, {
            name: input.dealName ?? lead.company ?? leadDisplayName(lead),
            amount: input.amount ?? null,
            currency: input.currency ?? null,
            contactId,
            accountId,
            ownerId: owner.ownerId,
            pipelineId: input.pipelineId ?? null,
            stageId: input.stageId ?? null,
            source: lead.source,
            leadId: lead.id,
          });
          dealId = deal.id;
        }

        const now = deps.clock();
        const consentRecorded = await recordLeadConsent(tx, deps.consent, actor, lead, contactId);
        await moveHistory(tx, actor, lead, contactId, accountId);
        const updated = await repo.updateLead(tx, id, {
          status: 'converted',
          convertedAt: now,
          convertedBy: actor.userId,
          convertedContactId: contactId,
          convertedAccountId: accountId,
          convertedDealId: dealId,
          ...(consentRecorded ? { consentRecordedAt: now } : {}),
          updatedAt: now,
          version: lead.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(
            actor,
            'convert',
            'lead',
            id,
            { status: { from: lead.status, to: 'converted' } },
            {
              contactId,
              accountId,
              dealId,
            },
          ),
        );
        return updated;
      });
    },
  };
}
export type LeadConversion = ReturnType<typeof createLeadConversion>;

type Owner = { ownerId: string | null; teamId: string | null };
const contactFields = [
  'firstName',
  'lastName',
  'jobTitle',
  'emails',
  'phones',
  'address',
  'language',
  'ownerId',
  'teamId',
];
const accountFields = ['name', 'domain', 'type', 'address', 'ownerId', 'teamId'];
