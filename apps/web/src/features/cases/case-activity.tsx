import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { IconMessage } from '../../ui/icons-activity.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useOutcomes } from '../interactions/interactions-api.ts';
import { LogInteractionModal } from '../interactions/log-interaction-modal.tsx';
import { TimelineEntry } from '../interactions/timeline-item.tsx';
import { type Case, caseKeys, useCaseInteractions } from './cases-api.ts';

/**
 * The interactions logged on a case, newest first, and "Reply / log": an outbound touch logged on
 * the case is its first response.
 */
export function CaseActivity({ c, readOnly }: { c: Case; readOnly: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const outcomes = useOutcomes();
  const list = useCaseInteractions(c.id);
  const [logging, dialog] = useDisclosure(false);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const customer = c.contactId
    ? { type: 'contact' as const, id: c.contactId }
    : c.accountId
      ? { type: 'account' as const, id: c.accountId }
      : null;
  const canLog = customer !== null && !readOnly && c.status !== 'closed' && can('create', 'interactions');
  const closeDialog = () => {
    dialog.close();
    // A reply may have stopped the first-response clock and opened the case.
    void queryClient.invalidateQueries({ queryKey: caseKeys.one(c.id) });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  };

  return (
    <SectionCard
      id="case-interactions"
      title={t('cases.interactions')}
      icon={<IconMessage size={16} />}
      count={items.length}
      actions={
        canLog && (
          <Button size="compact-sm" onClick={dialog.open}>
            {t('cases.reply')}
          </Button>
        )
      }
    >
      {list.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : list.isError ? (
        <Text c="red" size="sm">
          {errorMessage(list.error, t)}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {customer ? t('cases.noInteractions') : t('cases.noInteractionsWithoutCustomer')}
        </Text>
      ) : (
        <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((i) => (
            <TimelineEntry
              key={i.id}
              item={{ kind: 'interaction', ...i }}
              recordType={customer?.type ?? 'contact'}
              outcomes={outcomes.data}
            />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          mt="xs"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t('table.loadMore')}
        </Button>
      )}
      {customer && (
        <LogInteractionModal
          opened={logging}
          onClose={closeDialog}
          record={customer}
          caseId={c.id}
          initialSubject={t('cases.replySubject', { subject: c.subject })}
        />
      )}
    </SectionCard>
  );
}
