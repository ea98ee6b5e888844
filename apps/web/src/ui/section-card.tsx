import { Badge, Card, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card section of a record page or the dashboard. */
export function SectionCard({
  title,
  icon,
  count,
  actions,
  children,
  id,
}: {
  title: string;
  icon?: ReactNode;
  count?: number;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Card component="section" aria-labelledby={headingId} id={id}>
      <Card.Section withBorder inheritPadding py="sm" mb="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            {icon && <span style={{ display: 'flex', color: 'var(--mantine-color-gray-6)' }}>{icon}</span>}
            <Text id={headingId} fw={600} size="sm" component="h2" m={0}>
              {title}
            </Text>
            {count !== undefined && count > 0 && (
              <Badge size="sm" variant="light" color="gray">
                {count}
              </Badge>
            )}
          </Group>
          {actions && <Group gap={4}>{actions}</Group>}
        </Group>
      </Card.Section>
      {children}
    </Card>
  );
}
