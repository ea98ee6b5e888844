import { Group, Text, ThemeIcon, Tooltip, Typography } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../lib/format.ts';

function When({ at }: { at: string }) {
  const { i18n } = useTranslation();
  return (
    <Tooltip label={formatDateTime(at, i18n.language)}>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(at, i18n.language)}
      </Text>
    </Tooltip>
  );
}

/** Server-sanitised HTML (interaction notes and note bodies only). */
export function SanitisedHtml({ html }: { html: string }) {
  if (!html) return null;
  return (
    <Typography fz="sm" mt={6} className="relata-rich-text">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitises notes (DOMPurify) */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

/** The frame of one timeline entry: icon, title, time and body; shared by every kind. */
export function TimelineRow({
  icon,
  color,
  title,
  at,
  children,
}: {
  icon: ReactNode;
  color: string;
  title: ReactNode;
  at: string;
  children?: ReactNode;
}) {
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap" component="li" py={10}>
      <ThemeIcon variant="light" color={color} radius="xl" size={30} style={{ flexShrink: 0 }}>
        {icon}
      </ThemeIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>{title}</div>
          <When at={at} />
        </Group>
        {children}
      </div>
    </Group>
  );
}
