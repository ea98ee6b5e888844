import { Avatar, Group, Text } from '@mantine/core';
import { initials } from '../../lib/format.ts';
import { AnchorLink } from '../../ui/router-links.tsx';

/** The first cell of a list row: avatar and a real link to the record. */
export function NameCell({
  to,
  id,
  name,
  subtitle,
  square,
}: {
  to: '/contacts/$contactId' | '/accounts/$accountId';
  id: string;
  name: string;
  subtitle?: string | null;
  square?: boolean;
}) {
  const params = to === '/contacts/$contactId' ? { contactId: id } : { accountId: id };
  return (
    <Group gap={10} wrap="nowrap">
      <Avatar size={30} radius={square ? 'sm' : 'xl'} color="initials" name={name}>
        {initials(name)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <AnchorLink
          to={to}
          params={params as never}
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

export function OwnerCell({ name }: { name: string | undefined }) {
  if (!name) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Avatar size={22} radius="xl" color="initials" name={name}>
        {initials(name)}
      </Avatar>
      <Text size="sm" truncate>
        {name}
      </Text>
    </Group>
  );
}
