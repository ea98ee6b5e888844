import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

type Contact = {
  id: string;
  name: string;
  version: number;
  phones: { number: string; primary: boolean }[];
  emails: { address: string; primary: boolean }[];
  primaryEmail: string | null;
  custom: Record<string, unknown>;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('contacts API', () => {
  it('creates, reads, updates with If-Match and deletes a contact, auditing each step', async () => {
    const created = await t.admin.post('/api/v1/contacts', {
      firstName: 'Astrid',
      lastName: 'Lindqvist',
      emails: [{ address: 'Astrid@Example.SE' }],
      phones: [{ number: '070-123 45 67' }, { number: '+46 8 123 456 78', primary: true }],
    });
    expect(created.statusCode).toBe(201);
    const c = created.data<Contact>();
    expect(c.name).toBe('Astrid Lindqvist');
    expect(c.emails).toEqual([{ address: 'astrid@example.se', label: 'work', primary: true }]);
    expect(c.phones.map((p) => [p.number, p.primary])).toEqual([
      ['+46701234567', false],
      ['+46812345678', true],
    ]);
    expect(created.headers.etag).toBe('"1"');

    const got = await t.admin.get(`/api/v1/contacts/${c.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');

    const patched = await t.admin.patch(
      `/api/v1/contacts/${c.id}`,
      { jobTitle: 'CFO' },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.data<Contact & { jobTitle: string }>().jobTitle).toBe('CFO');
    expect(patched.data<Contact>().name).toBe('Astrid Lindqvist');

    const stale = await t.admin.patch(`/api/v1/contacts/${c.id}`, { jobTitle: 'CEO' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('precondition_failed');

    const audit = await t.admin.get(`/api/v1/audit?recordId=${c.id}`);
    const entries = audit.json().data as {
      action: string;
      changes: Record<string, { from: unknown; to: unknown }>;
    }[];
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]!.changes.jobTitle).toEqual({ from: null, to: 'CFO' });

    // A PATCH that does not mention a text field leaves it as it is.
    const renamed = await t.admin.patch(`/api/v1/contacts/${c.id}`, { firstName: 'Astri' });
    expect(renamed.data<Contact & { jobTitle: string }>().jobTitle).toBe('CFO');

    const del = await t.admin.del(`/api/v1/contacts/${c.id}`, { 'if-match': '"3"' });
    expect(del.statusCode).toBe(204);
    expect((await t.admin.get(`/api/v1/contacts/${c.id}`)).statusCode).toBe(404);
  });

  it('answers bad input with problem+json naming the fields, never a 500', async () => {
    const r = await t.admin.post('/api/v1/contacts', {
      firstName: '',
      lastName: '',
      emails: [{ address: 'nope' }],
      role: 'admin',
    });
    expect(r.statusCode).toBe(400);
    const p = r.json();
    expect(p.code).toBe('validation_failed');
    expect(p.errors.length).toBeGreaterThan(0);

    const badPhone = await t.admin.post('/api/v1/contacts', { lastName: 'X', phones: [{ number: 'abc' }] });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].field).toBe('phones.0.number');

    const badJson = await t.admin.request('POST', '/api/v1/contacts', '{"firstName":', {
      'content-type': 'application/json',
    });
    expect(badJson.statusCode).toBe(400);

    expect((await t.admin.get('/api/v1/contacts/not-a-uuid')).statusCode).toBe(400);
    expect((await t.admin.get('/api/v1/contacts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('validates custom fields against their definitions and filters and sorts on them', async () => {
    const def = await t.admin.post('/api/v1/custom-fields', {
      entity: 'contact',
      key: 'segment',
      label: 'Segment',
      type: 'select',
      options: [
        { value: 'smb', label: 'SMB' },
        { value: 'enterprise', label: 'Enterprise' },
      ],
    });
    expect(def.statusCode).toBe(201);
    await t.admin.post('/api/v1/custom-fields', {
      entity: 'contact',
      key: 'score',
      label: 'Score',
      type: 'number',
    });
    const bad = await t.admin.post('/api/v1/contacts', {
      lastName: 'Bad',
      custom: { segment: 'huge', nope: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['custom.nope', 'custom.segment']);

    for (const [name, segment, score] of [
      ['Able', 'smb', 3],
      ['Baker', 'enterprise', 9],
      ['Carter', 'enterprise', 5],
    ] as const) {
      expect(
        (await t.admin.post('/api/v1/contacts', { lastName: name, custom: { segment, score } })).statusCode,
      ).toBe(201);
    }
    const list = await t.admin.get(
      '/api/v1/contacts?filter[custom.segment][eq]=enterprise&sort=-custom.score',
    );
    expect(list.statusCode).toBe(200);
    expect((list.json().data as Contact[]).map((c) => c.name)).toEqual(['Baker', 'Carter']);
    const gt = await t.admin.get('/api/v1/contacts?filter[custom.score][gte]=5&sort=custom.score');
    expect((gt.json().data as Contact[]).map((c) => c.name)).toEqual(['Carter', 'Baker']);
  });

  it('rejects unknown filter fields and operators with a 400 naming them', async () => {
    const r = await t.admin.get('/api/v1/contacts?filter[password][eq]=x');
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('invalid_filter');
    expect(r.json().errors[0].field).toBe('password');
    const op = await t.admin.get('/api/v1/contacts?filter[name][regex]=x');
    expect(op.statusCode).toBe(400);
    expect(op.json().detail).toContain('regex');
    const sort = await t.admin.get('/api/v1/contacts?sort=search_text');
    expect(sort.statusCode).toBe(400);
    for (const q of [
      'filter[__proto__][eq]=x',
      'sort=constructor',
      'filter[custom.nope][eq]=1',
      'cursor=garbage',
      'limit=0',
      'limit=abc',
    ]) {
      const r = await t.admin.get(`/api/v1/contacts?${q}`);
      expect(r.statusCode, q).toBe(400);
    }
  });

  it('pages with keyset cursors without gaps or repeats, in both directions of sort', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `Pager${String(i).padStart(2, '0')}`);
    for (const n of names) await t.admin.post('/api/v1/contacts', { firstName: 'P', lastName: n });
    for (const sort of ['lastName', '-lastName', '-createdAt', 'jobTitle']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await t.admin.get(
          `/api/v1/contacts?limit=5&sort=${sort}&filter[lastName][starts_with]=Pager${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode).toBe(200);
        const body = res.json() as { data: (Contact & { lastName: string })[]; nextCursor: string | null };
        seen.push(...body.data.map((c) => c.lastName));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(23);
      expect(new Set(seen).size).toBe(23);
      if (sort === 'lastName') expect(seen).toEqual(names);
      if (sort === '-lastName') expect(seen).toEqual([...names].reverse());
    }
  });

  it('searches names, emails and phones by substring', async () => {
    await t.admin.post('/api/v1/contacts', {
      firstName: 'Ørjan',
      lastName: 'Søderberg',
      emails: [{ address: 'orjan@fjord.no' }],
      phones: [{ number: '+47 412 34 567' }],
    });
    for (const q of ['søder', 'fjord.no', '41234567', 'ORJAN']) {
      const r = await t.admin.get(`/api/v1/contacts?q=${encodeURIComponent(q)}`);
      expect(
        (r.json().data as Contact[]).map((c) => c.name),
        q,
      ).toContain('Ørjan Søderberg');
    }
  });

  it('finds duplicates by email and phone and merges them, moving relationships and history', async () => {
    const a = (
      await t.admin.post('/api/v1/contacts', {
        firstName: 'Ivan',
        lastName: 'Petrov',
        emails: [{ address: 'ivan@firma.ru' }],
      })
    ).data<Contact>();
    const b = (
      await t.admin.post('/api/v1/contacts', {
        firstName: 'Ivan',
        lastName: 'Petrov',
        jobTitle: 'Director',
        emails: [{ address: 'IVAN@firma.ru' }, { address: 'ivan.p@mail.ru' }],
        phones: [{ number: '+7 912 345 67 89' }],
      })
    ).data<Contact>();
    const acc = (await t.admin.post('/api/v1/accounts', { name: 'Firma OOO', domain: 'firma.ru' })).data<{
      id: string;
    }>();
    const rel = await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: b.id,
      toType: 'account',
      toId: acc.id,
    });
    expect(rel.statusCode).toBe(201);

    const check = await t.admin.post('/api/v1/contacts/duplicate-check', {
      firstName: 'I',
      lastName: 'P',
      emails: [{ address: 'ivan@firma.ru' }],
    });
    expect((check.json().data as { record: Contact }[]).map((d) => d.record.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );

    const dups = await t.admin.get(`/api/v1/contacts/${a.id}/duplicates`);
    const match = (dups.json().data as { record: Contact; reasons: string[] }[]).find(
      (d) => d.record.id === b.id,
    );
    expect(match?.reasons).toEqual(['email', 'name']);

    const merged = await t.admin.post(`/api/v1/contacts/${a.id}/merge`, { mergeId: b.id });
    expect(merged.statusCode).toBe(200);
    const m = merged.data<Contact & { jobTitle: string }>();
    expect(m.jobTitle).toBe('Director');
    expect(m.emails.map((e) => e.address)).toEqual(['ivan@firma.ru', 'ivan.p@mail.ru']);
    expect(m.phones.map((p) => p.number)).toEqual(['+79123456789']);
    expect((await t.admin.get(`/api/v1/contacts/${b.id}`)).statusCode).toBe(404);

    const rels = await t.admin.get(`/api/v1/relationships?filter[recordId][eq]=${a.id}`);
    expect((rels.json().data as { fromId: string; toId: string }[]).map((r) => [r.fromId, r.toId])).toEqual([
      [a.id, acc.id],
    ]);
    const atAccount = await t.admin.get(`/api/v1/contacts?filter[accountId][eq]=${acc.id}`);
    expect((atAccount.json().data as Contact[]).map((c) => c.id)).toEqual([a.id]);

    const history = (await t.admin.get(`/api/v1/audit?recordId=${a.id}`)).json().data as {
      action: string;
      meta: { mergedId?: string };
    }[];
    expect(history[0]!.action).toBe('merge');
    expect(history[0]!.meta.mergedId).toBe(b.id);
    // The merged contact's own history now belongs to the survivor.
    expect(history.filter((h) => h.action === 'create').length).toBe(2);
  });

  it('replays a POST with the same Idempotency-Key and refuses a different body', async () => {
    const body = { firstName: 'Idem', lastName: 'Potent' };
    const first = await t.admin.post('/api/v1/contacts', body, { 'idempotency-key': 'k-1' });
    const again = await t.admin.post('/api/v1/contacts', body, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.data<Contact>().id).toBe(first.data<Contact>().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const list = await t.admin.get('/api/v1/contacts?filter[lastName][eq]=Potent');
    expect(list.json().data.length).toBe(1);
    const other = await t.admin.post(
      '/api/v1/contacts',
      { ...body, lastName: 'Other' },
      { 'idempotency-key': 'k-1' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
  });

  it('creates many contacts in one request, all or none', async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      firstName: 'Bulk',
      lastName: `Row${i}`,
      emails: [{ address: `row${i}@bulk.example` }],
    }));
    const r = await t.admin.post('/api/v1/contacts/batch', { records });
    expect(r.statusCode).toBe(201);
    expect((r.json().data as Contact[]).length).toBe(300);
    const bad = await t.admin.post('/api/v1/contacts/batch', {
      records: [{ lastName: 'Fine' }, { lastName: 'Broken', phones: [{ number: 'xyz' }] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('records.1.phones.0.number');
    const fine = await t.admin.get('/api/v1/contacts?filter[lastName][eq]=Fine');
    expect(fine.json().data).toEqual([]);
    expect((await t.admin.post('/api/v1/contacts/batch', { records: [] })).statusCode).toBe(400);
    const count = await t.admin.get('/api/v1/contacts?filter[firstName][eq]=Bulk&limit=200');
    expect(count.json().nextCursor).not.toBeNull();
  });

  it('updates and merges while custom field definitions reload (single-connection database)', async () => {
    const c = (await t.admin.post('/api/v1/contacts', { lastName: 'Reload' })).data<Contact>();
    const a = (await t.admin.post('/api/v1/accounts', { name: 'Reload AB' })).data<{ id: string }>();
    t.services.customFields.invalidate();
    expect((await t.admin.patch(`/api/v1/contacts/${c.id}`, { jobTitle: 'x' })).statusCode).toBe(200);
    t.services.customFields.invalidate();
    expect((await t.admin.patch(`/api/v1/accounts/${a.id}`, { custom: {} })).statusCode).toBe(200);
    const d = (await t.admin.post('/api/v1/contacts', { lastName: 'Reload' })).data<Contact>();
    t.services.customFields.invalidate();
    expect((await t.admin.post(`/api/v1/contacts/${c.id}/merge`, { mergeId: d.id })).statusCode).toBe(200);
  });
});
