import { Avatar, Group, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { initials } from '../../lib/format.ts';
import { AnchorLink } from '../../ui/router-links.tsx';
import { recordRoute } from './record-links.ts';

/** The first cell of a list row: avatar (square for accounts) and a real link to the record. */
export function NameCell({
  type,
  id,
  name,
  subtitle,
}: {
  type: RecordType;
  id: string;
  name: string;
  subtitle?: string | null;
}) {
  return (
    <Group gap={10} wrap="nowrap">
      <Avatar size={30} radius={type === 'account' ? 'sm' : 'xl'} color="initials" name={name}>
        {initials(name)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <AnchorLink
          {...recordRoute(type, id)}
          onClick={(e) => e.stopPropagation()}
          c="dark"
          fw={600}
          size="sm"
          underline="hover"
          style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }}
        >
          {name}
        </AnchorLink>
        {subtitle && (
          <Text size="xs" c="dimmed" truncate>
            {subtitle}
          </Text>
        )}
      </div>
    </Group>
  );
}

/** A cell without a value. */
export function EmptyCell() {
  return <Text c="dimmed">—</Text>;
}

export function OwnerCell({ name }: { name: string | undefined }) {
  if (!name) return <EmptyCell />;
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Avatar size={22} radius="xl" color="initials" name={name}>
        {initials(name)}
      </Avatar>
      <Text size="sm" truncate title={name}>
        {name}
      </Text>
    </Group>
  );
}
