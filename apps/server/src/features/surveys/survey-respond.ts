/**
 * The respondent's side of surveys: no sign-in, the signed personal link is the key. The page
 * in the respondent's language, and one editable response per invitation that becomes facts,
 * mapped profile fields, a timeline interaction, NPS and, for a detractor score, an event.
 */
import {
  type Actor,
  type AnswerValue,
  type ResponseSubmit,
  type SurveyQuestion,
  surveyQuestionSchema,
  translated,
  validateAnswers,
  validateCustomValues,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { textToHtml } from '../../http/html.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { getContact, updateContact } from '../contacts/contacts.repository.ts';
import type { CustomFieldService } from '../custom-fields/custom-fields.service.ts';
import { updateInteraction } from '../interactions/interactions.repository.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { verifyToken } from '../shared/signing.ts';
import { type NpsChange, refreshContactNps } from './nps-rollup.ts';
import * as repo from './surveys.repository.ts';

/** Respondents answer without signing in; their writes are audited as this actor. */
export const respondentActor: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  name: 'Survey respondent',
  role: 'system',
  permissions: {},
};

export const parseQuestions = (raw: unknown[]): SurveyQuestion[] =>
  raw.map((q) => surveyQuestionSchema.parse(q));

/** The answers as text for the timeline, in the survey's own language (staff read it). */
const summaryText = (qs: SurveyQuestion[], values: Record<string, AnswerValue>) =>
  qs
    .filter((q) => values[q.key] !== undefined)
    .map((q) => {
      const v = values[q.key]!;
      const label = (x: string) => q.options?.find((o) => o.value === x)?.label ?? x;
      const shown = Array.isArray(v) ? v.map(label).join(', ') : typeof v === 'string' ? label(v) : String(v);
      return `${q.text}: ${shown}`;
    })
    .join('\n');

/** The response's NPS answer (the last NPS question answered, as its fact holds it). */
const npsAnswer = (qs: SurveyQuestion[], values: Record<string, AnswerValue>) => {
  const q = qs.filter((x) => x.type === 'nps' && typeof values[x.key] === 'number').at(-1);
  return q ? { key: q.key, score: values[q.key] as number } : null;
};

export function createSurveyRespondent(deps: {
  db: Db;
  clock: () => Date;
  interactions: InteractionService;
  customFields: CustomFieldService;
}) {
  const { db } = deps;

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

  /** Answers mapped to custom fields go on the profile when valid and not withheld. */
  async function applyCustom(
    tx: Executor,
    contactId: string,
    qs: SurveyQuestion[],
    values: Record<string, AnswerValue>,
  ) {
    const mapped = qs.filter((q) => q.mapsTo?.startsWith('custom.') && values[q.key] !== undefined);
    if (!mapped.length) return;
    const contact = await getContact(tx, contactId, true);
    if (!contact) return;
    const defs = await deps.customFields.defsFor('contact', tx);
    const input: Record<string, unknown> = {};
    for (const q of mapped) {
      const key = q.mapsTo!.slice(7);
      if (contact.withheldFields.includes(`custom.${key}`)) continue; // the customer withholds it
      input[key] = values[q.key];
    }
    if (!Object.keys(input).length) return;
    const checked = validateCustomValues(defs, input, contact.custom, {
      phoneCountry: contact.address?.country ?? null,
    });
    const bad = new Set(checked.errors.map((e) => e.field.replace(/^custom\./, '')));
    const good = Object.fromEntries(Object.entries(checked.values).filter(([k]) => !bad.has(k)));
    if (JSON.stringify(good) === JSON.stringify(contact.custom)) return;
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
  }

  return {
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
            text: translated(q.text, q.texts, language),
            options: q.options?.map((o) => ({
              value: o.value,
              label: translated(o.label, o.labels, language),
            })),
            required: q.required,
          }),
        );
        const response = await repo.responseOf(tx, invitation.id);
        return {
          survey: {
            name: translated(survey.name, survey.names, language),
            description: translated(survey.description, survey.descriptions, language),
            language,
          },
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
     * timeline (web form, customer-initiated), the contact's NPS and its accounts'. Every
     * detractor answer emits the domain event nps.detractor — a new response, or an edit to a
     * detractor score — once per response and score.
     */
    async submit(token: string, input: ResponseSubmit) {
      return db.transaction(async (tx) => {
        const { invitation, survey } = await byToken(tx, token, true);
        if (survey.status === 'closed') throw new AppError('conflict', 'This survey is closed');
        const contactId = invitation.contactId;
        const contact = contactId ? await getContact(tx, contactId) : undefined;
        // The person's data was erased: their old link takes no new personal data.
        if (contact?.erasedAt) throw new AppError('gone', 'This survey link is no longer valid');
        const questions = parseQuestions(await repo.questionsOf(tx, survey.id, invitation.version));
        const { values, errors } = validateAnswers(questions, input.answers);
        if (errors.length) throw invalid(errors);
        const now = deps.clock();
        const previous = await repo.responseOf(tx, invitation.id, true);
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
        const nps = npsAnswer(questions, values);
        let change: NpsChange | null = null;
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
          if (nps) change = await refreshContactNps(tx, contactId);
        }
        if (nps && nps.score <= 6)
          await repo.insertDomainEvent(tx, {
            type: 'nps.detractor',
            recordType: contactId ? 'contact' : 'survey_response',
            recordId: contactId ?? response.id,
            data: {
              contactId,
              accountIds: contactId ? await repo.employersOf(tx, contactId) : [],
              surveyId: survey.id,
              responseId: response.id,
              questionKey: nps.key,
              score: nps.score,
              edited: Boolean(previous),
            },
          });
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
          nps: change?.after ?? null,
        };
      });
    },
  };
}
