import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FieldSpecs, FilterError, filterOps, parseFilters, parseSort } from './filter.ts';

const specs: FieldSpecs = {
  name: { kind: 'text', sortable: true },
  age: { kind: 'number', sortable: true },
  born: { kind: 'date' },
  ownerId: { kind: 'uuid' },
  active: { kind: 'boolean' },
  tier: { kind: 'enum', values: ['a', 'b'] },
};

describe('parseFilters', () => {
  it('parses each operator into typed conditions', () => {
    expect(
      parseFilters(
        {
          'filter[name][contains]': 'ann',
          'filter[age][gte]': '18',
          'filter[tier][in]': 'a,b',
          'filter[active][eq]': 'true',
          'filter[born][is_null]': 'false',
          'filter[name]': 'Ann',
          limit: '5',
        },
        specs,
      ),
    ).toEqual([
      { field: 'name', op: 'contains', value: 'ann' },
      { field: 'age', op: 'gte', value: 18 },
      { field: 'tier', op: 'in', value: ['a', 'b'] },
      { field: 'active', op: 'eq', value: true },
      { field: 'born', op: 'is_null', value: false },
      { field: 'name', op: 'eq', value: 'Ann' },
    ]);
  });

  it('names unknown fields, unknown operators and bad values', () => {
    const err = (q: Record<string, unknown>) => {
      try {
        parseFilters(q, specs);
      } catch (e) {
        return (e as FilterError).errors[0];
      }
      throw new Error('expected a FilterError');
    };
    expect(err({ 'filter[password][eq]': 'x' })).toMatchObject({ field: 'password', code: 'unknown_field' });
    expect(err({ 'filter[name][regex]': 'x' })).toMatchObject({ field: 'name', code: 'unknown_op' });
    expect(err({ 'filter[age][contains]': 'x' })).toMatchObject({ field: 'age', code: 'unsupported_op' });
    expect(err({ 'filter[active][lt]': 'x' })).toMatchObject({ field: 'active', code: 'unsupported_op' });
    expect(err({ 'filter[age][eq]': 'twelve' })).toMatchObject({ field: 'age', code: 'invalid_value' });
    expect(err({ 'filter[ownerId][eq]': '1; drop table' })).toMatchObject({ code: 'invalid_value' });
    expect(err({ 'filter[tier][eq]': 'c' })).toMatchObject({ code: 'invalid_value' });
    expect(err({ 'filter[name][eq][x]': 'y' })).toMatchObject({ code: 'invalid_filter' });
  });

  it('maps aliases such as ownerId=me before checking', () => {
    const id = '7c1f6a2e-3b4d-4c5e-8f90-123456789abc';
    expect(parseFilters({ 'filter[ownerId][eq]': 'me' }, specs, { ownerId: { me: id } })).toEqual([
      { field: 'ownerId', op: 'eq', value: id },
    ]);
  });

  it('property: any input either parses into whitelisted conditions or fails with a FilterError', () => {
    const key = fc.oneof(
      fc.constantFrom(...Object.keys(specs), 'password', 'custom.x', '', ']', '[name]'),
      fc.string({ maxLength: 12 }),
    );
    const op = fc.oneof(fc.constantFrom(...filterOps), fc.string({ maxLength: 8 }));
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, op, value), { maxLength: 5 }), (entries) => {
        const q: Record<string, unknown> = {};
        for (const [k, o, v] of entries) q[`filter[${k}][${o}]`] = v;
        try {
          const conditions = parseFilters(q, specs);
          for (const c of conditions) {
            expect(Object.keys(specs)).toContain(c.field);
            expect(filterOps).toContain(c.op);
            if (specs[c.field]!.kind === 'number' && c.op !== 'is_null' && c.op !== 'in')
              expect(typeof c.value).toBe('number');
          }
        } catch (e) {
          expect(e).toBeInstanceOf(FilterError);
          expect((e as FilterError).errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseSort', () => {
  it('accepts sortable fields in both directions and refuses others', () => {
    expect(parseSort('-age', specs, { field: 'name', dir: 'asc' })).toEqual({ field: 'age', dir: 'desc' });
    expect(parseSort(undefined, specs, { field: 'name', dir: 'asc' })).toEqual({ field: 'name', dir: 'asc' });
    expect(() => parseSort('born', specs, { field: 'name', dir: 'asc' })).toThrow(FilterError);
    expect(() => parseSort('-secret', specs, { field: 'name', dir: 'asc' })).toThrow(/secret/);
  });
});
