import {
  type Actor,
  type AnswerValue,
  type InvitationCreate,
  type ListQuery,
  mayContact,
  npsCategory,
  type ResponseSubmit,
  type SurveyCreate,
  type SurveyQuestion,
  type SurveyUpdate,
  snapshotDiff,
  surveyQuestionSchema,
  validateAnswers,
  validateCustomValues,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { textToHtml } from '../../http/html.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { consentsOf } from '../consent/consent.repository.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import { getContact, getContactsByIds, updateContact } from '../contacts/contacts.repository.ts';
import type { CustomFieldService } from '../custom-fields/custom-fields.service.ts';
import type { EmailService } from '../email/email.service.ts';
import { updateInteraction } from '../interactions/interactions.repository.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { containsPattern, type ListFields } from '../shared/list-query.ts';
import { signToken, verifyToken } from '../shared/signing.ts';
import { surveyEmail } from './survey-email.ts';
import * as repo from './surveys.repository.ts';

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
const auditFields = ['name', 'description', 'language', 'status', 'linkDays', 'currentVersion'] as const;

/** Respondents answer without signing in; their writes are audited as this actor. */
export const respondentActor: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  name: 'Survey respondent',
  role: 'system',
  permissions: {},
};

const parseQuestions = (raw: unknown[]): SurveyQuestion[] => raw.map((q) => surveyQuestionSchema.parse(q));

