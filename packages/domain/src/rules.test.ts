import { describe, expect, it } from 'vitest';
import { type Actor, builtinRoles, can } from './authz.ts';
import { contactCreateSchema, contactUpdateSchema } from './contact.schema.ts';
import { accountNameKey, contactSearchText, normaliseChannels, personNameKey } from './contact.ts';
import { validateCustomValues } from './custom-fields.ts';
import { diffFields } from './diff.ts';
import { mergeCustom, mergeValues, unionBy } from './merge.ts';
import { normalisePhone } from './phone.ts';

const actor = (role: string, userId = 'u1', teamId: string | null = 't1'): Actor => ({
  kind: 'user',
  userId,
  teamId,
  name: role,
  role,
  permissions: builtinRoles[role]!.permissions,
});

describe('can()', () => {
  it('applies record scopes: all, team, own', () => {
    const agent = actor('agent');
    expect(can(agent, 'read', 'contacts', { ownerId: 'x', teamId: 'other' })).toBe(true);
    expect(can(agent, 'update', 'contacts', { ownerId: 'x', teamId: 't1' })).toBe(true);
    expect(can(agent, 'update', 'contacts', { ownerId: 'x', teamId: 't2' })).toBe(false);
    expect(can(agent, 'update', 'contacts', { ownerId: 'u1', teamId: 't2' })).toBe(true);
    expect(can(agent, 'delete', 'contacts', { ownerId: 'x', teamId: 't1' })).toBe(false);
    expect(can(agent, 'delete', 'contacts', { ownerId: 'u1' })).toBe(true);
    expect(can(actor('agent', 'u1', null), 'update', 'contacts', { ownerId: null, teamId: null })).toBe(
      false,
    );
    expect(can(actor('read_only'), 'update', 'contacts', { ownerId: 'u1' })).toBe(false);
    expect(can(actor('admin'), 'delete', 'users', {})).toBe(true);
  });

  it('limits API keys to their scopes on top of the role', () => {
    const key: Actor = { ...actor('admin'), kind: 'api_key', keyScopes: ['read'] };
    expect(can(key, 'read', 'contacts')).toBe(true);
    expect(can(key, 'export', 'contacts')).toBe(true);
    expect(can(key, 'update', 'contacts', { ownerId: 'u1' })).toBe(false);
    expect(can({ ...key, keyScopes: ['read', 'write'] }, 'update', 'contacts', { ownerId: 'u1' })).toBe(true);
  });
});

describe('contact rules', () => {
  it('normalises phones to E.164 and keeps exactly one primary', () => {
    const r = normaliseChannels(
      [
        { address: 'A@B.se', label: 'work', primary: false },
        { address: 'a@b.se', label: 'home', primary: true },
      ],
      [
        { number: '08-123 456 78', label: 'work', primary: false },
        { number: '+47 412 34 567', label: 'mobile', primary: true },
      ],
      'SE',
    );
    expect(r.emails).toEqual([{ address: 'a@b.se', label: 'work', primary: true }]);
    expect(r.phones.map((p) => [p.number, p.primary])).toEqual([
      ['+46812345678', false],
      ['+4741234567', true],
    ]);
    expect(r.primaryPhone).toBe('+4741234567');
    expect(normaliseChannels([], [{ number: '12', label: 'x', primary: false }]).errors[0]?.field).toBe(
      'phones.0.number',
    );
    expect(normalisePhone('+7 912 345-67-89')).toBe('+79123456789');
    expect(normalisePhone('hello')).toBeNull();
  });

  it('folds names for search and duplicate keys', () => {
    expect(personNameKey(' Åsa ', 'Öberg')).toBe('asa oberg');
    expect(accountNameKey('Volvo Cars AB (publ)')).toBe('volvo cars');
    expect(accountNameKey('ООО «Ромашка»')).toBe('ромашка');
    expect(
      contactSearchText({
        firstName: 'Åsa',
        lastName: 'Öberg',
        emailKeys: ['asa@x.se'],
        phoneKeys: ['+46701234567'],
      }),
    ).toContain('0701234567');
  });

  it('keeps partial updates partial', () => {
    expect(contactUpdateSchema.parse({ jobTitle: 'CFO' })).toEqual({ jobTitle: 'CFO' });
    expect(contactCreateSchema.safeParse({ firstName: ' ', lastName: '' }).success).toBe(false);
  });
});

