import {
  type Actor,
  accountNameKey,
  can,
  diffFields,
  emailDomain,
  foldText,
  isFreeMail,
  type LeadActivityCreate,
  type LeadCreate,
  type LeadUpdate,
  type ListQuery,
  phoneQuery,
  scopeOf,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { containsPattern } from '../shared/list-query.ts';
import { assertRefs } from '../shared/refs.ts';
import {
  captureLeadInTx,
  type LeadRouter,
  leadSearchText,
  matchLead,
  normaliseLeadPhone,
  scoreOf,
} from './lead-capture.ts';
import { leadAuditFields, leadListFields } from './leads.fields.ts';
import {
  type LeadActivityView,
  type LeadRouting,
  type LeadView,
  presentActivity,
  presentLead,
} from './leads.presenter.ts';
import * as repo from './leads.repository.ts';

export type LeadDuplicate = {
  type: 'contact' | 'account' | 'lead';
  record: { id: string; name: string; email: string | null; phone: string | null };
  reasons: ('email' | 'phone' | 'domain' | 'company')[];
};

export type LeadServiceDeps = {
  db: Db;
  clock: () => Date;
  consent: ConsentService;
  defaultPhoneCountry?: string | undefined;
  /** The routing rules' decision for a new lead, and the decision recorded for one. */
  routing?: { route: LeadRouter; decisionFor(ex: Executor, id: string): Promise<LeadRouting> } | undefined;
};

const converted = () =>
  new AppError('conflict', 'The lead was converted; change the contact, account or deal instead');

export function createLeadService(deps: LeadServiceDeps) {
  const { db } = deps;

  const searchCondition = (raw: string) => {
    const e164 = phoneQuery(raw, deps.defaultPhoneCountry ?? null);
    const like = sql`search_text LIKE ${containsPattern(foldText(raw))}`;
    return e164 ? sql`(${like} OR phone = ${e164})` : like;
  };

  async function rescoreInTx(tx: Executor, lead: repo.LeadRow): Promise<repo.LeadRow> {
    const s = await scoreOf(tx, lead, lead.id);
    if (s.score === lead.score && JSON.stringify(s.reasons) === JSON.stringify(lead.scoreReasons))
      return lead;
    return repo.updateLead(tx, lead.id, { score: s.score, scoreReasons: s.reasons });
  }

  return {
    rescoreInTx,
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<LeadView>> {
      const req = pageRequest({
        actor,
        resource: 'leads',
        query,
        fields: leadListFields,
        defaultSort: { field: 'createdAt', dir: 'desc' },
        idExpr: sql.raw('id'),
        extra: [query.q ? searchCondition(query.q) : undefined],
      });
      const rows = await repo.pageLeads(db, req.where, req.order, req.sortValue, req.limit);
      return toPage(rows, req, (r) => presentLead(r));
    },

    async get(actor: Actor, id: string): Promise<LeadView> {
      const lead = authorize(actor, 'read', 'leads', await repo.getLead(db, id), 'Lead');
      const routing = deps.routing ? await deps.routing.decisionFor(db, id) : null;
      return presentLead(lead, routing);
    },

    async create(actor: Actor, input: LeadCreate): Promise<LeadView> {
      const owner = { ownerId: input.ownerId ?? actor.userId, teamId: input.teamId ?? actor.teamId };
      requireCan(actor, 'create', 'leads', owner);
      const country = input.country ?? null;
      const phone = normaliseLeadPhone(input.phone, country, deps.defaultPhoneCountry);
      const row = await db.transaction(async (tx) => {
        await assertRefs(tx, [
          { field: 'ownerId', table: 'users', id: input.ownerId, active: true },
          { field: 'teamId', table: 'teams', id: input.teamId },
        ]);
        return captureLeadInTx(
          tx,
          { clock: deps.clock, consent: deps.consent, route: deps.routing?.route },
          actor,
          {
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email ?? null,
            phone,
            company: input.company ?? null,
            jobTitle: input.jobTitle ?? null,
            country,
            language: input.language ?? null,
            message: input.message ?? null,
            source: input.source,
            campaign: input.campaign ?? null,
            status: input.status,
            ...owner,
            formId: null,
            consent: null,
          },
          { kind: 'api' },
        );
      });
      const routing = deps.routing ? await deps.routing.decisionFor(db, row.id) : null;
      return presentLead(row, routing);
    },

    async update(actor: Actor, id: string, input: LeadUpdate, expected?: number): Promise<LeadView> {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'leads', await repo.getLead(tx, id, true), 'Lead');
        checkVersion(cur.version, expected);
        if (cur.status === 'converted') throw converted();
        const reassigning =
          (input.ownerId !== undefined && input.ownerId !== cur.ownerId) ||
          (input.teamId !== undefined && input.teamId !== cur.teamId);
        if (reassigning && scopeOf(actor, 'update', 'leads') !== 'all')
          throw forbidden('Only managers may reassign leads');
        if (reassigning)
          await assertRefs(tx, [
            { field: 'ownerId', table: 'users', id: input.ownerId, active: true },
            { field: 'teamId', table: 'teams', id: input.teamId },
          ]);
        const pick = <K extends keyof LeadUpdate & keyof repo.LeadRow>(k: K) =>
          (input[k] === undefined ? cur[k] : (input[k] ?? null)) as repo.LeadRow[K];
        const next = {
          firstName: input.firstName ?? cur.firstName,
          lastName: input.lastName ?? cur.lastName,
          email: pick('email'),
          company: pick('company'),
          jobTitle: pick('jobTitle'),
          country: pick('country'),
          language: pick('language'),
          message: pick('message'),
          source: input.source ?? cur.source,
          campaign: pick('campaign'),
          status: input.status ?? cur.status,
          ownerId: pick('ownerId'),
          teamId: pick('teamId'),
          phone:
            input.phone === undefined
              ? cur.phone
              : normaliseLeadPhone(input.phone, pick('country'), deps.defaultPhoneCountry),
        };
        if (!next.email && !next.phone)
          throw new AppError('validation_failed', 'A lead needs an email or a phone', {
            errors: [{ field: 'email', code: 'required', message: 'an email or a phone is required' }],
          });
        const channelsChanged =
          next.email !== cur.email || next.phone !== cur.phone || next.company !== cur.company;
        const match = channelsChanged ? await matchLead(tx, next, id) : {};
        const s = await scoreOf(tx, next, id);
        const updated = await repo.updateLead(tx, id, {
          ...next,
          ...match,
          score: s.score,
          scoreReasons: s.reasons,
          searchText: leadSearchText(next),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'lead', id, diffFields(cur, updated, leadAuditFields)),
        );
        return updated;
      });
      const routing = deps.routing ? await deps.routing.decisionFor(db, id) : null;
      return presentLead(row, routing);
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'leads', await repo.getLead(tx, id, true), 'Lead');
        checkVersion(cur.version, expected);
        await repo.deleteLead(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'lead', id, snapshotDiff(cur, leadAuditFields, 'deleted')),
        );
      });
    },

    /** Contacts, accounts and other leads this lead may be the same person or company as. */
    async duplicates(actor: Actor, id: string): Promise<LeadDuplicate[]> {
      const lead = authorize(actor, 'read', 'leads', await repo.getLead(db, id), 'Lead');
      const out: LeadDuplicate[] = [];
      const channelReasons = (emails: string[], phones: string[]) => {
        const r: LeadDuplicate['reasons'] = [];
        if (lead.email && emails.includes(lead.email)) r.push('email');
        if (lead.phone && phones.includes(lead.phone)) r.push('phone');
        return r;
      };
      if (can(actor, 'read', 'contacts')) {
        for (const c of await repo.contactsByChannel(db, lead))
          if (can(actor, 'read', 'contacts', c))
            out.push({
              type: 'contact',
              record: { id: c.id, name: c.name ?? '', email: c.primaryEmail, phone: c.primaryPhone },
              reasons: channelReasons(c.emailKeys, c.phoneKeys),
            });
      }
      if (can(actor, 'read', 'accounts')) {
        const ids = new Set<string>();
        const domain = lead.email && !isFreeMail(lead.email) ? emailDomain(lead.email) : null;
        const nameKey = lead.company ? accountNameKey(lead.company) : '';
        for (const a of await repo.accountsByCompany(db, { domain, nameKey }))
          if (can(actor, 'read', 'accounts', a) && !ids.has(a.id)) {
            ids.add(a.id);
            const reasons: LeadDuplicate['reasons'] = [];
            if (domain && a.domain?.toLowerCase() === domain) reasons.push('domain');
            if (nameKey && a.nameKey === nameKey) reasons.push('company');
            out.push({
              type: 'account',
              record: { id: a.id, name: a.name, email: null, phone: null },
              reasons,
            });
          }
      }
      for (const l of await repo.leadsByChannel(db, { email: lead.email, phone: lead.phone, excludeId: id }))
        if (can(actor, 'read', 'leads', l))
          out.push({
            type: 'lead',
            record: { id: l.id, name: presentLead(l).name, email: l.email, phone: l.phone },
            reasons: channelReasons(l.email ? [l.email] : [], l.phone ? [l.phone] : []),
          });
      return out;
    },

    async activities(
      actor: Actor,
      id: string,
      q: { cursor?: string | undefined; limit: number },
    ): Promise<Page<LeadActivityView>> {
      authorize(actor, 'read', 'leads', await repo.getLead(db, id), 'Lead');
      const before = q.cursor ? parseTimeCursor(q.cursor) : undefined;
      const rows = await repo.activitiesOf(db, id, {
        ...(before ? { before: { at: new Date(before.at), id: before.id } } : {}),
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        data: page.map(presentActivity),
        nextCursor:
          rows.length > q.limit && last
            ? encodeTimeCursor({ at: last.occurredAt.toISOString(), id: last.id })
            : null,
      };
    },

    /** Logs a note, an interaction or an email event on a lead; the score follows. */
    async addActivity(actor: Actor, id: string, input: LeadActivityCreate): Promise<LeadActivityView> {
      requireCan(actor, 'create', input.kind === 'note' ? 'notes' : 'interactions', {
        ownerId: actor.userId,
        teamId: actor.teamId,
      });
      return db.transaction(async (tx) => {
        const lead = authorize(actor, 'read', 'leads', await repo.getLead(tx, id, true), 'Lead');
        if (lead.status === 'converted') throw converted();
        const a = await repo.insertActivity(tx, {
          leadId: id,
          kind: input.kind,
          channel: input.channel ?? (input.kind.startsWith('email') ? 'email' : null),
          direction: input.direction ?? (input.kind === 'email_replied' ? 'inbound' : null),
          subject: input.subject,
          body: input.body,
          actorId: actor.userId,
          actorName: actor.name,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : deps.clock(),
        });
        const after = await rescoreInTx(tx, lead);
        await insertAudit(
          tx,
          auditEntry(
            actor,
            'update',
            'lead',
            id,
            after.score !== lead.score ? { score: { from: lead.score, to: after.score } } : {},
            { activity: input.kind },
          ),
        );
        return presentActivity(a);
      });
    },
  };
}
export type LeadService = ReturnType<typeof createLeadService>;
