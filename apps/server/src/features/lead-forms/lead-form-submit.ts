/**
 * The public side of a lead form: rate limits shared by every API process, the honeypot, field
 * validation, and the capture of the lead in one transaction. Nothing is stored on an error.
 */
import { type Actor, HONEYPOT_FIELD, parseLeadSubmission } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { ConsentService } from '../consent/consent.service.ts';
import { type CaptureChannel, captureLeadInTx, type LeadRouter } from '../leads/lead-capture.ts';
import * as repo from './lead-forms.repository.ts';

const WINDOW_MS = 3600_000;
const MAX_KEYS = 50;

export type SubmitResult = { message: string; redirectUrl: string | null };

/** Per address a form takes a tenth of its hourly limit, and at least three. */
export const perAddressLimit = (perHour: number) => Math.max(3, Math.ceil(perHour / 10));

const formActor = (form: repo.LeadFormRow): Actor => ({
  kind: 'system',
  userId: null,
  teamId: null,
  name: `Web form ${form.name}`.slice(0, 200),
  role: 'system',
  permissions: {},
});

export function createLeadFormSubmitService(deps: {
  db: Db;
  clock: () => Date;
  consent: ConsentService;
  defaultPhoneCountry?: string | undefined;
  route?: LeadRouter | undefined;
}) {
  const { db } = deps;

  async function throttle(key: string, limit: number): Promise<void> {
    const now = deps.clock();
    const { hits, windowStart } = await repo.hit(db, key, now);
    if (hits <= limit) return;
    const retry = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'This form takes no more submissions for now; try again later', {
      headers: { 'retry-after': String(retry) },
    });
  }

  const filled = (v: unknown) =>
    v !== undefined && v !== null && v !== false && !(typeof v === 'string' && v.trim() === '');

  return {
    async submit(formKey: string, body: unknown, meta: { ip: string }): Promise<SubmitResult> {
      const form = await repo.getFormByKey(db, formKey);
      if (!form?.active) throw new AppError('not_found', 'No such form');
      // The sender's budget first, so one flooding address cannot use up the whole form's.
      await throttle(`form:${form.id}:ip:${meta.ip}`, perAddressLimit(form.rateLimitPerHour));
      await throttle(`form:${form.id}`, form.rateLimitPerHour);
      const done = { message: form.thankYouMessage, redirectUrl: form.redirectUrl };
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new AppError(
          'unsupported_media_type',
          'Send the form (application/x-www-form-urlencoded) or JSON',
        );
      const fields = body as Record<string, unknown>;
      if (Object.keys(fields).length > MAX_KEYS)
        throw invalid([{ field: 'body', code: 'too_big', message: `at most ${MAX_KEYS} fields` }]);
      // A bot filled the hidden field: answer as if all went well, keep nothing.
      if (filled(fields[HONEYPOT_FIELD])) return done;
      const parsed = parseLeadSubmission(form, fields, deps.defaultPhoneCountry);
      if (!parsed.ok) throw invalid(parsed.errors, 'Some form fields are not valid');
      const v = parsed.value;
      const now = deps.clock();
      const channel: CaptureChannel = { kind: 'web_form', formName: form.name };
      await db.transaction(async (tx) => {
        await captureLeadInTx(
          tx,
          { clock: deps.clock, consent: deps.consent, route: deps.route },
          formActor(form),
          {
            firstName: v.firstName ?? '',
            lastName: v.lastName ?? '',
            email: v.email ?? null,
            phone: v.phone ?? null,
            company: v.company ?? null,
            jobTitle: v.jobTitle ?? null,
            country: v.country ?? null,
            language: v.language ?? form.language,
            message: v.message ?? null,
            source: v.utmSource ?? form.defaultSource,
            campaign: v.utmCampaign ?? form.defaultCampaign,
            status: 'new',
            ownerId: null,
            teamId: null,
            formId: form.id,
            consent:
              v.consent && form.consentText
                ? {
                    purpose: form.consentPurpose,
                    channel: form.consentChannel,
                    text: form.consentText,
                    capturedAt: now.toISOString(),
                    formId: form.id,
                    formName: form.name,
                  }
                : null,
          },
          channel,
        );
        await repo.countSubmission(tx, form.id, now);
      });
      return done;
    },

    /** Drops throttle windows that ended long ago (hourly job). */
    async forgetOldHits(): Promise<void> {
      await repo.forgetOldHits(db, new Date(deps.clock().getTime() - 2 * WINDOW_MS));
    },
  };
}
export type LeadFormSubmitService = ReturnType<typeof createLeadFormSubmitService>;
