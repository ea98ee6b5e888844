import { Card, Center, Group, Loader, ScrollArea, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered, simple table for settings pages (small lists, no virtualisation needed). */
export function SettingsTable({
  label,
  headers,
  loading,
  empty,
  toolbar,
  children,
}: {
  label: string;
  headers: string[];
  loading: boolean;
  empty: string | null;
  toolbar?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card p={0}>
      {toolbar && (
        <Group
          justify="space-between"
          px="lg"
          py="sm"
          style={{ borderBottom: '1px solid var(--relata-border)' }}
        >
          {toolbar}
        </Group>
      )}
      <ScrollArea>
        <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h} fz="xs" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </ScrollArea>
      {loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {!loading && empty && (
        <Text c="dimmed" ta="center" py="xl" size="sm">
          {empty}
        </Text>
      )}
    </Card>
  );
}
