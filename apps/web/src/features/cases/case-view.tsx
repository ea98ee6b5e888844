import {
  ActionIcon,
  Button,
  Center,
  EmptyState,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { caseUpdateSchema } from '@relata/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage, zodFieldErrors } from '../../lib/errors.ts';
import { IconAlert, IconPencil, IconSearch } from '../../ui/icons.tsx';
import { IconNote } from '../../ui/icons-activity.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { DisputeEditor } from '../disputes/dispute-editor.tsx';
import { useDispute } from '../disputes/disputes-api.ts';
import { CaseActivity } from './case-activity.tsx';
import { CaseCustomerCard } from './case-customer-card.tsx';
import { CaseHeader, type SaveCase } from './case-header.tsx';
import { CaseRoutingPanel } from './case-routing-panel.tsx';
import { CaseSlaPanel } from './case-sla-panel.tsx';
import { type Case, caseKeys, useCase, useUpdateCase } from './cases-api.ts';

function DisputePanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const dispute = useDispute(id);
  return (
    <SectionCard id="dispute" title={t('disputes.one')} icon={<IconAlert size={16} />}>
      {dispute.data ? (
        <DisputeEditor dispute={dispute.data} />
      ) : dispute.isError ? (
        <Text size="sm" c="red">
          {errorMessage(dispute.error, t)}
        </Text>
      ) : (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
    </SectionCard>
  );
}

function Description({ c, readOnly, save }: { c: Case; readOnly: boolean; save: SaveCase }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const commit = async () => {
    if (draft === null) return;
    setSaving(true);
    try {
      if (draft !== c.description) await save({ description: draft });
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <SectionCard
      id="description"
      title={t('cases.fields.description')}
      icon={<IconNote size={16} />}
      actions={
        !readOnly &&
        draft === null && (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setDraft(c.description)}
            aria-label={t('inline.edit', { field: t('cases.fields.description') })}
          >
            <IconPencil size={16} />
          </ActionIcon>
        )
      }
    >
      {draft === null ? (
        c.description.trim() ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.description}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cases.noDescription')}
          </Text>
        )
      ) : (
        <Stack gap="xs">
          <Textarea
            autoFocus
            aria-label={t('cases.fields.description')}
            value={draft}
            error={error}
            autosize
            minRows={4}
            maxRows={16}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void commit();
            }}
          />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" onClick={() => void commit()} loading={saving}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}

/** The page of one case: header, SLA clocks, routing decision, dispute, customer and interactions. */
export function CaseView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useCase(caseId);
  const update = useUpdateCase();
  const [stale, setStale] = useState(false);

  if (query.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Center py={80}>
        <EmptyState
          icon={<IconSearch size={28} />}
          withIndicatorBackground
          title={notFound ? t('cases.notFound') : errorMessage(query.error, t)}
        >
          <EmptyState.Actions>
            <ButtonLink to="/cases" variant="default">
              {t('common.back')}
            </ButtonLink>
          </EmptyState.Actions>
        </EmptyState>
      </Center>
    );
  }

  const c = query.data;
  const readOnly = !can('update', 'cases', { ownerId: c.assigneeId, teamId: c.teamId });
  const locked = readOnly || c.status === 'closed';
  const reload = () => {
    setStale(false);
    void queryClient.invalidateQueries({ queryKey: caseKeys.one(c.id) });
  };
  /** Validates, then saves with the version shown; a 412 offers to reload. */
  const save: SaveCase = async (patch) => {
    const parsed = caseUpdateSchema.safeParse(patch);
    if (!parsed.success) {
      throw new Error(Object.values(zodFieldErrors(parsed.error, t))[0] ?? t('validation.invalid'));
    }
    try {
      await update.mutateAsync({ id: c.id, version: c.version, patch });
      setStale(false);
    } catch (e) {
      if (isApiError(e) && e.code === 'precondition_failed') {
        setStale(true);
        throw new Error(t('cases.stale'));
      }
      const message = isApiError(e) && e.errors[0] ? e.errors[0].message : errorMessage(e, t);
      notifications.show({ color: 'red', message });
      throw new Error(message);
    }
  };

  return (
    <>
      <CaseHeader c={c} readOnly={readOnly} save={save} stale={stale} onReload={reload} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Description c={c} readOnly={locked} save={save} />
            <CaseActivity c={c} readOnly={readOnly} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <CaseSlaPanel c={c} />
            <CaseRoutingPanel decision={c.routing} />
            {c.disputeId && <DisputePanel id={c.disputeId} />}
            <CaseCustomerCard customer={c.customer ?? null} orderId={c.orderId} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
