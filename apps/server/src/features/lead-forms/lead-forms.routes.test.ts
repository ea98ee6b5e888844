import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Form = {
  id: string;
  key: string;
  name: string;
  endpoint: string;
  embed: { html: string; script: string };
  submissions: number;
  version: number;
};
const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.services.database.query<{ n: number }>(sql, params))[0]!.n);
const leadCount = () => count('SELECT count(*)::int AS n FROM leads');

async function newForm(extra: Record<string, unknown> = {}): Promise<Form> {
  const r = await t.admin.post('/api/v1/lead-forms', {
    name: 'Demo request',
    fields: [
      { key: 'firstName', required: true },
      { key: 'lastName' },
      { key: 'email', required: true },
      { key: 'phone' },
      { key: 'company' },
      { key: 'message' },
    ],
    defaultSource: 'website',
    defaultCampaign: 'Spring 2026',
    consentText: 'Send me news about Relata by email',
    thankYouMessage: 'Thanks — we will call you.',
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.data<Form>();
}

/** A public post, as a website would send it (no session, from an address of its own). */
function post(key: string, body: string | object, headers: Record<string, string> = {}, ip = '203.0.113.7') {
  const json = typeof body !== 'string';
  return t.app.inject({
    method: 'POST',
    url: `/f/${key}`,
    remoteAddress: ip,
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded', ...headers },
    payload: json ? JSON.stringify(body) : body,
  });
}

describe('lead forms (admin)', () => {
  it('admins manage forms; others read; responses carry the key, endpoint and embed code', async () => {
    const form = await newForm();
    expect(form.key).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(form.endpoint).toMatch(new RegExp(`^http://localhost(:80)?/f/${form.key}$`));
    expect(form.embed.html).toContain(`action="${form.endpoint}"`);
    expect(form.embed.script).toContain('<script>');
    const agent = await t.userClient('agent');
    expect((await agent.get(`/api/v1/lead-forms/${form.id}`)).statusCode).toBe(200);
    expect((await agent.get('/api/v1/lead-forms')).statusCode).toBe(200);
    expect(
      (await agent.post('/api/v1/lead-forms', { name: 'x', fields: [{ key: 'email' }] })).statusCode,
    ).toBe(403);
    expect((await agent.patch(`/api/v1/lead-forms/${form.id}`, { active: false })).statusCode).toBe(403);
    expect((await agent.del(`/api/v1/lead-forms/${form.id}`)).statusCode).toBe(403);
    const bad = await t.admin.post('/api/v1/lead-forms', {
      name: 'Bad',
      fields: [{ key: 'firstName' }],
      consentPurpose: 'no_such_purpose',
    });
    expect(bad.statusCode).toBe(400);
    const wrongPurpose = await t.admin.patch(`/api/v1/lead-forms/${form.id}`, {
      consentPurpose: 'no_such_purpose',
    });
    expect(wrongPurpose.statusCode).toBe(400);
    expect(
      (await t.admin.patch(`/api/v1/lead-forms/${form.id}`, { consentText: null, consentRequired: true }))
        .statusCode,
    ).toBe(400);
    const rotated = await t.admin.post(`/api/v1/lead-forms/${form.id}/rotate-key`, {}, { 'if-match': '"1"' });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.data<Form>().key).not.toBe(form.key);
    expect((await post(form.key, { firstName: 'A', email: 'old@key.se' })).statusCode).toBe(404);
  });
});

describe('public form submissions', () => {
  it('JSON: creates a lead with the form defaults, history and score; the form counts it', async () => {
    const form = await newForm();
    const r = await post(form.key, {
      firstName: 'Lisa',
      lastName: 'Holm',
      email: 'Lisa@Holm.se',
      phone: '08-555 123 45',
      message: 'Please call me',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ data: { message: 'Thanks — we will call you.', redirectUrl: null } });
    expect(r.headers['access-control-allow-origin']).toBe('*');
    const [lead] = await t.services.database.query<{
      id: string;
      email: string;
      phone: string;
      source: string;
      campaign: string;
      score: number;
      owner_id: string | null;
      consent: unknown;
      form_id: string;
    }>('SELECT * FROM leads WHERE email = $1', ['lisa@holm.se']);
    expect(lead).toMatchObject({
      phone: '+46855512345',
      source: 'website',
      campaign: 'Spring 2026',
      owner_id: null,
      consent: null,
      form_id: form.id,
    });
    // Default rules: phone +5, form submitted +10.
    expect(lead!.score).toBe(15);
    const acts = await count(
      `SELECT count(*)::int AS n FROM lead_activities WHERE lead_id = $1 AND kind = 'form_submitted'`,
      [lead!.id],
    );
    expect(acts).toBe(1);
    expect((await t.admin.get(`/api/v1/lead-forms/${form.id}`)).data<Form>().submissions).toBe(1);
    const audit = (await t.admin.get(`/api/v1/audit?recordId=${lead!.id}`)).data<{ actorName: string }[]>();
    expect(audit[0]?.actorName).toBe('Web form Demo request');
  });

  it('urlencoded: a plain HTML form post; a browser gets a thank-you page or the redirect', async () => {
    const form = await newForm();
    const body = 'firstName=P%C3%A4r&email=par%40example.se&consent=on&utm_campaign=Newsletter+May';
    const r = await post(form.key, body);
    expect(r.statusCode, r.body).toBe(201);
    const [lead] = await t.services.database.query<{
      first_name: string;
      campaign: string;
      consent: { text: string };
    }>('SELECT * FROM leads WHERE email = $1', ['par@example.se']);
    expect(lead).toMatchObject({ first_name: 'Pär', campaign: 'Newsletter May' });
    expect(lead!.consent.text).toBe('Send me news about Relata by email');
    const page = await post(form.key, 'firstName=Ada&email=ada%40example.se', { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Thanks — we will call you.');
    const redirecting = await newForm({ redirectUrl: 'https://example.com/thanks' });
    const redirect = await post(redirecting.key, 'firstName=Bo&email=bo%40example.se', {
      accept: 'text/html',
    });
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toBe('https://example.com/thanks');
    const errorPage = await post(form.key, 'firstName=&email=nope', { accept: 'text/html' });
    expect(errorPage.statusCode).toBe(400);
    expect(errorPage.body).toContain('must be an email address');
    const preflight = await t.app.inject({ method: 'OPTIONS', url: `/f/${form.key}` });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('POST');
  });

  it('a filled honeypot answers like a success and stores nothing', async () => {
    const form = await newForm();
    const before = await leadCount();
    const r = await post(
      form.key,
      'firstName=Bot&email=bot%40spam.example&website=http%3A%2F%2Fspam.example',
    );
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ data: { message: 'Thanks — we will call you.', redirectUrl: null } });
    expect(await leadCount()).toBe(before);
    expect((await t.admin.get(`/api/v1/lead-forms/${form.id}`)).data<Form>().submissions).toBe(0);
  });

  it('abuse: oversized, missing, wrong-typed and malformed input answer 4xx problem+json and store nothing', async () => {
    const form = await newForm({ consentRequired: true });
    const before = await leadCount();
    const huge = await post(form.key, { firstName: 'A', email: 'a@b.se', message: 'x'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
    const hugeForm = await post(form.key, `firstName=A&email=a%40b.se&message=${'x'.repeat(20_000)}`);
    expect(hugeForm.statusCode).toBe(413);
    const missing = await post(form.key, { lastName: 'Only' });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((missing.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'consent',
      'email',
      'firstName',
    ]);
    const wrongTypes = await post(form.key, { firstName: ['A'], email: 12, consent: { x: 1 } });
    expect(wrongTypes.statusCode).toBe(400);
    expect((wrongTypes.json().errors as { code: string }[]).every((e) => e.code === 'invalid_type')).toBe(
      true,
    );
    const badPhone = await post(form.key, { firstName: 'A', email: 'a@b.se', phone: 'xyz', consent: true });
    expect(badPhone.json().errors).toEqual([
      expect.objectContaining({ field: 'phone', code: 'invalid_phone' }),
    ]);
    const array = await post(form.key, [{ email: 'a@b.se' }]);
    expect(array.statusCode).toBe(415);
    const notJson = await post(form.key, '{oops', { 'content-type': 'application/json' });
    expect(notJson.statusCode).toBe(400);
    const manyKeys = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, 'v']));
    expect(
      (await post(form.key, { firstName: 'A', email: 'a@b.se', consent: true, ...manyKeys })).statusCode,
    ).toBe(400);
    expect((await post('unknownformkey1', { email: 'a@b.se' })).statusCode).toBe(404);
    expect((await post('bad key!', { email: 'a@b.se' })).statusCode).toBe(400);
    await t.admin.patch(`/api/v1/lead-forms/${form.id}`, { active: false });
    expect((await post(form.key, { firstName: 'A', email: 'a@b.se', consent: true })).statusCode).toBe(404);
    expect(await leadCount()).toBe(before);
  });

  it('a flood is stopped with 429 and Retry-After, per address and per form, and stores nothing more', async () => {
    const form = await newForm({ rateLimitPerHour: 4 });
    const ok = (i: number) => ({ firstName: 'F', email: `flood${i}@example.se` });
    // Per address: max(3, 4 / 10) = 3 an hour.
    for (let i = 0; i < 3; i++)
      expect((await post(form.key, ok(i), {}, '198.51.100.1')).statusCode).toBe(201);
    const blocked = await post(form.key, ok(3), {}, '198.51.100.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    const retry = Number(blocked.headers['retry-after']);
    expect(retry).toBeGreaterThan(3000);
    expect(retry).toBeLessThanOrEqual(3600);
    // Another address still may, until the form's own limit of 4 an hour.
    expect((await post(form.key, ok(4), {}, '198.51.100.2')).statusCode).toBe(201);
    const formFull = await post(form.key, ok(5), {}, '198.51.100.3');
    expect(formFull.statusCode).toBe(429);
    expect(formFull.headers['retry-after']).toBeDefined();
    expect(await count('SELECT count(*)::int AS n FROM leads WHERE form_id = $1', [form.id])).toBe(4);
    // Invalid posts count too: a flood of garbage is stopped the same way.
    const other = await newForm({ rateLimitPerHour: 3 });
    for (let i = 0; i < 3; i++)
      expect((await post(other.key, { x: 1 }, {}, '198.51.100.9')).statusCode).toBe(400);
    expect((await post(other.key, { x: 1 }, {}, '198.51.100.9')).statusCode).toBe(429);
  });
});
