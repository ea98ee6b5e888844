import { describe, expect, it } from 'vitest';
import { flatten, neutralise, toCsv } from './privacy-zip.ts';

describe('CSV export cells', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    for (const s of ['=1+2', '+46 70', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['Åsa', '', "'quoted", '1+2', 'a=b']) expect(neutralise(s)).toBe(s);
  });

  it('flattens nested objects to dotted columns, lists to JSON, and leaves numbers alone', () => {
    expect(
      flatten({
        name: 'Ada',
        address: { city: 'Lund', street: null },
        custom: { size: '=43' },
        emails: [{ address: 'a@b.se' }],
        total: -1500,
        active: true,
        empty: {},
      }),
    ).toEqual({
      name: 'Ada',
      'address.city': 'Lund',
      'address.street': '',
      'custom.size': "'=43",
      emails: '[{"address":"a@b.se"}]',
      total: -1500,
      active: 'true',
      empty: '{}',
    });
  });

  it('writes a header with the union of columns and quotes what needs quoting', () => {
    const csv = toCsv([{ a: 'x, y' }, { a: 'z', b: '"q"' }]);
    expect(csv).toBe('\ufeffa,b\n"x, y",\nz,"""q"""\n');
    expect(toCsv([])).toBe('');
  });
});
