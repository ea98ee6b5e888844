import { Alert, Card, Center, Loader, Radio, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RecordType } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconMerge } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { fieldLabel, formatAuditValue } from '../audit/audit-format.ts';
import { useCustomFields } from '../custom-fields/custom-fields-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { listPath, recordRoute } from './record-links.ts';
import { RecordMissing } from './record-missing.tsx';
import type { AnyRecord } from './record-types.ts';
import { useMergeRecords, useRecord } from './records-api.ts';

type Side = 'target' | 'source';

const baseFields: Record<RecordType, string[]> = {
  contact: [
    'firstName',
    'lastName',
    'jobTitle',
    'emails',
    'phones',
    'address',
    'language',
    'ownerId',
    'teamId',
  ],
  account: ['name', 'domain', 'type', 'industry', 'size', 'address', 'ownerId', 'teamId'],
};

function fieldValue(record: AnyRecord, field: string): unknown {
  if (field.startsWith('custom.')) return record.custom[field.slice(7)];
  return (record as Record<string, unknown>)[field];
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Side-by-side comparison of two records; the user picks per field which value survives. */
export function MergeView({
  type,
  targetId,
  sourceId,
}: {
  type: RecordType;
  targetId: string;
  sourceId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const target = useRecord(type, targetId);
  const source = useRecord(type, sourceId);
  const customFields = useCustomFields(type);
  const names = useUserNames();
  const merge = useMergeRecords(type);
  const [choices, setChoices] = useState<Record<string, Side>>({});

  if (target.isPending || source.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  const back = listPath(type);
  if (target.isError) return <RecordMissing error={target.error} back={back} />;
  if (source.isError) return <RecordMissing error={source.error} back={back} />;

  const a = target.data;
  const b = source.data;
  const customLabels = new Map((customFields.data ?? []).map((f) => [f.key, f.label]));
  const fields = [...baseFields[type], ...(customFields.data ?? []).map((f) => `custom.${f.key}`)].filter(
    (f) => !(isEmpty(fieldValue(a, f)) && isEmpty(fieldValue(b, f))),
  );
  const choiceOf = (f: string): Side =>
    choices[f] ?? (isEmpty(fieldValue(a, f)) && !isEmpty(fieldValue(b, f)) ? 'source' : 'target');

  const open = (id: string) => navigate(recordRoute(type, id));

  const submit = () => {
    const picked = Object.fromEntries(fields.map((f) => [f, choiceOf(f)]));
    merge.mutate(
      { id: a.id, mergeId: b.id, fields: picked },
      {
        onSuccess: (record) => {
          notifications.show({ color: 'teal', message: t('merge.done', { name: record.name }) });
          void open(record.id);
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
      },
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('merge.title')} description={t('merge.description')} />
      <Alert color="blue" variant="light" radius="lg">
        {t('merge.explain', { target: a.name, source: b.name })}
      </Alert>
      <Card p={0}>
        <Table verticalSpacing="sm" horizontalSpacing="lg" striped={false} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">{t('merge.field')}</Table.Th>
              <Table.Th>
                {t('merge.keep')}: {a.name}
              </Table.Th>
              <Table.Th>
                {t('merge.remove')}: {b.name}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => {
              const label = fieldLabel(f, t, customLabels);
              return (
                <Table.Tr key={f}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {label}
                    </Text>
                  </Table.Td>
                  {(['target', 'source'] as const).map((side) => (
                    <Table.Td key={side}>
                      <Radio
                        name={`merge-${f}`}
                        value={side}
                        checked={choiceOf(f) === side}
                        onChange={() => setChoices({ ...choices, [f]: side })}
                        label={formatAuditValue(fieldValue(side === 'target' ? a : b, f), names)}
                        aria-label={t('merge.useValue', {
                          field: label,
                          record: side === 'target' ? a.name : b.name,
                        })}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <FormActions
        onCancel={() => void open(a.id)}
        label={t('merge.submit')}
        leftSection={<IconMerge size={16} />}
        onClick={submit}
        loading={merge.isPending}
      />
    </Stack>
  );
}
