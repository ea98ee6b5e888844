import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Normalises a phone number to E.164, or returns null when it is not a possible number. */
export function normalisePhone(input: string, defaultCountry?: string | null): string | null {
  const country =
    defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(input, country);
  if (!parsed?.isPossible()) return null;
  return parsed.number;
}

/** The national significant number with a trunk 0, e.g. 0701234567 for +46701234567. */
export function nationalForm(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? `0${parsed.nationalNumber}` : null;
}
