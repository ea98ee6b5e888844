import { builtinPurposes, type ConsentChannel, type ConsentStatus } from '@relata/domain';
import type { TFunction } from 'i18next';
import type { ConsentPurpose } from './consent-api.ts';

/** The sources offered when recording a change; others (e.g. from links) are shown as they are. */
export const consentSources = ['manual', 'phone', 'email', 'in_person', 'paper_form', 'web_form'] as const;
const shownSources = [...consentSources, 'unsubscribe_link', 'survey'] as const;

/** Built-in purposes in the user's language; an admin's purposes by their label. */
export function purposeLabel(
  key: string,
  purposes: readonly ConsentPurpose[] | undefined,
  t: TFunction,
): string {
  const builtin = builtinPurposes.find((p) => p === key);
  if (builtin) return t(`consent.purposes.${builtin}`);
  return purposes?.find((p) => p.key === key)?.label ?? key;
}

export const channelLabel = (c: ConsentChannel, t: TFunction) => t(`consent.channels.${c}`);
export const statusLabel = (s: ConsentStatus, t: TFunction) => t(`consent.statuses.${s}`);

export function sourceLabel(source: string, t: TFunction): string {
  const known = shownSources.find((s) => s === source);
  return known ? t(`consent.sources.${known}`) : source;
}
