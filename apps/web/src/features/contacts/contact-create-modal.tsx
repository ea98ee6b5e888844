import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { contactCreateSchema, normalisePhone } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors, errorMessage, type FieldMessages, zodFieldErrors } from '../../lib/errors.ts';
import { useMe } from '../auth/auth-api.ts';
import { DuplicateWarning } from '../records/duplicate-warning.tsx';
import type { AnyRecord, Duplicate } from '../records/record-types.ts';
import { checkDuplicates, useCreateRecord } from '../records/records-api.ts';
import { useUsers } from '../users/users-api.ts';

const empty = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  jobTitle: '',
  ownerId: null as string | null,
};

/** Maps API/schema paths onto the form's inputs. */
function toFormErrors(messages: FieldMessages): FieldMessages {
  const out: FieldMessages = {};
  for (const [path, message] of Object.entries(messages)) {
    const key = path.startsWith('emails') ? 'email' : path.startsWith('phones') ? 'phone' : path;
    out[key] ??= message;
  }
  return out;
}

export function ContactCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const users = useUsers();
  const create = useCreateRecord('contact');
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [duplicates, setDuplicates] = useState<{ key: string; list: Duplicate<AnyRecord>[] } | null>(null);
  const [checking, setChecking] = useState(false);

  const set = (key: keyof typeof empty) => (value: string | null) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const close = () => {
    setForm(empty);
    setErrors({});
    setDuplicates(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      firstName: form.firstName,
      lastName: form.lastName,
      jobTitle: form.jobTitle,
      emails: form.email.trim() ? [{ address: form.email.trim(), label: 'work', primary: true }] : [],
      phones: form.phone.trim() ? [{ number: form.phone.trim(), label: 'work', primary: true }] : [],
      ownerId: form.ownerId ?? me.data?.id ?? null,
    };
    const parsed = contactCreateSchema.safeParse(body);
    const clientErrors = parsed.success ? {} : toFormErrors(zodFieldErrors(parsed.error, t));
    if (!parsed.success && clientErrors.lastName && !form.firstName.trim() && !form.lastName.trim()) {
      clientErrors.lastName = t('contacts.nameRequired');
      clientErrors.firstName = t('contacts.nameRequired');
    }
    if (form.phone.trim() && !normalisePhone(form.phone.trim())) clientErrors.phone = t('validation.phone');
    if (Object.keys(clientErrors).length) {
      setErrors(clientErrors);
      return;
    }
    const key = JSON.stringify(body);
    if (duplicates?.key !== key) {
      setChecking(true);
      try {
        const list = await checkDuplicates('contact', body);
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
      onSuccess: (contact) => {
        notifications.show({ color: 'teal', message: t('contacts.created', { name: contact.name }) });
        close();
        void navigate({ to: '/contacts/$contactId', params: { contactId: contact.id } });
      },
      onError: (err) => {
        const fieldErrors = toFormErrors(apiFieldErrors(err));
        setErrors(fieldErrors);
        if (!Object.keys(fieldErrors).length)
          notifications.show({ color: 'red', message: errorMessage(err, t) });
      },
    });
  };

  const hasDuplicates = Boolean(duplicates?.list.length) && duplicates?.key !== undefined;
  return (
    <Modal opened={opened} onClose={close} title={t('contacts.new')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.firstName')}
              value={form.firstName}
              onChange={(e) => set('firstName')(e.currentTarget.value)}
              error={errors.firstName}
              data-autofocus
            />
            <TextInput
              label={t('fields.lastName')}
              value={form.lastName}
              onChange={(e) => set('lastName')(e.currentTarget.value)}
              error={errors.lastName}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={errors.email}
            />
            <TextInput
              label={t('fields.phone')}
              type="tel"
              placeholder="+46 8 123 456 78"
              value={form.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={errors.phone}
            />
            <TextInput
              label={t('fields.jobTitle')}
              value={form.jobTitle}
              onChange={(e) => set('jobTitle')(e.currentTarget.value)}
              error={errors.jobTitle}
            />
            <Select
              label={t('fields.ownerId')}
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={form.ownerId ?? me.data?.id ?? null}
              onChange={set('ownerId')}
              error={errors.ownerId}
              searchable
            />
          </SimpleGrid>
          {duplicates && <DuplicateWarning type="contact" duplicates={duplicates.list} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending || checking}
              color={hasDuplicates ? 'orange' : undefined}
            >
              {hasDuplicates ? t('duplicates.createAnyway') : t('contacts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
