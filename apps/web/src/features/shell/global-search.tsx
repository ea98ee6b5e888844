import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { IconSearch } from '../../ui/icons.tsx';
import { SearchPalette } from '../search/search-palette.tsx';

/** The search box of the top bar: opens the search palette, as Ctrl/⌘+K does anywhere. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const os = useOs();
  const shortcut = os === 'macos' || os === 'ios' ? '⌘K' : 'Ctrl K';
  useHotkeys([['mod+K', open]], []);

  return (
    <search style={{ flex: 1, maxWidth: 520 }}>
      <UnstyledButton
        onClick={open}
        aria-label={t('search.open')}
        aria-keyshortcuts="Control+K Meta+K"
        w="100%"
        h={36}
        px="sm"
        style={{
          borderRadius: 8,
          border: '1px solid var(--mantine-color-gray-3)',
          background: 'var(--mantine-color-gray-0)',
        }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <IconSearch size={16} color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed" truncate>
              {t('search.placeholder')}
            </Text>
          </Group>
          <Kbd size="xs">{shortcut}</Kbd>
        </Group>
      </UnstyledButton>
      <SearchPalette opened={opened} onClose={close} />
    </search>
  );
}