describe('custom field values', () => {
  const defs = [
    {
      key: 'tier',
      label: 'Tier',
      type: 'select' as const,
      options: [{ value: 'a', label: 'A' }],
      required: true,
    },
    {
      key: 'tags',
      label: 'Tags',
      type: 'multi_select' as const,
      options: [
        { value: 'x', label: 'X' },
        { value: 'y', label: 'Y' },
      ],
      required: false,
    },
    { key: 'born', label: 'Born', type: 'date' as const, options: [], required: false },
    { key: 'site', label: 'Site', type: 'url' as const, options: [], required: false },
    { key: 'mobile', label: 'Mobile', type: 'phone' as const, options: [], required: false },
    { key: 'limit', label: 'Limit', type: 'money' as const, options: [], required: false },
  ];
  it('accepts valid values, normalising where it can', () => {
    const r = validateCustomValues(
      defs,
      {
        tier: 'a',
        tags: ['x', 'x', 'y'],
        born: '1990-02-28',
        site: 'https://relata.dev',
        mobile: '070 123 45 67',
        limit: { amount: 100, currency: 'SEK' },
      },
      {},
      { phoneCountry: 'SE' },
    );
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ tags: ['x', 'y'], mobile: '+46701234567' });
  });
  it('names every invalid or missing value', () => {
    const r = validateCustomValues(defs, {
      tags: ['z'],
      born: '1990-02-30',
      site: 'javascript:alert(1)',
      limit: { amount: 1.5, currency: 'SEK' },
      extra: 1,
    });
    expect(r.errors.map((e) => e.field).sort()).toEqual([
      'custom.born',
      'custom.extra',
      'custom.limit',
      'custom.site',
      'custom.tags',
      'custom.tier',
    ]);
  });
  it('clears values with null and keeps the rest on update', () => {
    const r = validateCustomValues(defs, { born: null }, { tier: 'a', born: '2000-01-01' });
    expect(r.values).toEqual({ tier: 'a' });
  });
});

describe('merging and diffs', () => {
  it('fills blanks from the source unless a side is chosen', () => {
    expect(
      mergeValues({ a: 'x', b: null, c: 'keep' }, { a: 'y', b: 'z', c: 'other' }, ['a', 'b', 'c'], {
        c: 'source',
      }),
    ).toEqual({ a: 'x', b: 'z', c: 'other' });
    expect(mergeCustom({ k: 1 }, { k: 2, j: 3 }, { 'custom.k': 'source' })).toEqual({ k: 2, j: 3 });
    expect(
      unionBy(
        [{ n: '1', primary: true }],
        [
          { n: '1', primary: true },
          { n: '2', primary: true },
        ],
        (x) => x.n,
      ),
    ).toEqual([
      { n: '1', primary: true },
      { n: '2', primary: false },
    ]);
  });
  it('diffs only changed fields', () => {
    expect(diffFields({ a: 1, b: [1], c: null }, { a: 1, b: [2], c: undefined }, ['a', 'b', 'c'])).toEqual({
      b: { from: [1], to: [2] },
    });
  });
});

describe('national phone forms', () => {
  it('writes numbers the way they are dialled at home', async () => {
    const { nationalForm } = await import('./phone.ts');
    expect(nationalForm('+46701234567')).toBe('0701234567');
    expect(nationalForm('+4741234567')).toBe('041234567');
    expect(nationalForm('+79123456789')).toBe('89123456789');
    expect(nationalForm('+12125551234')).toBe('2125551234');
    expect(nationalForm('+447911123456')).toBe('07911123456');
    expect(nationalForm('nope')).toBeNull();
  });
});
