import { Button, EmptyState, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { usePagedRows } from '../../lib/paged-list.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconForms, IconPlus, IconSearch } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../ui/router-links.tsx';
import { useCan } from '../auth/auth-api.ts';
import { SurveyStatusBadge } from './survey-badges.tsx';
import { type Survey, useSurvey, useSurveys } from './surveys-api.ts';

/** Invitations or responses of one survey: the list items do not carry them, the survey does. */
function CountCell({ id, field }: { id: string; field: 'invitations' | 'responses' }) {
  const { i18n } = useTranslation();
  const survey = useSurvey(id);
  const n = survey.data?.[field];
  return (
    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} c={n === undefined ? 'dimmed' : undefined}>
      {n === undefined ? '…' : formatNumber(n, i18n.language)}
    </Text>
  );
}

/** The Surveys page: every survey with its status, invitations and responses. */
export function SurveysList() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useSurveys(q);
  const { rows, table } = usePagedRows(list);
  const columns = useMemo<Column<Survey>[]>(
    () => [
      {
        key: 'name',
        header: t('fields.name'),
        width: 'minmax(240px, 2fr)',
        render: (s) => (
          <AnchorLink
            to="/surveys/$surveyId"
            params={{ surveyId: s.id }}
            onClick={(e) => e.stopPropagation()}
            c="dark"
            fw={600}
            size="sm"
            underline="hover"
          >
            {s.name}
          </AnchorLink>
        ),
      },
      {
        key: 'status',
        header: t('surveys.status'),
        width: 'minmax(100px, 0.6fr)',
        render: (s) => <SurveyStatusBadge status={s.status} size="sm" />,
      },
      {
        key: 'questions',
        header: t('surveys.questions'),
        width: 'minmax(90px, 0.5fr)',
        render: (s) => (
          <Text size="sm">
            {s.questions.length}
            {s.currentVersion > 1 && (
              <Text span size="xs" c="dimmed" ml={6}>
                {t('surveys.versionShort', { version: s.currentVersion })}
              </Text>
            )}
          </Text>
        ),
      },
      {
        key: 'invitations',
        header: t('surveys.invitations'),
        width: 'minmax(100px, 0.6fr)',
        render: (s) => <CountCell id={s.id} field="invitations" />,
      },
      {
        key: 'responses',
        header: t('surveys.responses'),
        width: 'minmax(100px, 0.6fr)',
        render: (s) => <CountCell id={s.id} field="responses" />,
      },
      {
        key: 'createdAt',
        header: t('fields.createdAt'),
        width: 'minmax(120px, 0.7fr)',
        render: (s) => (
          <Text size="sm" c="dimmed">
            {formatDate(s.createdAt, i18n.language)}
          </Text>
        ),
      },
    ],
    [t, i18n.language],
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('surveys.title')}
        description={t('surveys.description')}
        actions={
          can('create', 'surveys') && (
            <ButtonLink
              to="/surveys/$surveyId"
              params={{ surveyId: 'new' }}
              leftSection={<IconPlus size={16} />}
            >
              {t('surveys.new')}
            </ButtonLink>
          )
        }
      />
      <Group>
        <TextInput
          aria-label={t('list.search', { entity: t('surveys.title') })}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
          type="search"
        />
      </Group>
      <DataTable
        label={t('surveys.title')}
        columns={columns}
        rows={rows}
        rowKey={(s) => s.id}
        rowLabel={(s) => s.name}
        sort={undefined}
        onSortChange={() => {}}
        onRowOpen={(s) => void navigate({ to: '/surveys/$surveyId', params: { surveyId: s.id } })}
        {...table}
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState
              icon={<IconForms size={28} />}
              withIndicatorBackground
              title={q ? t('list.noMatches') : t('surveys.empty')}
              description={q ? t('list.noMatchesHint') : t('surveys.emptyHint')}
            >
              {!q && can('create', 'surveys') && (
                <EmptyState.Actions>
                  <Button
                    leftSection={<IconPlus size={16} />}
                    onClick={() => void navigate({ to: '/surveys/$surveyId', params: { surveyId: 'new' } })}
                  >
                    {t('surveys.new')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        }
      />
    </Stack>
  );
}
