import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type AccountType, accountCreateSchema, accountSizes, accountTypes } from '@relata/domain';
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
  name: '',
  domain: '',
  type: 'customer' as AccountType,
  industry: '',
  size: null as string | null,
  ownerId: null as string | null,
};

export function AccountCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const users = useUsers();
  const create = useCreateRecord('account');
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [duplicates, setDuplicates] = useState<{ key: string; list: Duplicate<AnyRecord>[] } | null>(null);
  const [checking, setChecking] = useState(false);

  const set =
    <K extends keyof typeof empty>(key: K) =>
    (value: (typeof empty)[K]) => {
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
      name: form.name,
      domain: form.domain,
      type: form.type,
      industry: form.industry,
      size: form.size,
      ownerId: form.ownerId ?? me.data?.id ?? null,
    };
    const parsed = accountCreateSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    const key = JSON.stringify(body);
    if (duplicates?.key !== key) {
      setChecking(true);
      try {
        const list = await checkDuplicates('account', body);
        if (list.length) {
          setDuplicates({ key, list });
          return;
        }
      } catch {
        // Advisory only.
      } finally {
        setChecking(false);
      }
    }
    create.mutate(body, {
      onSuccess: (account) => {
        notifications.show({ color: 'teal', message: t('accounts.created', { name: account.name }) });
        close();
        void navigate({ to: '/accounts/$accountId', params: { accountId: account.id } });
      },
      onError: (err) => {
        const fe = apiFieldErrors(err);
        setErrors(fe);
        if (!Object.keys(fe).length) notifications.show({ color: 'red', message: errorMessage(err, t) });
      },
    });
  };

  const hasDuplicates = Boolean(duplicates?.list.length);
  return (
    <Modal opened={opened} onClose={close} title={t('accounts.new')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.name')}
            required
            value={form.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.domain')}
              placeholder="example.com"
              value={form.domain}
              onChange={(e) => set('domain')(e.currentTarget.value)}
              error={errors.domain}
            />
            <Select
              label={t('fields.type')}
              data={accountTypes.map((v) => ({ value: v, label: t(`accountTypes.${v}`) }))}
              value={form.type}
              onChange={(v) => v && set('type')(v as AccountType)}
              allowDeselect={false}
              error={errors.type}
            />
            <TextInput
              label={t('fields.industry')}
              value={form.industry}
              onChange={(e) => set('industry')(e.currentTarget.value)}
              error={errors.industry}
            />
            <Select
              label={t('fields.size')}
              data={accountSizes.map((v) => ({ value: v, label: v }))}
              value={form.size}
              onChange={set('size')}
              clearable
              error={errors.size}
            />
            <Select
              label={t('fields.ownerId')}
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={form.ownerId ?? me.data?.id ?? null}
              onChange={set('ownerId')}
              searchable
              error={errors.ownerId}
            />
          </SimpleGrid>
          {duplicates && <DuplicateWarning type="account" duplicates={duplicates.list} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending || checking}
              color={hasDuplicates ? 'orange' : undefined}
            >
              {hasDuplicates ? t('duplicates.createAnyway') : t('accounts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
