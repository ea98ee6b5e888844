import { Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { accountCreateSchema, contactCreateSchema, type RecordType } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/errors.ts';
import type { Form } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { useMe } from '../auth/auth-api.ts';
import { useUsers } from '../users/users-api.ts';
import { DuplicateWarning } from './duplicate-warning.tsx';
import { recordRoute } from './record-links.ts';
import { type AnyRecord, collectionOf, type Duplicate } from './record-types.ts';
import { checkDuplicates, useCreateRecord } from './records-api.ts';

const createSchemas = { contact: contactCreateSchema, account: accountCreateSchema };

type Values = { ownerId: string | null } & Record<string, unknown>;

/** The owner of a new record: the current user unless another is picked. */
export function OwnerSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  return (
    <Select
      label={t('fields.ownerId')}
      data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      value={value ?? me.data?.id ?? null}
      onChange={onChange}
      searchable
      error={error}
    />
  );
}

/**
 * The dialog that creates a contact or account: validates with the domain schema, warns about
 * likely duplicates first (the user may create anyway), then opens the new record.
 */
export function RecordCreateModal<V extends Values>({
  type,
  opened,
  onClose,
  form,
  toBody,
  refine,
  children,
}: {
  type: RecordType;
  opened: boolean;
  onClose: () => void;
  form: Form<V>;
  /** The request body, without the owner. */
  toBody: (values: V) => Record<string, unknown>;
  /** Checks beyond the schema, given the schema's messages. */
  refine?: (values: V, errors: FieldMessages) => FieldMessages;
  /** The inputs. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateRecord(type);
  const [duplicates, setDuplicates] = useState<{ key: string; list: Duplicate<AnyRecord>[] } | null>(null);
  const [checking, setChecking] = useState(false);
  const collection = collectionOf(type);

  const close = () => {
    form.reset();
    setDuplicates(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { ...toBody(form.values), ownerId: form.values.ownerId ?? me.data?.id ?? null };
    const checked = form.check(createSchemas[type], body);
    const clientErrors = refine ? refine(form.values, checked) : checked;
    if (Object.keys(clientErrors).length) {
      form.setErrors(clientErrors);
      return;
    }
    const key = JSON.stringify(body);
    if (duplicates?.key !== key) {
      setChecking(true);
      try {
        const list = await checkDuplicates(type, body);
        if (list.length) {
          setDuplicates({ key, list });
          return;
        }
      } catch {
        // The check is advisory; creating still runs the server's own validation.
      } finally {
        setChecking(false);
      }
    }
    create.mutate(body, {
      onSuccess: (record) => {
        notifications.show({ color: 'teal', message: t(`${collection}.created`, { name: record.name }) });
        close();
        void navigate(recordRoute(type, record.id));
      },
      onError: form.showServerError,
    });
  };

  const hasDuplicates = Boolean(duplicates?.list.length);
  return (
    <Modal opened={opened} onClose={close} title={t(`${collection}.new`)} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {children}
          {duplicates && <DuplicateWarning type={type} duplicates={duplicates.list} />}
          <FormActions
            onCancel={close}
            label={hasDuplicates ? t('duplicates.createAnyway') : t(`${collection}.create`)}
            loading={create.isPending || checking}
            color={hasDuplicates ? 'orange' : undefined}
          />
        </Stack>
      </form>
    </Modal>
  );
}
