import { Button, Center, Group, Loader, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { type ConsentChannel, type ConsentStatus, consentChannels } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { IconHistory } from '../../ui/icons.tsx';
import { IconCircleCheck, IconCircleDashed, IconCircleX } from '../../ui/icons-privacy.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { type Consent, useConsentPurposes, useConsents } from './consent-api.ts';
import { ConsentChangeModal } from './consent-change-modal.tsx';
import { ConsentHistoryDrawer } from './consent-history-drawer.tsx';
import { channelLabel, purposeLabel, sourceLabel, statusLabel } from './consent-labels.ts';

const look: Record<ConsentStatus, { icon: typeof IconCircleCheck; color: string }> = {
  granted: { icon: IconCircleCheck, color: 'var(--mantine-color-teal-7)' },
  denied: { icon: IconCircleX, color: 'var(--mantine-color-red-7)' },
  unknown: { icon: IconCircleDashed, color: 'var(--mantine-color-gray-5)' },
};

export function ConsentStatusIcon({ status, size = 20 }: { status: ConsentStatus; size?: number }) {
  const { icon: Icon, color } = look[status];
  return <Icon size={size} style={{ color, display: 'block' }} />;
}

function Cell({
  consent,
  purpose,
  editable,
  onEdit,
}: {
  consent: Consent | undefined;
  purpose: string;
  editable: boolean;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const status = consent?.status ?? 'unknown';
  const channel = consent ? channelLabel(consent.channel, t) : '';
  const name = t('consent.cellLabel', { purpose, channel, status: statusLabel(status, t) });
  const detail =
    consent?.recordedAt &&
    t('consent.cellDetail', {
      source: sourceLabel(consent.source, t),
      date: formatDate(consent.recordedAt, i18n.language),
    });
  const tip = (
    <>
      <div>{name}</div>
      {detail && <div>{detail}</div>}
      {consent?.evidence && <div>“{consent.evidence}”</div>}
    </>
  );
  const mark = <ConsentStatusIcon status={status} />;
  return (
    <Table.Td ta="center" p={4}>
      <Tooltip label={tip} multiline maw={280}>
        {editable ? (
          <UnstyledButton
            onClick={onEdit}
            aria-label={name}
            p={6}
            style={{ borderRadius: 6, display: 'inline-flex' }}
          >
            {mark}
          </UnstyledButton>
        ) : (
          <span role="img" aria-label={name} style={{ display: 'inline-flex', padding: 6 }}>
            {mark}
          </span>
        )}
      </Tooltip>
    </Table.Td>
  );
}

/**
 * The contact's consent as a matrix of purposes × channels (granted, denied or unknown); users who
 * may change the contact record a change with its source and evidence. History in a drawer.
 */
export function ConsentPanel({ contactId, editable }: { contactId: string; editable: boolean }) {
  const { t } = useTranslation();
  const consents = useConsents(contactId);
  const purposes = useConsentPurposes();
  const [editing, setEditing] = useState<{ purpose: string; channel: ConsentChannel } | null>(null);
  const [history, setHistory] = useState(false);
  const rows = consents.data ?? [];
  const keys = [...new Set(rows.map((c) => c.purpose))];
  const find = (purpose: string, channel: ConsentChannel) =>
    rows.find((c) => c.purpose === purpose && c.channel === channel);
  return (
    <SectionCard
      id="consent"
      title={t('consent.title')}
      actions={
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconHistory size={14} />}
          onClick={() => setHistory(true)}
        >
          {t('consent.history')}
        </Button>
      }
    >
      {consents.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : consents.isError ? (
        <Text c="red" size="sm">
          {errorMessage(consents.error, t)}
        </Text>
      ) : (
        <>
          <Table
            aria-label={t('consent.matrix')}
            withRowBorders={false}
            verticalSpacing={2}
            horizontalSpacing={4}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th fz="xs" c="dimmed">
                  {t('consent.purpose')}
                </Table.Th>
                {consentChannels.map((c) => (
                  <Table.Th key={c} fz="xs" c="dimmed" ta="center">
                    {channelLabel(c, t)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((p) => {
                const label = purposeLabel(p, purposes.data, t);
                return (
                  <Table.Tr key={p}>
                    <Table.Th scope="row" fz="sm" fw={500}>
                      {label}
                    </Table.Th>
                    {consentChannels.map((c) => (
                      <Cell
                        key={c}
                        consent={find(p, c)}
                        purpose={label}
                        editable={editable}
                        onEdit={() => setEditing({ purpose: p, channel: c })}
                      />
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group gap="md" mt="xs">
            {(['granted', 'denied', 'unknown'] as const).map((s) => (
              <Group key={s} gap={4}>
                <ConsentStatusIcon status={s} size={14} />
                <Text size="xs" c="dimmed">
                  {statusLabel(s, t)}
                </Text>
              </Group>
            ))}
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            {t('consent.rule')}
          </Text>
        </>
      )}
      {editing && (
        <ConsentChangeModal
          contactId={contactId}
          purpose={editing.purpose}
          channel={editing.channel}
          current={rows.filter((c) => c.purpose === editing.purpose)}
          purposeName={purposeLabel(editing.purpose, purposes.data, t)}
          onClose={() => setEditing(null)}
        />
      )}
      <ConsentHistoryDrawer
        contactId={contactId}
        opened={history}
        onClose={() => setHistory(false)}
        purposes={purposes.data}
      />
    </SectionCard>
  );
}
