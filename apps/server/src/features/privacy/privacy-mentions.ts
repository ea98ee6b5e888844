/**
 * Whether a short free text (a deal's name) is about the person: it names them by first or last
 * name, or carries one of their addresses or numbers. Matched as whole words, across case and
 * accents, with a genitive s ("Quernheims akvarium"): "Lund Trading AB" does not name a Mr Lun, while
 * "Sigrid's aquarium" names Sigrid.
 */
import { foldText } from '@relata/domain';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words that name the person: names, email addresses, phone numbers; folded, two letters at least. */
export function personTerms(values: readonly (string | null | undefined)[]): string[] {
  const terms = values.flatMap((v) => (v ? [foldText(v)] : [])).filter((t) => t.length >= 2);
  return [...new Set(terms)];
}

export function mentionsPerson(text: string, terms: readonly string[]): boolean {
  const folded = foldText(text);
  return terms.some((t) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}s?(?![\\p{L}\\p{N}])`, 'u').test(folded),
  );
}
