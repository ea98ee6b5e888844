import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { CaseStatus, Priority, RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { type Commercial, useCustomer360 } from '../orders/orders-api.ts';
import { CaseStatusBadge, PriorityBadge } from './case-badges.tsx';
import { CaseCreateModal } from './case-create-modal.tsx';
import { IconHeadset } from './case-icons.tsx';
import type { SlaState } from './cases-api.ts';
import { slaColors } from './sla-timer.tsx';

/** An open case as the 360° view lists it. */
export type CaseSummary = {
  id: string;
  number: string;
  subject: string;
  status: CaseStatus;
  priority: Priority;
  nextDueAt: string | null;
  slaState: SlaState;
};

/** The customer's open cases from the 360° view (most urgent deadline first), and "New case" for them. */
export function CustomerCasesPanel({ type, id }: { type: RecordType; id: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const view = useCustomer360(type, id);
  const [creating, dialog] = useDisclosure(false);
  const cases = (view.data as (Commercial & { cases?: CaseSummary[] }) | undefined)?.cases ?? [];
  return (
    <SectionCard
      id="open-cases"
      title={t('cases.openCases')}
      icon={<IconHeadset size={16} />}
      count={cases.length}
      actions={
        can('create', 'cases') && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={dialog.open}
          >
            {t('cases.new')}
          </Button>
        )
      }
    >
      {cases.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.noOpenCases')}
        </Text>
      ) : (
        <Stack gap="xs">
          {cases.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {c.number}
                  </Text>
                  <AnchorLink
                    to="/cases/$caseId"
                    params={{ caseId: c.id }}
                    size="sm"
                    fw={600}
                    style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  >
                    {c.subject}
                  </AnchorLink>
                </Group>
                {c.nextDueAt && (
                  <Text size="xs" c="dimmed">
                    {t('cases.sla.dueAt', { time: formatDateTime(c.nextDueAt, i18n.language) })}
                  </Text>
                )}
              </Stack>
              <Group gap={4} wrap="nowrap">
                {c.priority !== 'normal' && <PriorityBadge priority={c.priority} size="xs" />}
                <CaseStatusBadge status={c.status} size="xs" />
                {c.slaState !== 'none' && (
                  <Badge size="xs" variant="light" color={slaColors[c.slaState]}>
                    {t(`cases.sla.states.${c.slaState}`)}
                  </Badge>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <CaseCreateModal opened={creating} onClose={dialog.close} customer={{ type, id }} />
    </SectionCard>
  );
}
