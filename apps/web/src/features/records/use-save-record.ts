import { notifications } from '@mantine/notifications';
import { accountUpdateSchema, contactUpdateSchema, type RecordType } from '@relata/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage, zodFieldErrors } from '../../lib/errors.ts';
import type { AnyRecord } from './record-types.ts';
import { recordKeys, useUpdateRecord } from './records-api.ts';

export type SaveRecord = (patch: Record<string, unknown>) => Promise<void>;

/**
 * Returns a function that validates a partial change with the domain schema and PATCHes it with
 * the record's version. Throws an Error with a field message when validation fails.
 */
export function useSaveRecord(type: RecordType, record: AnyRecord | undefined): SaveRecord {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateRecord(type);
  return async (patch) => {
    if (!record) return;
    const schema = type === 'contact' ? contactUpdateSchema : accountUpdateSchema;
    const parsed = schema.safeParse(patch);
    if (!parsed.success) {
      const messages = Object.values(zodFieldErrors(parsed.error, t));
      throw new Error(messages[0] ?? t('validation.invalid'));
    }
    try {
      await update.mutateAsync({ id: record.id, version: record.version, patch });
    } catch (e) {
      if (isApiError(e) && e.code === 'precondition_failed') {
        notifications.show({
          id: `stale-${record.id}`,
          color: 'orange',
          title: t('errors.staleTitle'),
          message: t('errors.stale'),
          autoClose: false,
        });
        void queryClient.invalidateQueries({ queryKey: recordKeys.one(type, record.id) });
      }
      // The customer withholds a field (perhaps since this page loaded): say so, and reload the record.
      if (isApiError(e) && e.code === 'field_withheld') {
        void queryClient.invalidateQueries({ queryKey: recordKeys.one(type, record.id) });
        throw new Error(errorMessage(e, t));
      }
      if (isApiError(e) && e.errors[0]) throw new Error(e.errors[0].message);
      throw e;
    }
  };
}
