import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';

/** Normalises a phone number to E.164, or returns null when it is not a possible number. */
export function normalisePhone(input: string, defaultCountry?: string | null): string | null {
  const country =
    defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(input, country);
  if (!parsed?.isPossible()) return null;
  return parsed.number;
}

let callingCodes: Set<string> | null = null;
// Trunk prefixes that are not 0: NANP has none, the former USSR dials 8.
const trunkByCode: Record<string, string> = { '1': '', '7': '8', '375': '8' };

/**
 * How the number is written at home, e.g. 0701234567 for +46701234567, 89123456789 for
 * +79123456789: for search. Splits the E.164 number on its (prefix-free) country code, with
 * no full parse.
 */
export function nationalForm(e164: string): string | null {
  if (!/^\+\d{6,15}$/.test(e164)) return null;
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  for (let len = 1; len <= 3; len++) {
    const code = e164.slice(1, 1 + len);
    if (callingCodes.has(code)) return `${trunkByCode[code] ?? '0'}${e164.slice(1 + len)}`;
  }
  return null;
}
