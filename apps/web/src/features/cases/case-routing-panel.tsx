import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { IconArrowsSplit } from '../../ui/icons-commerce.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import type { RoutingDecision } from '../routing/routing-api.ts';
import { conditionText, decisionText } from '../routing/routing-labels.ts';
import { useValueContext } from '../routing/use-value-context.ts';
import { useQueues } from '../service-settings/service-api.ts';
import { useUserNames } from '../users/users-api.ts';

/** Why the case went where it did: the rule, the queue and person it chose, the conditions that held. */
export function CaseRoutingPanel({ decision }: { decision: RoutingDecision | null | undefined }) {
  const { t, i18n } = useTranslation();
  const ctx = useValueContext();
  const queues = useQueues();
  const names = useUserNames();
  const queue = decision?.queueId ? queues.data?.find((q) => q.id === decision.queueId)?.name : null;
  const assignee = decision?.assigneeId ? names.get(decision.assigneeId) : null;
  return (
    <SectionCard id="routing" title={t('routing.decision')} icon={<IconArrowsSplit size={16} />}>
      {decision ? (
        <Stack gap="xs">
          <Tooltip label={decision.reason} withArrow multiline maw={360}>
            <Text size="sm" data-testid="routing-decision">
              {decisionText(decision, { queue, assignee }, t, ctx)}
            </Text>
          </Tooltip>
          {decision.ruleName && (
            <Group gap={6} wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('routing.rule')}:
              </Text>
              <Badge variant="light" size="sm" tt="none">
                {decision.ruleName}
              </Badge>
              {decision.matched.map((m) => (
                <Badge key={`${m.field}-${m.op}`} variant="outline" color="gray" size="sm" tt="none">
                  {conditionText(m, t, ctx)}
                </Badge>
              ))}
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {t('routing.decidedAt', { time: formatDateTime(decision.decidedAt, i18n.language) })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('routing.noDecision')}
        </Text>
      )}
    </SectionCard>
  );
}
