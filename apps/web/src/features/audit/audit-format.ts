import type { TFunction } from 'i18next';

export type ActionKind = 'created' | 'updated' | 'deleted' | 'merged' | 'signedIn' | 'signedOut' | 'other';

export function actionKind(action: string): ActionKind {
  const a = action.toLowerCase();
  if (a.includes('logout') || a.includes('sign_out')) return 'signedOut';
  if (a.includes('login') || a.includes('sign_in')) return 'signedIn';
  if (a.includes('creat')) return 'created';
  if (a.includes('delet') || a.includes('remov')) return 'deleted';
  if (a.includes('merg')) return 'merged';
  if (a.includes('updat') || a.includes('chang') || a.includes('edit')) return 'updated';
  return 'other';
}

const knownFields = [
  'name',
  'firstName',
  'lastName',
  'jobTitle',
  'emails',
  'phones',
  'address',
  'language',
  'ownerId',
  'teamId',
  'domain',
  'type',
  'industry',
  'size',
  'custom',
  'withheldFields',
] as const;
type KnownField = (typeof knownFields)[number];

export function fieldLabel(field: string, t: TFunction, customLabels: Map<string, string>): string {
  if ((knownFields as readonly string[]).includes(field)) return t(`fields.${field as KnownField}`);
  if (field.startsWith('custom.')) return customLabels.get(field.slice(7)) ?? field.slice(7);
  return field;
}

/** A short readable form of an audit value. */
export function formatAuditValue(value: unknown, userNames: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string')
    return userNames.get(value) ?? (value.length > 80 ? `${value.slice(0, 77)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((v) => {
        if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          return String(o.address ?? o.number ?? o.label ?? JSON.stringify(o));
        }
        return String(v);
      })
      .join(', ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('amount' in o && 'currency' in o) return `${String(o.amount)} ${String(o.currency)}`;
    return Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  }
  return String(value);
}
