/**
 * Locale-specific vocabularies for the demo data, drawn once per seed from faker (sv, nb_NO,
 * ru, en and the en_GB/en_IE/en_US address data). Per-row generation then combines these
 * pools with the fast seeded PRNG, which keeps a million contacts cheap to generate.
 */
import { base, en, en_GB, en_IE, en_US, Faker, type LocaleDefinition, nb_NO, ru, sv } from '@faker-js/faker';
import { foldText, type Language } from '@relata/domain';
import type { Rng } from './random.ts';

export type CountryCode = 'SE' | 'NO' | 'GB' | 'IE' | 'RU' | 'US';
export type NameLocale = 'sv' | 'nb' | 'en' | 'ru';

export type Place = { city: string; postalCode: string; region: string };

export type NamePool = {
  language: Language;
  female: readonly string[];
  male: readonly string[];
  /** Surnames; for Russian the masculine form (the feminine one is derived grammatically). */
  last: readonly string[];
  jobTitles: readonly string[];
  gendered: boolean;
};

export type CountryPool = {
  code: CountryCode;
  /** Share of accounts in this country. */
  weight: number;
  /** Who lives here: name locales and their shares. */
  people: readonly (readonly [NameLocale, number])[];
  tld: string;
  currency: string;
  /** Revenue multiplier from EUR to the local currency. */
  fx: number;
  legalForms: readonly string[];
  places: readonly Place[];
  streets: readonly string[];
  faker: Faker;
};

const words = (xs: readonly string[] | undefined): string[] =>
  [...new Set(xs ?? [])].filter((x) => x.trim() !== '');

function namePool(f: Faker, loc: LocaleDefinition, language: Language, gendered: boolean): NamePool {
  const first = loc.person?.first_name ?? en.person!.first_name!;
  const last = loc.person?.last_name ?? en.person!.last_name!;
  const jobTitles = new Set<string>();
  for (let i = 0; i < 400; i++) jobTitles.add(f.person.jobTitle());
  return {
    language,
    female: words(first.female ?? first.generic),
    male: words(first.male ?? first.generic),
    last: words(gendered ? last.male : (last.generic ?? last.male)),
    jobTitles: [...jobTitles],
    gendered,
  };
}

function places(f: Faker, n: number, country: CountryCode): Place[] {
  const out: Place[] = [];
  for (let i = 0; i < n; i++) {
    const city = f.location.city();
    const region =
      country === 'GB' || country === 'IE'
        ? (f.location.county?.() ?? f.location.state())
        : f.location.state();
    let postalCode = f.location.zipCode();
    if (country === 'SE') postalCode = postalCode.replace(/^(\d{3})(\d{2})$/, '$1 $2');
    out.push({ city, postalCode, region });
  }
  return out;
}

function streets(f: Faker, n: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i < n * 2 && out.size < n; i++) out.add(f.location.street());
  return [...out];
}

export type Pools = {
  names: Record<NameLocale, NamePool>;
  countries: readonly CountryPool[];
  countryCum: Float64Array;
};

