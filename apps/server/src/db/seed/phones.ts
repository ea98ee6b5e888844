/**
 * Phone numbers for the demo data, generated directly in E.164 from number ranges that
 * libphonenumber accepts as valid (mobile and fixed-line) for each country. Checked by
 * demo.test.ts against libphonenumber's `isValid`.
 */
import type { Rng } from './random.ts';

export type PhoneKind = 'mobile' | 'work';

const usAreaCodes = [
  '212',
  '213',
  '312',
  '415',
  '503',
  '512',
  '617',
  '646',
  '702',
  '713',
  '718',
  '805',
  '917',
];

/** A phone number for `country` in E.164 (`+` and digits only). */
export function demoPhone(rng: Rng, country: string, kind: PhoneKind): string {
  switch (country) {
    case 'SE':
      // Mobile 07x xxx xx xx; landline Stockholm 08-xxx xx xx.
      return kind === 'mobile'
        ? `+467${rng.pick(['0', '2', '3', '6', '9'])}${rng.digits(7)}`
        : `+468${rng.range(1, 9)}${rng.digits(6)}`;
    case 'NO':
      // Mobile 4[0168]x xx xxx / 9xx xx xxx; landline Oslo 22/23 xx xx xx.
      return kind === 'mobile'
        ? `+47${rng.pick(['40', '41', '46', '48', '90', '91', '92', '93', '94', '95', '97', '98'])}${rng.digits(6)}`
        : `+472${rng.pick(['2', '3'])}${rng.digits(6)}`;
    case 'GB':
      // Mobile 07[4-9]x xxxxxx (avoiding the Channel Islands' and Isle of Man's ranges);
      // landline London 020 7xxx xxxx / 020 8xxx xxxx.
      return kind === 'mobile'
        ? `+447${rng.pick(['40', '41', '43', '47', '48', '51', '53', '54', '71', '72', '73', '74', '75', '76', '84', '85', '87', '88', '92', '94', '95', '96', '97', '98'])}${rng.digits(7)}`
        : `+4420${rng.pick(['7', '8'])}${rng.digits(7)}`;
    case 'IE':
      // Mobile 08[35679] xxx xxxx; landline Dublin 01 xxx xxxx.
      return kind === 'mobile'
        ? `+3538${rng.pick(['3', '5', '6', '7', '9'])}${rng.range(2, 9)}${rng.digits(6)}`
        : `+3531${rng.range(2, 9)}${rng.digits(6)}`;
    case 'RU':
      // Mobile 9xx xxx-xx-xx; landline Moscow (495) xxx-xx-xx.
      return kind === 'mobile'
        ? `+79${rng.pick(['0', '1', '2', '3', '5', '6', '8'])}${rng.range(1, 9)}${rng.digits(7)}`
        : `+7495${rng.range(1, 9)}${rng.digits(6)}`;
    case 'US':
      // NANP: area code, exchange 2-9xx (never x11 or 555), line.
      return `+1${rng.pick(usAreaCodes)}${rng.range(2, 9)}${rng.pick(['2', '3', '4', '6', '7', '8'])}${rng.range(2, 9)}${rng.digits(4)}`;
    default:
      throw new Error(`no phone ranges for ${country}`);
  }
}