export function presentSurvey(
  r: repo.SurveyRow,
  questions: SurveyQuestion[],
  stats?: { invitations: number; responses: number },
) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
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
  const base = (origin: string) => deps.publicUrl ?? origin;
  const linkOf = (origin: string, token: string) => `${base(origin)}/s/${token}`;

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

  /** The invitation behind a token, or 404/410. */
  async function byToken(ex: Executor, token: string, lock = false) {
    const v = await verifyToken(ex, token, 'survey', deps.clock());
    if (!v.ok && v.reason === 'expired') throw new AppError('gone', 'This survey link has expired');
    if (!v.ok) throw notFound('Survey link');
    const invitation = await repo.getInvitation(ex, v.payload.i, lock);
    if (!invitation) throw notFound('Survey link');
    const survey = await repo.getSurvey(ex, invitation.surveyId);
    if (!survey) throw notFound('Survey link');
    return { invitation, survey };
  }

  /** Account NPS rolls up its contacts' latest answers; a contact's NPS is its latest answer. */
  async function refreshNps(tx: Executor, contactId: string) {
    const latest = await repo.latestNps(tx, contactId);
    const category = latest ? npsCategory(latest.score) : null;
    const contact = await getContact(tx, contactId);
    const before = contact?.npsCategory ?? null;
    await updateContact(tx, contactId, {
      npsScore: latest?.score ?? null,
      npsCategory: category,
      npsAnsweredAt: latest ? new Date(latest.recorded_at) : null,
    });
    await repo.recountAccountNps(tx, await repo.employersOf(tx, contactId));
    return { before, after: category, score: latest?.score ?? null };
  }

  /** Answers mapped to custom fields go on the profile when valid and not withheld. */
  async function applyCustom(
    tx: Executor,
    contactId: string,
    qs: SurveyQuestion[],
    values: Record<string, AnswerValue>,
  ) {
    const mapped = qs.filter((q) => q.mapsTo?.startsWith('custom.') && values[q.key] !== undefined);
    if (!mapped.length) return [] as string[];
    const contact = await getContact(tx, contactId, true);
    if (!contact) return [];
    const defs = await deps.customFields.defsFor('contact', tx);
    const input: Record<string, unknown> = {};
    for (const q of mapped) {
      const key = q.mapsTo!.slice(7);
      if (contact.withheldFields.includes(`custom.${key}`)) continue; // the customer withholds it
      input[key] = values[q.key];
    }
    if (!Object.keys(input).length) return [];
    const checked = validateCustomValues(defs, input, contact.custom, {
      phoneCountry: contact.address?.country ?? null,
    });
    const bad = new Set(checked.errors.map((e) => e.field.replace(/^custom\./, '')));
    const good = Object.fromEntries(Object.entries(checked.values).filter(([k]) => !bad.has(k)));
    if (JSON.stringify(good) === JSON.stringify(contact.custom)) return [];
    await updateContact(tx, contactId, {
      custom: good,
      updatedAt: deps.clock(),
      version: contact.version + 1,
    });
    await insertAudit(
      tx,
      auditEntry(
        respondentActor,
        'update',
        'contact',
        contactId,
        { custom: { from: contact.custom, to: good } },
        { source: 'survey' },
      ),
    );
    return Object.keys(input).filter((k) => !bad.has(k));
  }

  const summaryText = (qs: SurveyQuestion[], values: Record<string, AnswerValue>) =>
    qs
      .filter((q) => values[q.key] !== undefined)
      .map((q) => {
        const v = values[q.key]!;
        const label = (x: string) => q.options?.find((o) => o.value === x)?.label ?? x;
        const shown = Array.isArray(v)
          ? v.map(label).join(', ')
          : typeof v === 'string'
            ? label(v)
            : String(v);
        return `${q.text}: ${shown}`;
      })
      .join('\n');

  return {
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
      const withQuestions = await Promise.all(
        rows.map(async (r) => ({
          ...r,
          questions: parseQuestions(await repo.questionsOf(db, r.id, r.currentVersion)),
        })),
      );
      return toPage(withQuestions, req, (r) => presentSurvey(r, r.questions));
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
    async invite(actor: Actor, id: string, input: InvitationCreate, origin: string) {
      return db.transaction(async (tx) => {
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
          await repo.updateSurvey(tx, id, {
            status: 'open',
            updatedAt: deps.clock(),
            version: s.version + 1,
          });
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
        const out: { id: string; contactId: string; token: string; url: string; emailed: boolean }[] = [];
        const blocked: { contactId: string; reason: string }[] = [];
        for (const inv of rows) {
          const token = await signToken(tx, {
            k: 'survey',
            i: inv.id,
            e: Math.floor(expiresAt.getTime() / 1000),
          });
          const url = linkOf(origin, token);
          let emailed = false;
          if (input.sendEmail) {
            const contact = contacts.find((c) => c.id === inv.contactId)!;
            const decision = mayContact({ consents: await consentsOf(tx, contact.id) }, 'surveys', 'email');
            if (!decision.allowed)
              blocked.push({ contactId: contact.id, reason: `consent_${decision.reason}` });
            else if (!contact.primaryEmail) blocked.push({ contactId: contact.id, reason: 'no_email' });
            else {
              const unsubscribe = `${base(origin)}/u/${await deps.consent.unsubscribeToken(tx, contact.id, 'surveys', 'email')}`;
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
      });
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

    /** The public page's data: the survey in the respondent's language and any earlier answers. */
    async publicView(token: string) {
      return db.transaction(async (tx) => {
        const { invitation, survey } = await byToken(tx, token);
        await repo.markOpened(tx, invitation.id, deps.clock());
        const contact = invitation.contactId ? await getContact(tx, invitation.contactId) : undefined;
        const language = contact?.language ?? survey.language;
        const questions = parseQuestions(await repo.questionsOf(tx, survey.id, invitation.version)).map(
          (q) => ({
            key: q.key,
            type: q.type,
            text: q.texts?.[language as keyof NonNullable<typeof q.texts>] || q.text,
            options: q.options,
            required: q.required,
          }),
        );
        const response = await repo.responseOf(tx, invitation.id);
        return {
          survey: { name: survey.name, description: survey.description, language },
          questions,
          answers: response?.answers ?? {},
          submittedAt: response?.submittedAt.toISOString() ?? null,
          closed: survey.status === 'closed',
          expiresAt: invitation.expiresAt.toISOString(),
        };
      });
    },

    /**
     * A respondent's answers: one response per invitation, editable until the survey closes.
     * Answers become facts on the profile (and mapped custom fields), an interaction on the
     * timeline (web form, customer-initiated), the contact's NPS and its accounts'; a detractor
     * answer emits the domain event nps.detractor.
     */
    async submit(token: string, input: ResponseSubmit) {
      return db.transaction(async (tx) => {
        const { invitation, survey } = await byToken(tx, token, true);
        if (survey.status === 'closed') throw new AppError('conflict', 'This survey is closed');
        const questions = parseQuestions(await repo.questionsOf(tx, survey.id, invitation.version));
        const { values, errors } = validateAnswers(questions, input.answers);
        if (errors.length) throw invalid(errors);
        const now = deps.clock();
        const previous = await repo.responseOf(tx, invitation.id, true);
        const contactId = invitation.contactId;
        let interactionId = previous?.interactionId ?? null;
        const text = summaryText(questions, values);
        if (contactId && !interactionId) {
          const { row } = await deps.interactions.createInTx(tx, respondentActor, {
            channel: 'web_form',
            direction: 'inbound',
            initiative: 'customer',
            status: 'done',
            occurredAt: now.toISOString(),
            subject: `Survey: ${survey.name}`,
            notes: textToHtml(text),
            contactId,
            participants: [],
          });
          interactionId = row.id;
        }
        const response = previous
          ? await repo.updateResponse(tx, previous.id, {
              answers: values,
              updatedAt: now,
              edits: previous.edits + 1,
              interactionId,
            })
          : await repo.insertResponse(tx, {
              invitationId: invitation.id,
              surveyId: survey.id,
              version: invitation.version,
              contactId,
              answers: values,
              interactionId,
              submittedAt: now,
            });
        if (previous && interactionId)
          await updateInteraction(tx, interactionId, { notes: textToHtml(text), updatedAt: now });
        await tx.execute(
          sql`UPDATE survey_invitations SET responded_at = ${now.toISOString()}::timestamptz WHERE id = ${invitation.id}::uuid`,
        );
        let nps: Awaited<ReturnType<typeof refreshNps>> | null = null;
        if (contactId) {
          for (const q of questions) {
            const v = values[q.key];
            const key = q.type === 'nps' ? 'nps' : q.mapsTo?.startsWith('fact.') ? q.mapsTo.slice(5) : null;
            if (v === undefined || !key) continue;
            await repo.upsertFact(tx, {
              contactId,
              key,
              value: v,
              source: 'survey',
              surveyId: survey.id,
              questionKey: q.key,
              responseId: response.id,
              recordedAt: now,
            });
          }
          await applyCustom(tx, contactId, questions, values);
          if (questions.some((q) => q.type === 'nps' && values[q.key] !== undefined)) {
            nps = await refreshNps(tx, contactId);
            if (nps.after === 'detractor' && nps.before !== 'detractor')
              await repo.insertDomainEvent(tx, {
                type: 'nps.detractor',
                recordType: 'contact',
                recordId: contactId,
                data: { score: nps.score, surveyId: survey.id, responseId: response.id },
              });
          }
        }
        await insertAudit(
          tx,
          auditEntry(
            respondentActor,
            previous ? 'update' : 'create',
            'survey_response',
            response.id,
            {},
            { surveyId: survey.id, contactId },
          ),
        );
        return {
          submittedAt: response.submittedAt.toISOString(),
          edits: response.edits,
          nps: nps?.after ?? null,
        };
      });
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
