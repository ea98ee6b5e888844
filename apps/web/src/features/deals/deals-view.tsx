import { Button, Group, SegmentedControl, Select, Stack, Switch } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCan, useMe } from '../auth/auth-api.ts';
import { DealBoard } from './deal-board.tsx';
import { DealCreateModal } from './deal-create-modal.tsx';
import { useBoard, usePipelines } from './deals-api.ts';
import { DealsList } from './deals-list.tsx';

export type DealsSearch = { pipeline?: string; view?: 'board' | 'list'; mine?: boolean };

/** The Deals section: a pipeline as a board or a list, only my deals or everyone's, new deals. */
export function DealsView({ search }: { search: DealsSearch }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const navigate = useNavigate();
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === search.pipeline) ?? list.find((p) => p.isDefault) ?? list[0];
  const view = search.view ?? 'board';
  const ownerId = search.mine ? me.data?.id : undefined;
  const board = useBoard(pipeline?.id, { ownerId });
  const set = (next: Partial<DealsSearch>) =>
    void navigate({ to: '/deals', search: { ...search, ...next }, replace: true });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('deals.title')}
        description={t('deals.description')}
        actions={
          can('create', 'deals') &&
          pipeline && (
            <Button onClick={() => setCreating(true)} disabled={!board.data}>
              {t('deals.new')}
            </Button>
          )
        }
      />
      <Group gap="sm" wrap="wrap">
        {list.length > 1 && (
          <Select
            aria-label={t('deals.pipeline')}
            data={list.map((p) => ({ value: p.id, label: p.name }))}
            value={pipeline?.id ?? null}
            onChange={(v) => v && set({ pipeline: v })}
            allowDeselect={false}
            w={220}
          />
        )}
        <SegmentedControl
          aria-label={t('deals.viewAs')}
          value={view}
          onChange={(v) => set({ view: v as 'board' | 'list' })}
          data={[
            { value: 'board', label: t('deals.boardView') },
            { value: 'list', label: t('deals.listView') },
          ]}
        />
        <Switch
          label={t('deals.onlyMine')}
          checked={Boolean(search.mine)}
          onChange={(e) => set({ mine: e.currentTarget.checked || undefined })}
        />
      </Group>
      {pipeline &&
        (view === 'board' ? (
          <DealBoard pipelineId={pipeline.id} filter={{ ownerId }} />
        ) : (
          <DealsList pipeline={pipeline} ownerId={ownerId} />
        ))}
      {pipeline && board.data && (
        <DealCreateModal
          opened={creating}
          onClose={() => setCreating(false)}
          pipeline={pipeline}
          currency={board.data.currency}
        />
      )}
    </Stack>
  );
}
