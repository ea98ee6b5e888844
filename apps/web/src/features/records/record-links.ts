import type { RecordType } from '@relata/domain';

/** The list route of a record type. */
export const listPath = (type: RecordType) => (type === 'contact' ? '/contacts' : '/accounts');

/** Router props (`to` + `params`) for a record's page, usable with links and `navigate`. */
export function recordRoute(type: RecordType, id: string) {
  return type === 'contact'
    ? ({ to: '/contacts/$contactId', params: { contactId: id } } as const)
    : ({ to: '/accounts/$accountId', params: { accountId: id } } as const);
}

/** Router props for merging `otherId` into `id`. */
export function mergeRoute(type: RecordType, id: string, otherId: string) {
  return type === 'contact'
    ? ({ to: '/contacts/$contactId/merge/$otherId', params: { contactId: id, otherId } } as const)
    : ({ to: '/accounts/$accountId/merge/$otherId', params: { accountId: id, otherId } } as const);
}
