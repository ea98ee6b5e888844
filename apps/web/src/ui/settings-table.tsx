import { ActionIcon, Button, Card, Center, Group, Loader, ScrollArea, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPencil, IconPlus, IconTrash } from './icons.tsx';

/**
 * A bordered, simple table for settings pages (small lists, no virtualisation needed), with a
 * toolbar holding a hint (or other controls) and a create button.
 */
export function SettingsTable<T>({
  label,
  headers,
  loading,
  rows,
  renderRow,
  empty,
  hint,
  create,
}: {
  label: string;
  headers: string[];
  loading: boolean;
  rows: readonly T[];
  /** One `<Table.Tr key=…>` per row. */
  renderRow: (row: T) => ReactNode;
  /** Shown when there are no rows. */
  empty: string;
  /** The left of the toolbar: a sentence, or controls. */
  hint?: ReactNode;
  /** The create button, when the user may create. */
  create?: { label: string; onClick: () => void } | false;
}) {
  return (
    <Card p={0}>
      {(hint || create) && (
        <Group
          justify="space-between"
          px="lg"
          py="sm"
          style={{ borderBottom: '1px solid var(--relata-border)' }}
        >
          {typeof hint === 'string' ? (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          ) : (
            hint
          )}
          {create && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={create.onClick}>
              {create.label}
            </Button>
          )}
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
          <Table.Tbody>{rows.map(renderRow)}</Table.Tbody>
        </Table>
      </ScrollArea>
      {loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {!loading && rows.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" size="sm">
          {empty}
        </Text>
      )}
    </Card>
  );
}

/** The edit and delete buttons at the end of a settings row; each shown when its handler is given. */
export function RowActions({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit?: (() => void) | false;
  onDelete?: (() => void) | false;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {onEdit && (
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onEdit}
          aria-label={t('settings.editNamed', { name })}
        >
          <IconPencil size={16} />
        </ActionIcon>
      )}
      {onDelete && (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onDelete}
          aria-label={t('settings.deleteNamed', { name })}
        >
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}
