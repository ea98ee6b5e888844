import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

type Account = {
  id: string;
  name: string;
  domain: string | null;
  type: string;
  version: number;
  custom: Record<string, unknown>;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('accounts API', () => {
  it('creates accounts with normalised domains and validated money custom fields', async () => {
    await t.admin.post('/api/v1/custom-fields', {
      entity: 'account',
      key: 'revenue',
      label: 'Revenue',
      type: 'money',
    });
    const r = await t.admin.post('/api/v1/accounts', {
      name: 'Nordlys AS',
      domain: 'https://www.Nordlys.no/about',
      type: 'partner',
      size: '51-200',
      address: { city: 'Bergen', country: 'NO' },
      custom: { revenue: { amount: 1250000, currency: 'NOK' } },
    });
    expect(r.statusCode).toBe(201);
    const a = r.data<Account>();
    expect(a.domain).toBe('nordlys.no');
    expect(a.custom.revenue).toEqual({ amount: 1250000, currency: 'NOK' });
    const renamed = await t.admin.patch(`/api/v1/accounts/${a.id}`, { name: 'Nordlys Energi AS' });
    expect(renamed.data<Account & { size: string }>().size).toBe('51-200');
    const industry = await t.admin.patch(`/api/v1/accounts/${a.id}`, { industry: 'Energy' });
    expect((await t.admin.patch(`/api/v1/accounts/${a.id}`, { type: 'customer' })).data()).toMatchObject({
      industry: 'Energy',
    });
    expect(industry.statusCode).toBe(200);
    const bad = await t.admin.post('/api/v1/accounts', {
      name: 'X',
      type: 'martian',
      custom: { revenue: { amount: 1.5, currency: 'nok' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('type');
    const sorted = await t.admin.get(
      '/api/v1/accounts?filter[custom.revenue][gt]=1000&filter[type][in]=partner,customer',
    );
    expect((sorted.json().data as Account[]).map((x) => x.name)).toEqual(['Nordlys Energi AS']);
  });

  it('detects duplicates by domain and by name without legal form, and merges them', async () => {
    const a = (
      await t.admin.post('/api/v1/accounts', { name: 'Volvo Cars AB', domain: 'volvocars.com' })
    ).data<Account>();
    const b = (
      await t.admin.post('/api/v1/accounts', { name: 'Volvo Cars', industry: 'Automotive' })
    ).data<Account>();
    const c = (
      await t.admin.post('/api/v1/accounts', { name: 'VC Group', domain: 'volvocars.com' })
    ).data<Account>();
    const dups = await t.admin.get(`/api/v1/accounts/${a.id}/duplicates`);
    const found = (dups.json().data as { record: Account; reasons: string[] }[]).map((d) => [
      d.record.id,
      d.reasons,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        [b.id, ['name']],
        [c.id, ['domain']],
      ]),
    );
    const merged = await t.admin.post(`/api/v1/accounts/${a.id}/merge`, {
      mergeId: b.id,
      fields: { name: 'source' },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.data<Account & { industry: string }>()).toMatchObject({
      name: 'Volvo Cars',
      industry: 'Automotive',
      domain: 'volvocars.com',
    });
    expect((await t.admin.get(`/api/v1/accounts/${b.id}`)).statusCode).toBe(404);
    const self = await t.admin.post(`/api/v1/accounts/${a.id}/merge`, { mergeId: a.id });
    expect(self.statusCode).toBe(400);
  });

  it('keeps typed, dated relationships between accounts and contacts', async () => {
    const parent = (await t.admin.post('/api/v1/accounts', { name: 'Parent Holding' })).data<Account>();
    const child = (await t.admin.post('/api/v1/accounts', { name: 'Child Ltd' })).data<Account>();
    const person = (
      await t.admin.post('/api/v1/contacts', { firstName: 'Olga', lastName: 'Smirnova' })
    ).data<{ id: string }>();
    const sub = await t.admin.post('/api/v1/relationships', {
      type: 'subsidiary_of',
      fromType: 'account',
      fromId: child.id,
      toType: 'account',
      toId: parent.id,
      since: '2020-01-01',
    });
    expect(sub.statusCode).toBe(201);
    expect(sub.data<{ from: { name: string }; to: { name: string } }>()).toMatchObject({
      from: { name: 'Child Ltd' },
      to: { name: 'Parent Holding' },
    });
    const again = await t.admin.post('/api/v1/relationships', {
      type: 'subsidiary_of',
      fromType: 'account',
      fromId: child.id,
      toType: 'account',
      toId: parent.id,
    });
    expect(again.statusCode).toBe(409);
    const wrongEnds = await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'account',
      fromId: child.id,
      toType: 'account',
      toId: parent.id,
    });
    expect(wrongEnds.statusCode).toBe(400);
    const badDates = await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: person.id,
      toType: 'account',
      toId: child.id,
      since: '2024-05-01',
      until: '2023-01-01',
    });
    expect(badDates.statusCode).toBe(400);
    const missing = await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: '00000000-0000-4000-8000-000000000000',
      toType: 'account',
      toId: child.id,
    });
    expect(missing.statusCode).toBe(400);

    const type = await t.admin.post('/api/v1/relationship-types', {
      key: 'board_member_of',
      name: 'board member of',
      inverseName: 'has board member',
      fromType: 'contact',
      toType: 'account',
    });
    expect(type.statusCode).toBe(201);
    const board = await t.admin.post('/api/v1/relationships', {
      type: 'board_member_of',
      fromType: 'contact',
      fromId: person.id,
      toType: 'account',
      toId: parent.id,
    });
    expect(board.statusCode).toBe(201);
    const rid = board.data<{ id: string }>().id;
    const upd = await t.admin.patch(
      `/api/v1/relationships/${rid}`,
      { until: '2030-12-31' },
      { 'if-match': '"1"' },
    );
    expect(upd.statusCode).toBe(200);

    const ofParent = await t.admin.get(`/api/v1/relationships?filter[recordId][eq]=${parent.id}`);
    expect((ofParent.json().data as { type: string }[]).map((r) => r.type).sort()).toEqual([
      'board_member_of',
      'subsidiary_of',
    ]);

    // Deleting an account removes its relationships too.
    expect((await t.admin.del(`/api/v1/accounts/${parent.id}`)).statusCode).toBe(204);
    const left = await t.admin.get(`/api/v1/relationships?filter[recordId][eq]=${person.id}`);
    expect(left.json().data).toEqual([]);
    const history = (await t.admin.get(`/api/v1/audit?recordId=${person.id}`)).json().data as {
      action: string;
    }[];
    expect(history.map((h) => h.action)).toEqual(['relate', 'create']);
  });
});
