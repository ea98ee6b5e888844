import {
  type Actor,
  type InvitationCreate,
  type ListQuery,
  mayContact,
  type SurveyCreate,
  type SurveyQuestion,
  type SurveyUpdate,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { consentsOf } from '../consent/consent.repository.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import { getContactsByIds } from '../contacts/contacts.repository.ts';
import type { CustomFieldService } from '../custom-fields/custom-fields.service.ts';
import type { EmailService } from '../email/email.service.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { containsPattern, type ListFields } from '../shared/list-query.ts';
import { signToken } from '../shared/signing.ts';
import { surveyEmail } from './survey-email.ts';
import { createSurveyRespondent, parseQuestions } from './survey-respond.ts';
import * as repo from './surveys.repository.ts';

export { respondentActor } from './survey-respond.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  status: {
    kind: 'enum',
    sortable: true,
    notNull: true,
    expr: col('status'),
    values: ['draft', 'open', 'closed'],
  },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = [
  'name',
  'description',
  'names',
  'descriptions',
  'language',
  'status',
  'linkDays',
  'currentVersion',
] as const;

/** A process step (not a person) that sends survey invitations; it may invite anyone. */
export const processActor = (name: string): Actor => ({
  kind: 'system',
  userId: null,
  teamId: null,
  name,
  role: 'system',
  permissions: {},
});

export type InvitationResult = {
  data: { id: string; contactId: string; token: string; url: string; emailed: boolean }[];
  blocked: { contactId: string; reason: string }[];
};

export function presentSurvey(
  r: repo.SurveyRow,
  questions: SurveyQuestion[],
  stats?: { invitations: number; responses: number },
) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    names: r.names,
    descriptions: r.descriptions,
    language: r.language,
    status: r.status,
    linkDays: r.linkDays,
    currentVersion: r.currentVersion,
    questions,
    ...(stats ?? {}),
    ownerId: r.ownerId,
    teamId: r.teamId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type SurveyView = ReturnType<typeof presentSurvey>;

