import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  contactId = (
    await t.admin.post('/api/v1/contacts', {
      firstName: 'Sara',
      lastName: 'Lund',
      emails: [{ address: 'sara@lund.se' }],
      phones: [{ number: '+46701234567' }],
      jobTitle: 'Buyer',
    })
  ).data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

type Consent = { purpose: string; channel: string; status: string; source: string; evidence: string };

describe('consent', () => {
  it('starts unknown for every purpose and channel, records changes with history and audit', async () => {
    const start = (await t.admin.get(`/api/v1/contacts/${contactId}/consents`)).data<Consent[]>();
    expect(start).toHaveLength(16); // 4 purposes × 4 channels
    expect(start.every((c) => c.status === 'unknown')).toBe(true);
    const r = await t.admin.put(`/api/v1/contacts/${contactId}/consents`, {
      consents: [
        {
          purpose: 'marketing',
          channel: 'email',
          status: 'granted',
          source: 'web_form',
          evidence: 'Signed up at checkout',
        },
        { purpose: 'surveys', channel: 'email', status: 'denied', source: 'phone' },
      ],
    });
    expect(r.statusCode).toBe(200);
    const now = r.data<Consent[]>();
    expect(now.find((c) => c.purpose === 'marketing' && c.channel === 'email')).toMatchObject({
      status: 'granted',
      source: 'web_form',
      evidence: 'Signed up at checkout',
    });
    await t.admin.put(`/api/v1/contacts/${contactId}/consents`, {
      consents: [{ purpose: 'marketing', channel: 'email', status: 'denied', source: 'email' }],
    });
    const history = (await t.admin.get(`/api/v1/contacts/${contactId}/consents/history`)).json()
      .data as Consent[];
    expect(history.filter((h) => h.purpose === 'marketing').map((h) => h.status)).toEqual([
      'denied',
      'granted',
    ]);
    const audit = (await t.admin.get(`/api/v1/audit?recordId=${contactId}`)).json().data as {
      recordType: string;
      changes: Record<string, unknown>;
    }[];
    expect(audit.find((a) => a.recordType === 'consent')?.changes).toEqual({
      'marketing.email': { from: 'granted', to: 'denied' },
    });
  });

  it('refuses unknown purposes, lets admins add one, and keeps read-only users out', async () => {
    const bad = await t.admin.put(`/api/v1/contacts/${contactId}/consents`, {
      consents: [{ purpose: 'newsletters', channel: 'email', status: 'granted' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'consents.0.purpose', code: 'not_found' });
    expect(
      (await t.admin.post('/api/v1/consent-purposes', { key: 'newsletters', label: 'Newsletters' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await t.admin.post('/api/v1/consent-purposes', { key: 'newsletters', label: 'Again' })).statusCode,
    ).toBe(409);
    const ok = await t.admin.put(`/api/v1/contacts/${contactId}/consents`, {
      consents: [{ purpose: 'newsletters', channel: 'email', status: 'granted' }],
    });
    expect(ok.statusCode).toBe(200);
    const ro = await t.userClient('read_only');
    expect((await ro.get(`/api/v1/contacts/${contactId}/consents`)).statusCode).toBe(200);
    const denied = await ro.put(`/api/v1/contacts/${contactId}/consents`, {
      consents: [{ purpose: 'newsletters', channel: 'email', status: 'denied' }],
    });
    expect(denied.statusCode).toBe(403);
    const still = (await t.admin.get(`/api/v1/contacts/${contactId}/consents`)).data<Consent[]>();
    expect(still.find((c) => c.purpose === 'newsletters' && c.channel === 'email')?.status).toBe('granted');
  });

  it('lists the purposes in order, built-in ones first, to every reader and nobody signed out', async () => {
    type Purpose = { key: string; label: string; builtin: boolean };
    const r = await t.admin.get('/api/v1/consent-purposes');
    expect(r.statusCode).toBe(200);
    expect(r.json().nextCursor).toBeNull();
    expect(r.json().data as Purpose[]).toEqual([
      { key: 'marketing', label: 'Marketing', builtin: true },
      { key: 'profiling', label: 'Profiling', builtin: true },
      { key: 'surveys', label: 'Surveys', builtin: true },
      { key: 'third_party_sharing', label: 'Third-party sharing', builtin: true },
      { key: 'newsletters', label: 'Newsletters', builtin: false }, // added above
    ]);
    const ro = await t.userClient('read_only');
    expect((await ro.get('/api/v1/consent-purposes')).json().data).toHaveLength(5);
    expect((await ro.post('/api/v1/consent-purposes', { key: 'calls', label: 'Calls' })).statusCode).toBe(
      403,
    );
    expect((await t.anonymous.get('/api/v1/consent-purposes')).statusCode).toBe(401);
  });

  it('unsubscribes with a signed one-click link and refuses tampered or unknown links', async () => {
    const token = await t.services.consent.unsubscribeToken(
      t.services.database.db,
      contactId,
      'newsletters',
      'email',
    );
    const page = await t.anonymous.get(`/u/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const tampered = `${token.slice(0, -2)}xx`;
    expect((await t.anonymous.post(`/u/${tampered}`)).statusCode).toBe(404);
    const r = await t.anonymous.post(`/u/${token}`);
    expect(r.statusCode).toBe(200);
    expect(r.data()).toEqual({ purpose: 'newsletters', channel: 'email' });
    const c = (await t.admin.get(`/api/v1/contacts/${contactId}/consents`)).data<Consent[]>();
    expect(c.find((x) => x.purpose === 'newsletters' && x.channel === 'email')).toMatchObject({
      status: 'denied',
      source: 'unsubscribe_link',
    });
  });
});

describe('withheld fields', () => {
  it('clears a newly withheld field, then refuses values for it with field_withheld', async () => {
    const r = await t.admin.patch(`/api/v1/contacts/${contactId}`, {
      withheldFields: ['jobTitle', 'phones'],
    });
    expect(r.statusCode).toBe(200);
    expect(r.data()).toMatchObject({ withheldFields: ['jobTitle', 'phones'], jobTitle: null, phones: [] });
    // The values leave the history too; the history says what was withheld, not what it was.
    const audit = await t.admin.get(`/api/v1/audit?recordId=${contactId}`);
    expect(audit.body).toContain('withheldFields');
    for (const gone of ['Buyer', '701234567']) expect(audit.body).not.toContain(gone);
    const refused = await t.admin.patch(`/api/v1/contacts/${contactId}`, {
      jobTitle: 'CEO',
      firstName: 'Sarah',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'field_withheld',
      errors: [{ field: 'jobTitle', code: 'field_withheld' }],
    });
    expect((await t.admin.get(`/api/v1/contacts/${contactId}`)).data()).toMatchObject({ firstName: 'Sara' });
    expect((await t.admin.patch(`/api/v1/contacts/${contactId}`, { jobTitle: null })).statusCode).toBe(200);
    const created = await t.admin.post('/api/v1/contacts', {
      firstName: 'Nils',
      withheldFields: ['phones'],
      phones: [{ number: '+46709999999' }],
    });
    expect(created.statusCode).toBe(422);
    const unknown = await t.admin.patch(`/api/v1/contacts/${contactId}`, { withheldFields: ['shoeSize'] });
    expect(unknown.statusCode).toBe(400);
    // The customer changes their mind: the field takes values again.
    await t.admin.patch(`/api/v1/contacts/${contactId}`, { withheldFields: ['phones'] });
    expect((await t.admin.patch(`/api/v1/contacts/${contactId}`, { jobTitle: 'CEO' })).data()).toMatchObject({
      jobTitle: 'CEO',
    });
  });
});
