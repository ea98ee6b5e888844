import { Button, Card, Center, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { AnswerValue, SurveyQuestion } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ContactCell } from './invitations-table.tsx';
import { type Survey, useResponses } from './surveys-api.ts';
import { useContactNames } from './use-contact-names.ts';

/** An answer as text: option labels for choices, lists joined. */
export function answerText(q: SurveyQuestion | undefined, v: AnswerValue): string {
  const label = (x: string) => q?.options?.find((o) => o.value === x)?.label ?? x;
  if (Array.isArray(v)) return v.map(label).join(', ');
  return typeof v === 'string' ? label(v) : String(v);
}

/** Every response, newest first, with its answers (answers to earlier versions keep their keys). */
export function ResponsesTable({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const list = useResponses(survey.id);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const names = useContactNames(rows.map((r) => r.contactId));
  const byKey = new Map(survey.questions.map((q) => [q.key, q]));
  return (
    <Card p={0}>
      <ScrollArea>
        <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('surveys.responsesTable')}>
          <Table.Thead>
            <Table.Tr>
              {(['contact', 'submittedAt', 'answers'] as const).map((h) => (
                <Table.Th key={h} fz="xs" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
                  {t(`surveys.columns.${h}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} style={{ verticalAlign: 'top' }}>
                <Table.Td w={200}>
                  <ContactCell id={r.contactId} names={names} />
                </Table.Td>
                <Table.Td w={200}>
                  <Text size="sm">{formatDateTime(r.updatedAt, i18n.language)}</Text>
                  <Text size="xs" c="dimmed">
                    {r.edits > 0
                      ? t('surveys.edited', { count: r.edits })
                      : t('surveys.versionShort', { version: r.version })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {Object.entries(r.answers).map(([key, v]) => (
                      <Text key={key} size="sm">
                        <Text span c="dimmed">
                          {byKey.get(key)?.text ?? key}:
                        </Text>{' '}
                        {answerText(byKey.get(key), v)}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {list.isPending && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {list.isError && (
        <Text c="red" ta="center" py="xl" size="sm">
          {errorMessage(list.error, t)}
        </Text>
      )}
      {list.isSuccess && rows.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" size="sm">
          {t('surveys.noResponses')}
        </Text>
      )}
      {list.hasNextPage && (
        <Center py="sm">
          <Button
            variant="subtle"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('surveys.loadMore')}
          </Button>
        </Center>
      )}
    </Card>
  );
}
