/** Survey invitations as a process step: the service called without HTTP, by a system actor. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { createSurveyService, type SurveyService } from './surveys.service.ts';

let t: TestApp;
let surveys: SurveyService;
let surveyId: string;
let willing: string;
let unwilling: string;
let noEmail: string;
let noEmailToken: string;

const id = (r: { data: <T>() => T }) => r.data<{ id: string }>().id;

beforeAll(async () => {
  t = await createTestApp();
  const s = t.services;
  surveys = createSurveyService({
    db: s.database.db,
    clock: () => new Date(),
    publicUrl: 'https://crm.example.org',
    emails: s.emails,
    consent: s.consent,
    interactions: s.interactions,
    customFields: s.customFields,
  });
  surveyId = id(
    await t.admin.post('/api/v1/surveys', {
      name: 'After the case',
      questions: [{ key: 'nps', type: 'nps', text: 'Recommend us?' }],
    }),
  );
  const contact = async (firstName: string, email?: string) =>
    id(
      await t.admin.post('/api/v1/contacts', {
        firstName,
        lastName: 'Process',
        ...(email ? { emails: [{ address: email }] } : {}),
      }),
    );
  willing = await contact('Wilma', 'wilma@process.test');
  unwilling = await contact('Ulf', 'ulf@process.test');
  noEmail = await contact('Nils');
  await t.admin.put(`/api/v1/contacts/${unwilling}/consents`, {
    consents: [{ purpose: 'surveys', channel: 'email', status: 'denied' }],
  });
});
afterAll(async () => {
  await t?.close();
});

const invitationsOf = (contactId: string) =>
  t.services.database.query<{ email_id: string | null; created_by: string | null }>(
    'SELECT email_id, created_by FROM survey_invitations WHERE contact_id = $1',
    [contactId],
  );

describe('invitations from a process step', () => {
  it('makes links on the public address and emails only those whose consent allows it', async () => {
    const r = await surveys.inviteFromProcess({
      surveyId,
      contactIds: [willing, unwilling, noEmail],
      sendEmail: true,
      processName: 'Case closed: ask for NPS',
    });
    expect(r.data).toHaveLength(3);
    for (const link of r.data) expect(link.url).toMatch(/^https:\/\/crm\.example\.org\/s\/[\w-]+\.[\w-]+$/);
    expect(r.data.find((d) => d.contactId === willing)?.emailed).toBe(true);
    expect(r.blocked).toEqual(
      expect.arrayContaining([
        { contactId: unwilling, reason: 'consent_denied' },
        { contactId: noEmail, reason: 'no_email' },
      ]),
    );
    expect(r.blocked).toHaveLength(2);
    const [mail] = await t.services.database.query<{ headers: Record<string, string>; text_body: string }>(
      'SELECT e.headers, e.text_body FROM emails e JOIN survey_invitations i ON i.email_id = e.id WHERE i.contact_id = $1',
      [willing],
    );
    expect(mail!.headers['List-Unsubscribe']).toMatch(/^<https:\/\/crm\.example\.org\/u\//);
    expect(mail!.text_body).toContain('https://crm.example.org/s/');
    expect(await invitationsOf(unwilling)).toEqual([{ email_id: null, created_by: null }]);
    const [audit] = await t.services.database.query<{ actor_type: string; actor_name: string; meta: object }>(
      `SELECT actor_type, actor_name, meta FROM audit_log WHERE record_type = 'survey_invitation' AND record_id = $1`,
      [surveyId],
    );
    expect(audit).toMatchObject({
      actor_type: 'system',
      actor_name: 'Case closed: ask for NPS',
      meta: { invited: 3, emailed: 1, blocked: 2 },
    });
    noEmailToken = r.data.find((d) => d.contactId === noEmail)!.token;
    // The link works like any other: the respondent answers through it.
    const link = r.data.find((d) => d.contactId === willing)!;
    expect((await t.anonymous.post(`/s/${link.token}`, { answers: { nps: 9 } })).statusCode).toBe(200);
  });

  it("commits with the step's own transaction, or not at all", async () => {
    const before = (await invitationsOf(noEmail)).length;
    await expect(
      t.services.database.db.transaction(async (tx) => {
        await surveys.inviteFromProcess(
          { surveyId, contactIds: [noEmail], processName: 'Rolled back step' },
          tx,
        );
        const inside = await tx.execute(
          sql`SELECT 1 FROM survey_invitations WHERE contact_id = ${noEmail}::uuid`,
        );
        expect((inside as unknown as { rows: unknown[] }).rows).toHaveLength(before + 1);
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    expect(await invitationsOf(noEmail)).toHaveLength(before);
  });

  it('refuses erased contacts and unknown ones, and needs the public address', async () => {
    await t.admin.post(`/api/v1/contacts/${noEmail}/erase`, { confirm: `ERASE ${noEmail}` });
    // A link sent before the erasure takes no new answers.
    const late = await t.anonymous.post(`/s/${noEmailToken}`, { answers: { nps: 5 } });
    expect(late.statusCode).toBe(410);
    expect(await t.services.database.query('SELECT 1 FROM facts WHERE contact_id = $1', [noEmail])).toEqual(
      [],
    );
    await expect(
      surveys.inviteFromProcess({ surveyId, contactIds: [noEmail], processName: 'Step' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'contactIds.0', code: 'erased' }],
    });
    await expect(
      surveys.inviteFromProcess({
        surveyId,
        contactIds: ['00000000-0000-4000-8000-000000000000'],
        processName: 'Step',
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'contactIds.0', code: 'not_found' }] });
    await expect(
      t.services.surveys.inviteFromProcess({ surveyId, contactIds: [willing], processName: 'Step' }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('PUBLIC_URL') });
  });
});
