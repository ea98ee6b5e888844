import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/auth-api.ts';
import { useValueSettings } from '../value/value-api.ts';
import type { ValueContext } from './routing-labels.ts';

/** The company currency (CLV conditions are money) and the user's language. */
export function useValueContext(): ValueContext & { minorPerMajor: number } {
  const { i18n } = useTranslation();
  const can = useCan();
  const settings = useValueSettings(can('read', 'value'));
  const currency = settings.data?.currency ?? 'EUR';
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    // an unknown code: cents
  }
  return { currency, locale: i18n.language, minorPerMajor: 10 ** digits };
}
