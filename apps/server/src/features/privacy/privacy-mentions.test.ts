import { describe, expect, it } from 'vitest';
import { mentionsPerson, personTerms } from './privacy-mentions.ts';

describe('mentionsPerson', () => {
  const terms = personTerms(['Åsa', 'Öberg-Lind', 'asa@oberg.test', '+46701112233', '', null, 'X']);

  it('finds the person’s names and addresses as whole words, across case and accents', () => {
    expect(terms).toEqual(['asa', 'oberg-lind', 'asa@oberg.test', '+46701112233']);
    for (const text of [
      'ÅSA – new tank',
      'Deal for Asa',
      'Öberg-Linds akvarium',
      "Oberg-Lind's reef",
      'asa@oberg.test',
      'Call +46701112233',
    ])
      expect(mentionsPerson(text, terms), text).toBe(true);
  });

  it('leaves company names that only contain the letters alone', () => {
    for (const text of ['Lund Trading AB', 'Asakusa imports', 'Öberg-Lindström AB', 'Masa Oy', ''])
      expect(mentionsPerson(text, terms), text).toBe(false);
    expect(mentionsPerson('Anything', [])).toBe(false);
  });
});
