import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Locale-aware formatting of dates, money and relative times. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatRelative(value: string, locale: string, now = Date.now()): string {
  const d = new Date(value).getTime();
  if (Number.isNaN(d)) return value;
  const seconds = Math.round((d - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'minute');
}

export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** Minor units as money; `whole` rounds to major units (for estimates such as CLV). */
export function formatMoney(amountMinor: number, currency: string, locale: string, whole = false): string {
  const digits = currencyDigits(currency);
  const major = amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

/** Money in large round figures for chart axes and tight cells: €1.2M, 45 k€. */
export function formatMoneyCompact(amountMinor: number, currency: string, locale: string): string {
  const major = amountMinor / 10 ** currencyDigits(currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: Math.abs(major) < 1000 ? 0 : 1,
    }).format(major);
  } catch {
    return `${Math.round(major)} ${currency}`;
  }
}

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY). */
export const minorPerMajor = (currency: string): number => 10 ** currencyDigits(currency);

/** A share 0–1 as a percentage (0.4213 → 42 %). */
export function formatPercent(share: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

export function formatNumber(value: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

/** An E.164 number in international format (+46 8 123 456 78); other text is returned as is. */
export function formatPhone(value: string): string {
  try {
    return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
  } catch {
    return value;
  }
}

/** A file size in B, kB or MB (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale: string): string {
  const fmt = (n: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${fmt(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${fmt(bytes / 1000, bytes < 10_000 ? 1 : 0)} kB`;
  return `${fmt(bytes / 1_000_000, 1)} MB`;
}