export function createSurveyService(deps: {
  db: Db;
  clock: () => Date;
  publicUrl: string | undefined;
  emails: Pick<EmailService, 'queueInTx'>;
  consent: ConsentService;
  interactions: InteractionService;
  customFields: CustomFieldService;
}) {
  const { db } = deps;

  async function load(
    ex: Executor,
    actor: Actor,
    id: string,
    action: 'read' | 'update' | 'delete' | 'create',
    lock = false,
  ) {
    const s = await repo.getSurvey(ex, id, lock);
    return authorize(actor, action === 'create' ? 'update' : action, 'surveys', s, 'Survey');
  }

  /** Makes the links (and emails) in the caller's transaction; `base` is the site's address. */
  async function inviteInTx(
    tx: Executor,
    actor: Actor,
    id: string,
    input: InvitationCreate,
    base: string,
  ): Promise<InvitationResult> {
    const s = await load(tx, actor, id, 'update', true);
    if (s.status === 'closed') throw new AppError('conflict', 'The survey is closed');
    const contacts = await getContactsByIds(tx, [...new Set(input.contactIds)]);
    const found = new Set(contacts.map((c) => c.id));
    const missing = input.contactIds.flatMap((c, i) =>
      found.has(c) ? [] : [{ field: `contactIds.${i}`, code: 'not_found', message: 'no such contact' }],
    );
    if (missing.length) throw invalid(missing);
    for (const c of contacts) authorize(actor, 'read', 'contacts', c, 'Contact');
    const erased = input.contactIds.flatMap((c, i) =>
      contacts.find((x) => x.id === c)?.erasedAt
        ? [{ field: `contactIds.${i}`, code: 'erased', message: 'this person’s data was erased' }]
        : [],
    );
    if (erased.length) throw invalid(erased);
    if (s.status === 'draft')
      await repo.updateSurvey(tx, id, { status: 'open', updatedAt: deps.clock(), version: s.version + 1 });
    const now = deps.clock();
    const expiresAt = new Date(now.getTime() + s.linkDays * 86_400_000);
    const rows = await repo.insertInvitations(
      tx,
      contacts.map((c) => ({
        surveyId: id,
        version: s.currentVersion,
        contactId: c.id,
        expiresAt,
        createdBy: actor.userId,
      })),
    );
    const out: InvitationResult['data'] = [];
    const blocked: InvitationResult['blocked'] = [];
    for (const inv of rows) {
      const token = await signToken(tx, {
        k: 'survey',
        i: inv.id,
        e: Math.floor(expiresAt.getTime() / 1000),
      });
      const url = `${base}/s/${token}`;
      let emailed = false;
      if (input.sendEmail) {
        const contact = contacts.find((c) => c.id === inv.contactId)!;
        const decision = mayContact({ consents: await consentsOf(tx, contact.id) }, 'surveys', 'email');
        if (!decision.allowed) blocked.push({ contactId: contact.id, reason: `consent_${decision.reason}` });
        else if (!contact.primaryEmail) blocked.push({ contactId: contact.id, reason: 'no_email' });
        else {
          const unsubscribe = `${base}/u/${await deps.consent.unsubscribeToken(tx, contact.id, 'surveys', 'email')}`;
          const mail = surveyEmail({ survey: s, contact, url, unsubscribe });
          const email = await deps.emails.queueInTx(tx, actor, {
            contact,
            to: [contact.primaryEmail],
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            headers: {
              'List-Unsubscribe': `<${unsubscribe}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          });
          await repo.setInvitationEmail(tx, inv.id, email.id);
          emailed = true;
        }
      }
      out.push({ id: inv.id, contactId: inv.contactId!, token, url, emailed });
    }
    await insertAudit(
      tx,
      auditEntry(
        actor,
        'create',
        'survey_invitation',
        id,
        {},
        { invited: rows.length, emailed: out.filter((o) => o.emailed).length, blocked: blocked.length },
      ),
    );
    return { data: out, blocked };
  }

  return {
    ...createSurveyRespondent(deps),
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<SurveyView>> {
      const req = pageRequest({
        actor,
        resource: 'surveys',
        query,
        fields: listFields,
        defaultSort: { field: 'createdAt', dir: 'desc' },
        idExpr: col('id'),
        extra: [query.q ? sql`name ILIKE ${containsPattern(query.q)}` : undefined],
      });
      const rows = await repo.pageSurveys(db, req.where, req.order, req.sortValue, req.limit);
      const questions = await repo.currentQuestionsOf(db, rows);
      return toPage(rows, req, (r) => presentSurvey(r, parseQuestions(questions.get(r.id) ?? [])));
    },

    async get(actor: Actor, id: string): Promise<SurveyView> {
      const s = await load(db, actor, id, 'read');
      const [questions, invitations, responses] = await Promise.all([
        repo.questionsOf(db, id, s.currentVersion),
        repo.invitationCount(db, id),
        db.execute(sql`SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = ${id}::uuid`),
      ]);
      const n = Number((responses as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
      return presentSurvey(s, parseQuestions(questions), { invitations, responses: n });
    },

    async create(actor: Actor, input: SurveyCreate): Promise<SurveyView> {
      requireCan(actor, 'create', 'surveys', { ownerId: actor.userId, teamId: actor.teamId });
      const row = await db.transaction(async (tx) => {
        const s = await repo.insertSurvey(tx, {
          name: input.name,
          description: input.description,
          names: input.names,
          descriptions: input.descriptions,
          language: input.language,
          linkDays: input.linkDays,
          ownerId: actor.userId,
          teamId: actor.teamId,
        });
        await repo.saveVersion(tx, s.id, 1, input.questions);
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'survey', s.id, snapshotDiff(s, auditFields, 'created')),
        );
        return s;
      });
      return presentSurvey(row, input.questions, { invitations: 0, responses: 0 });
    },

    /** Changing the questions of a survey that was sent makes a new version; answers keep theirs. */
    async update(actor: Actor, id: string, input: SurveyUpdate, expected?: number): Promise<SurveyView> {
      const { row, questions } = await db.transaction(async (tx) => {
        const cur = await load(tx, actor, id, 'update', true);
        checkVersion(cur.version, expected);
        let currentVersion = cur.currentVersion;
        if (input.questions) {
          const sent = (await repo.invitationCount(tx, id, cur.currentVersion)) > 0;
          if (sent) currentVersion += 1;
          await repo.saveVersion(tx, id, currentVersion, input.questions);
        }
        const next = await repo.updateSurvey(tx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.names !== undefined ? { names: input.names } : {}),
          ...(input.descriptions !== undefined ? { descriptions: input.descriptions } : {}),
          ...(input.language !== undefined ? { language: input.language } : {}),
          ...(input.linkDays !== undefined ? { linkDays: input.linkDays } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          currentVersion,
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'survey', id, {
            ...Object.fromEntries(
              auditFields
                .filter((f) => JSON.stringify(cur[f]) !== JSON.stringify(next[f]))
                .map((f) => [f, { from: cur[f], to: next[f] }]),
            ),
            ...(input.questions ? { questions: { from: null, to: `version ${currentVersion}` } } : {}),
          }),
        );
        return { row: next, questions: parseQuestions(await repo.questionsOf(tx, id, currentVersion)) };
      });
      return presentSurvey(row, questions);
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = await load(tx, actor, id, 'delete', true);
        checkVersion(cur.version, expected);
        await repo.deleteSurvey(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'survey', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },

    /**
     * Personal links for contacts (a draft survey opens). With sendEmail, each link also goes out
     * by email to contacts that allow surveys by email; the others are listed as blocked, with why.
     */
    invite: (actor: Actor, id: string, input: InvitationCreate, origin: string) =>
      db.transaction((tx) => inviteInTx(tx, actor, id, input, deps.publicUrl ?? origin)),

    /**
     * Invitations as a step of a process (no HTTP request, no signed-in user): the same links,
     * consent check and email as `invite`, made by a system actor named after the step, in the
     * step's transaction when it passes one (so the step's own changes and the invitations
     * commit together). Links point at PUBLIC_URL, which must be set. Contacts are taken as
     * given: the process decided whom to invite.
     */
    async inviteFromProcess(
      step: { surveyId: string; contactIds: string[]; sendEmail?: boolean; processName: string },
      tx?: Executor,
    ): Promise<InvitationResult> {
      const base = deps.publicUrl;
      if (!base) throw new AppError('conflict', 'Set PUBLIC_URL: invitations made by a process link to it');
      const input = { contactIds: step.contactIds, sendEmail: step.sendEmail ?? false };
      const actor = processActor(step.processName);
      return tx
        ? inviteInTx(tx, actor, step.surveyId, input, base)
        : db.transaction((t) => inviteInTx(t, actor, step.surveyId, input, base));
    },

    async invitations(actor: Actor, id: string, q: { cursor?: string | undefined; limit: number }) {
      await load(db, actor, id, 'read');
      const rows = await repo.invitationsOf(
        db,
        id,
        q.cursor ? parseTimeCursor(q.cursor) : undefined,
        q.limit,
      );
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const last = page[page.length - 1];
      return {
        data: page.map((r) => ({
          id: r.id,
          contactId: r.contactId,
          version: r.version,
          expiresAt: r.expiresAt.toISOString(),
          emailId: r.emailId,
          openedAt: r.openedAt?.toISOString() ?? null,
          respondedAt: r.respondedAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
        nextCursor: more && last ? encodeTimeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
      };
    },

    async responses(actor: Actor, id: string, q: { cursor?: string | undefined; limit: number }) {
      await load(db, actor, id, 'read');
      const rows = await repo.responsesOf(db, id, q.cursor ? parseTimeCursor(q.cursor) : undefined, q.limit);
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const last = page[page.length - 1];
      return {
        data: page.map((r) => ({
          id: r.id,
          invitationId: r.invitationId,
          contactId: r.contactId,
          version: r.version,
          answers: r.answers,
          interactionId: r.interactionId,
          submittedAt: r.submittedAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
          edits: r.edits,
        })),
        nextCursor:
          more && last ? encodeTimeCursor({ at: last.submittedAt.toISOString(), id: last.id }) : null,
      };
    },

    /** Per question: answer counts per value (choices, scores), mean for numbers, and NPS. */
    async summary(actor: Actor, id: string) {
      const s = await load(db, actor, id, 'read');
      const questions = parseQuestions(await repo.questionsOf(db, id, s.currentVersion));
      const answers = await repo.allAnswers(db, id);
      return {
        responses: answers.length,
        questions: questions.map((q) => {
          const values = answers
            .map((a) => a.answers[q.key])
            .filter((v) => v !== undefined && v !== null && v !== '');
          const counts = new Map<string, number>();
          for (const v of values)
            for (const x of Array.isArray(v) ? v : [v])
              counts.set(String(x), (counts.get(String(x)) ?? 0) + 1);
          const numbers = values.filter((v): v is number => typeof v === 'number');
          const nps =
            q.type === 'nps'
              ? {
                  promoters: numbers.filter((n) => n >= 9).length,
                  passives: numbers.filter((n) => n >= 7 && n <= 8).length,
                  detractors: numbers.filter((n) => n <= 6).length,
                }
              : null;
          return {
            key: q.key,
            type: q.type,
            text: q.text,
            answered: values.length,
            counts: Object.fromEntries([...counts].sort()),
            mean: numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null,
            ...(nps
              ? {
                  nps: {
                    ...nps,
                    score: numbers.length
                      ? Math.round(((nps.promoters - nps.detractors) / numbers.length) * 1000) / 10
                      : null,
                  },
                }
              : {}),
            ...(q.type === 'text' ? { samples: values.slice(0, 20) } : {}),
          };
        }),
      };
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