/** Builds the pools deterministically from `seed`. */
export function buildPools(seed: number): Pools {
  const mk = (locales: LocaleDefinition[], k: number) => {
    const f = new Faker({ locale: [...locales, en, base] });
    f.seed(seed * 31 + k);
    return f;
  };
  const fSv = mk([sv], 1);
  const fNb = mk([nb_NO], 2);
  const fRu = mk([ru], 3);
  const fEn = mk([en_GB], 4);
  const names: Record<NameLocale, NamePool> = {
    sv: namePool(fSv, sv, 'sv', false),
    nb: namePool(fNb, nb_NO, 'nb', false),
    ru: namePool(fRu, ru, 'ru', true),
    en: namePool(fEn, en, 'en', false),
  };
  const country = (
    code: CountryCode,
    weight: number,
    people: (readonly [NameLocale, number])[],
    tld: string,
    currency: string,
    fx: number,
    legalForms: string[],
    f: Faker,
  ): CountryPool => ({
    code,
    weight,
    people,
    tld,
    currency,
    fx,
    legalForms,
    places: places(f, 300, code),
    streets: streets(f, 600),
    faker: f,
  });
  const countries: CountryPool[] = [
    country(
      'SE',
      32,
      [
        ['sv', 0.92],
        ['en', 0.05],
        ['ru', 0.03],
      ],
      'se',
      'SEK',
      11.5,
      ['AB', 'AB', 'AB (publ)', 'HB'],
      fSv,
    ),
    country(
      'NO',
      20,
      [
        ['nb', 0.92],
        ['en', 0.05],
        ['sv', 0.03],
      ],
      'no',
      'NOK',
      11.7,
      ['AS', 'AS', 'ASA'],
      fNb,
    ),
    country(
      'GB',
      24,
      [
        ['en', 0.95],
        ['sv', 0.02],
        ['nb', 0.01],
        ['ru', 0.02],
      ],
      'co.uk',
      'GBP',
      0.85,
      ['Ltd', 'Ltd', 'plc', 'LLP'],
      fEn,
    ),
    country('IE', 5, [['en', 1]], 'ie', 'EUR', 1, ['Ltd', 'DAC', 'Teoranta'], mk([en_IE], 5)),
    country(
      'RU',
      14,
      [
        ['ru', 0.97],
        ['en', 0.03],
      ],
      'ru',
      'RUB',
      95,
      [],
      fRu,
    ),
    country('US', 5, [['en', 1]], 'com', 'USD', 1.08, ['Inc.', 'LLC', 'Corp.'], mk([en_US], 6)),
  ];
  let sum = 0;
  const countryCum = new Float64Array(countries.map((c) => (sum += c.weight)));
  return { names, countries, countryCum };
}

export const industries = [
  'Software',
  'IT services',
  'Manufacturing',
  'Retail',
  'Wholesale',
  'Logistics',
  'Construction',
  'Real estate',
  'Financial services',
  'Insurance',
  'Healthcare',
  'Pharmaceuticals',
  'Energy',
  'Telecommunications',
  'Media',
  'Education',
  'Public sector',
  'Hospitality',
  'Agriculture',
  'Automotive',
  'Consulting',
  'Food & beverage',
] as const;

const cyrillic: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  æ: 'ae',
  ø: 'o',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
};

/** ASCII letters and digits only, Cyrillic transliterated: for e-mail local parts and domains. */
export function asciiSlug(s: string): string {
  let slug = slugCache.get(s);
  if (slug === undefined) {
    slug = computeSlug(s);
    if (slugCache.size < 100_000) slugCache.set(s, slug);
  }
  return slug;
}

const slugCache = new Map<string, string>();

function computeSlug(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').toLowerCase()) out += cyrillic[ch] ?? ch;
  return foldText(out).replace(/[^a-z0-9]+/g, '');
}

/** Russian surnames agree with gender: Иванов → Иванова, Достоевский → Достоевская. */
export function gendered(last: string, female: boolean, pool: NamePool): string {
  if (!female || !pool.gendered) return last;
  if (/(ов|ев|ёв|ин|ын)$/.test(last)) return `${last}а`;
  if (/(ский|цкий)$/.test(last)) return `${last.slice(0, -2)}ая`;
  if (/(ой|ый|ий)$/.test(last)) return `${last.slice(0, -2)}ая`;
  return last;
}

/** A person's name in a locale; 10% of Swedish and Norwegian surnames are double-barrelled. */
export function personName(
  rng: Rng,
  pool: NamePool,
  female: boolean,
): { firstName: string; lastName: string; baseLastName: string } {
  const firstName = rng.pick(female ? pool.female : pool.male);
  let baseLastName = rng.pick(pool.last);
  if ((pool.language === 'sv' || pool.language === 'nb') && rng.chance(0.1)) {
    baseLastName = `${baseLastName}-${rng.pick(pool.last)}`;
  }
  return { firstName, lastName: gendered(baseLastName, female, pool), baseLastName };
}
