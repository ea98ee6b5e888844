/** Rules for contacts: normalised emails and phones, search text, duplicate keys. */
import type { FieldError } from './common.ts';
import type { EmailEntry, PhoneEntry } from './contact.schema.ts';
import { nationalForm, normalisePhone } from './phone.ts';

export type NormalisedChannels = {
  emails: EmailEntry[];
  phones: PhoneEntry[];
  primaryEmail: string | null;
  primaryPhone: string | null;
  emailKeys: string[];
  phoneKeys: string[];
  errors: FieldError[];
};

/** Exactly one primary of each (the first flagged, else the first); phones in E.164. */
export function normaliseChannels(
  emails: readonly EmailEntry[],
  phones: readonly PhoneEntry[],
  defaultCountry?: string | null,
): NormalisedChannels {
  const errors: FieldError[] = [];
  const seenEmail = new Set<string>();
  const outEmails: EmailEntry[] = [];
  for (const e of emails) {
    const address = e.address.trim().toLowerCase();
    if (seenEmail.has(address)) continue;
    seenEmail.add(address);
    outEmails.push({ address, label: e.label, primary: e.primary });
  }
  const seenPhone = new Set<string>();
  const outPhones: PhoneEntry[] = [];
  phones.forEach((p, i) => {
    const e164 = normalisePhone(p.number, defaultCountry);
    if (!e164) {
      errors.push({
        field: `phones.${i}.number`,
        code: 'invalid_phone',
        message: 'must be a phone number (with country code, e.g. +46 8 123 456 78)',
      });
      return;
    }
    if (seenPhone.has(e164)) return;
    seenPhone.add(e164);
    outPhones.push({ number: e164, label: p.label, primary: p.primary });
  });
  markPrimary(outEmails);
  markPrimary(outPhones);
  return {
    emails: outEmails,
    phones: outPhones,
    primaryEmail: outEmails.find((e) => e.primary)?.address ?? null,
    primaryPhone: outPhones.find((p) => p.primary)?.number ?? null,
    emailKeys: outEmails.map((e) => e.address),
    phoneKeys: outPhones.map((p) => p.number),
    errors,
  };
}

function markPrimary<T extends { primary: boolean }>(items: T[]): void {
  const first = items.findIndex((i) => i.primary);
  items.forEach((item, idx) => {
    item.primary = idx === (first === -1 ? 0 : first);
  });
}

/** Lower-case, accents stripped, whitespace collapsed: for search and name matching. */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function contactSearchText(c: {
  firstName: string;
  lastName: string;
  jobTitle?: string | null;
  emailKeys: readonly string[];
  phoneKeys: readonly string[];
}): string {
  return foldText(
    [
      // Names, e-mails and phones: what people type to find a person. Job titles are left out
      // (filter on jobTitle instead): they would add a fifth to the trigram index.
      c.firstName,
      c.lastName,
      ...c.emailKeys,
      // National forms only: full international numbers are matched exactly on phone_keys.
      ...c.phoneKeys.map((p) => nationalForm(p) ?? p),
    ].join(' '),
  );
}

/** A search box query that looks like a phone number, as E.164 (or null). */
export function phoneQuery(q: string, defaultCountry?: string | null): string | null {
  if (!/^[\d\s()+\-./]{5,}$/.test(q.trim()) || q.replace(/\D/g, '').length < 5) return null;
  return normalisePhone(q, defaultCountry);
}

export function accountSearchText(a: {
  name: string;
  domain?: string | null;
  industry?: string | null;
}): string {
  return foldText([a.name, a.domain ?? '', a.industry ?? ''].join(' '));
}

// Unicode-aware word boundaries: \b does not see Cyrillic letters as word characters.
const legalSuffixes =
  /(?<![\p{L}\p{N}])(ab|publ|as|asa|oy|oyj|a\/s|aps|gmbh|ag|ltd|limited|plc|inc|llc|corp|co|sa|bv|nv|ооо|оао|зао|пао|ао)(?![\p{L}\p{N}])\.?/gu;

/** A company name without legal form and punctuation, for duplicate matching. */
export function accountNameKey(name: string): string {
  return foldText(name)
    .replace(/["'«»().,]/g, ' ')
    .replace(legalSuffixes, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function personNameKey(firstName: string, lastName: string): string {
  return foldText(`${firstName} ${lastName}`);
}
