import { Badge, Button, Card, Center, Loader, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { AnchorLink } from '../../ui/router-links.tsx';
import { type Survey, useInvitations } from './surveys-api.ts';
import { useContactNames } from './use-contact-names.ts';

/** Name (as a link) of the contact behind an invitation or response. */
export function ContactCell({ id, names }: { id: string | null; names: Map<string, string> }) {
  const { t } = useTranslation();
  if (!id) return <Text c="dimmed">—</Text>;
  return (
    <AnchorLink
      to="/contacts/$contactId"
      params={{ contactId: id }}
      size="sm"
      fw={600}
      c="dark"
      underline="hover"
    >
      {names.get(id) ?? t('common.loading')}
    </AnchorLink>
  );
}

/** The personal links that went out: when they were opened and answered. */
export function InvitationsTable({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useInvitations(survey.id);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const names = useContactNames(rows.map((r) => r.contactId));
  const now = Date.now();
  const when = (v: string | null) =>
    v ? (
      <Text size="sm">{formatDateTime(v, lang)}</Text>
    ) : (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Card p={0}>
      <ScrollArea>
        <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('surveys.invitationsTable')}>
          <Table.Thead>
            <Table.Tr>
              {['contact', 'version', 'sentAt', 'email', 'openedAt', 'respondedAt', 'expiresAt'].map((h) => (
                <Table.Th key={h} fz="xs" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
                  {t(`surveys.columns.${h as 'contact'}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <ContactCell id={r.contactId} names={names} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">v{r.version}</Text>
                </Table.Td>
                <Table.Td>{when(r.createdAt)}</Table.Td>
                <Table.Td>
                  {r.emailId ? (
                    <Badge color="teal" size="sm">
                      {t('surveys.emailed')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('surveys.linkOnly')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{when(r.openedAt)}</Table.Td>
                <Table.Td>
                  {r.respondedAt ? (
                    <Badge color="brand" size="sm">
                      {formatDate(r.respondedAt, lang)}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={new Date(r.expiresAt).getTime() < now ? 'red' : 'dimmed'}>
                    {formatDate(r.expiresAt, lang)}
                  </Text>
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
          {t('surveys.noInvitations')}
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
