import { Anchor, Badge, Center, Grid, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Single } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { IconArrowLeft } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCan } from '../auth/auth-api.ts';
import { QuotesPanel } from '../quotes/quotes-panel.tsx';
import { DealActivity } from './deal-activity.tsx';
import { DealStatusBadge } from './deal-badges.tsx';
import { DealDetails } from './deal-details.tsx';
import { DealHistory } from './deal-history.tsx';
import { DealLines } from './deal-lines.tsx';
import classes from './deals.module.css';
import { type Deal, type Stage, useDeal, useLostReasons, usePipelines } from './deals-api.ts';
import { LostReasonDialog } from './lost-reason-dialog.tsx';

/** The stages as a path: done, current, ahead; click one to move the deal there. */
function StagePath({ deal, stages, readOnly }: { deal: Deal; stages: Stage[]; readOnly: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [lostTo, setLostTo] = useState<Stage | null>(null);
  const move = useMutation({
    mutationFn: async (body: { stageId: string; lostReasonId?: string; lostNote?: string | null }) =>
      (await api<Single<Deal>>(`/deals/${deal.id}/move`, { method: 'POST', body })).data,
    onSuccess: (d) => {
      qc.setQueryData(['deals', 'one', deal.id], d);
      void qc.invalidateQueries({ queryKey: ['deals'] });
    },
    onError: (e) =>
      notifications.show({ color: 'red', title: t('deals.moveFailed'), message: errorMessage(e, t) }),
  });
  const current = stages.findIndex((s) => s.id === deal.stageId);
  return (
    <>
      <nav className={classes.stagePath} aria-label={t('deals.stages')}>
        {stages.map((s, i) => {
          const here = s.id === deal.stageId;
          const cls = here
            ? s.kind === 'won'
              ? classes.stageWon
              : s.kind === 'lost'
                ? classes.stageLost
                : classes.stageCurrent
            : i < current && s.kind === 'open'
              ? classes.stageDone
              : '';
          return (
            <Tooltip key={s.id} label={`${s.probability} %`}>
              <UnstyledButton
                className={`${classes.stageStep} ${cls}`}
                aria-current={here ? 'step' : undefined}
                disabled={readOnly || here || move.isPending}
                onClick={() => (s.kind === 'lost' ? setLostTo(s) : move.mutate({ stageId: s.id }))}
              >
                {s.name}
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </nav>
      <LostReasonDialog
        opened={lostTo !== null}
        dealName={deal.name}
        onCancel={() => setLostTo(null)}
        onConfirm={(lost) => {
          if (lostTo) move.mutate({ stageId: lostTo.id, ...lost });
          setLostTo(null);
        }}
      />
    </>
  );
}

/** One deal: where it stands, its fields and lines, stage history, activity and quotes. */
export function DealView({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const deal = useDeal(dealId);
  const pipelines = usePipelines();
  const reasons = useLostReasons();
  if (deal.isError)
    return (
      <Center py={80}>
        <Stack align="center">
          <Text>{errorMessage(deal.error, t)}</Text>
          <Anchor component={Link} to="/deals">
            {t('deals.title')}
          </Anchor>
        </Stack>
      </Center>
    );
  const d = deal.data;
  if (!d) return null;
  const pipeline = pipelines.data?.find((p) => p.id === d.pipelineId);
  const readOnly = !can('update', 'deals', { ownerId: d.ownerId });
  const reason = reasons.data?.find((r) => r.id === d.lostReasonId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/deals" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('deals.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={d.name}
        description={
          <Group gap="sm" component="span">
            <DealStatusBadge status={d.status} />
            <Text span size="sm" fw={600}>
              {formatMoney(d.amount, d.currency, i18n.language)}
            </Text>
            {d.stage && (
              <Badge size="sm" variant="outline" color="gray">
                {d.stage.name} · {d.stage.probability} %
              </Badge>
            )}
            {pipeline && (
              <Text span size="sm" c="dimmed">
                {pipeline.name}
              </Text>
            )}
            {d.status === 'won' && d.wonAt && (
              <Text span size="sm" c="teal">
                {t('deals.wonOn', { date: formatDate(d.wonAt, i18n.language) })}
              </Text>
            )}
            {d.status === 'lost' && (
              <Text span size="sm" c="red">
                {t('deals.lostBecause', { reason: reason?.label ?? '—' })}
                {d.lostNote ? ` — ${d.lostNote}` : ''}
              </Text>
            )}
          </Group>
        }
      />
      {pipeline && <StagePath deal={d} stages={pipeline.stages} readOnly={readOnly} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <DealDetails deal={d} readOnly={readOnly} />
            <DealLines deal={d} readOnly={readOnly} />
            <QuotesPanel deal={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <DealActivity deal={d} />
            <DealHistory dealId={d.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
