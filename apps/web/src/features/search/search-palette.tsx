import { Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { IconBuilding, IconSearch, IconUser } from '../../ui/icons.tsx';
import { IconMessage } from '../../ui/icons-activity.tsx';
import { recordRoute } from '../records/record-links.ts';
import { interactionTarget, type SearchHit, searchGroups, useGlobalSearch } from './search-api.ts';

const groupIcons = { contact: IconUser, account: IconBuilding, interaction: IconMessage };

/**
 * The Ctrl/⌘+K palette: type two or more characters, move with ↑/↓, open with Enter. An
 * interaction opens the page of its contact (or account).
 */
export function SearchPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const search = useGlobalSearch(debounced);
  const [active, setActive] = useState(0);

  const groups = useMemo(() => {
    const hits = debounced.trim().length >= 2 ? (search.data ?? []) : [];
    return searchGroups
      .map((type) => ({ type, hits: hits.filter((h) => h.type === type) }))
      .filter((g) => g.hits.length > 0);
  }, [search.data, debounced]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);

  // Results change under the cursor while typing; keep it on a result.
  const current = Math.max(0, Math.min(active, flat.length - 1));

  const close = () => {
    setQ('');
    onClose();
  };

  const open = async (hit: SearchHit) => {
    close();
    if (hit.type !== 'interaction') return void navigate(recordRoute(hit.type, hit.id));
    try {
      const target = await interactionTarget(hit.id);
      if (target) void navigate(recordRoute(target.type, target.id));
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, t) });
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!flat.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + flat.length) % flat.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = flat[current];
      if (hit) void open(hit);
    }
  };

  const optionId = (i: number) => `search-option-${i}`;
  const text = debounced.trim();
  let index = -1;

  return (
    <Modal.Root opened={opened} onClose={close} size="lg" yOffset="10vh" centered={false}>
      <Modal.Overlay backgroundOpacity={0.35} blur={2} />
      <Modal.Content aria-label={t('search.title')} radius="lg">
        <Modal.Body p={0}>
          <TextInput
            data-autofocus
            size="lg"
            variant="unstyled"
            px="md"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder={t('search.placeholder')}
            leftSection={<IconSearch size={18} />}
            rightSection={search.isFetching ? <Loader size="xs" /> : null}
            role="combobox"
            aria-label={t('search.title')}
            aria-expanded={flat.length > 0}
            aria-controls="search-results"
            aria-autocomplete="list"
            aria-activedescendant={flat.length ? optionId(current) : undefined}
            style={{ borderBottom: '1px solid var(--relata-border)' }}
          />
          <div
            id="search-results"
            role="listbox"
            aria-label={t('search.results')}
            style={{ maxHeight: '55vh', overflowY: 'auto' }}
          >
            {groups.map((g) => {
              const Icon = groupIcons[g.type];
              return (
                // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox (ARIA combobox pattern)
                <div key={g.type} role="group" aria-label={t(`search.groups.${g.type}`)}>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="md" pt="sm" pb={4} aria-hidden>
                    {t(`search.groups.${g.type}`)}
                  </Text>
                  {g.hits.map((hit) => {
                    index += 1;
                    const i = index;
                    const selected = i === current;
                    return (
                      <UnstyledButton
                        key={`${hit.type}-${hit.id}`}
                        id={optionId(i)}
                        role="option"
                        aria-selected={selected}
                        tabIndex={-1}
                        onMouseMove={() => setActive(i)}
                        onClick={() => void open(hit)}
                        w="100%"
                        px="md"
                        py={8}
                        style={{ background: selected ? 'var(--mantine-color-brand-0)' : undefined }}
                      >
                        <Group gap="sm" wrap="nowrap">
                          <Icon size={16} color="var(--mantine-color-gray-6)" />
                          <Stack gap={0} style={{ minWidth: 0 }}>
                            <Text size="sm" fw={500} truncate>
                              {hit.title || t('contacts.unnamed')}
                            </Text>
                            {hit.subtitle && (
                              <Text size="xs" c="dimmed" truncate>
                                {hit.subtitle}
                              </Text>
                            )}
                          </Stack>
                        </Group>
                      </UnstyledButton>
                    );
                  })}
                </div>
              );
            })}
            {text.length < 2 ? (
              <Text size="sm" c="dimmed" p="md">
                {t('search.minChars')}
              </Text>
            ) : !search.isFetching && search.isSuccess && flat.length === 0 ? (
              <Text size="sm" c="dimmed" p="md">
                {t('search.noResults', { q: text })}
              </Text>
            ) : null}
          </div>
          <Group gap="md" px="md" py={8} style={{ borderTop: '1px solid var(--relata-border)' }}>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('search.hintMove')}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Enter</Kbd> {t('search.hintOpen')}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Esc</Kbd> {t('search.hintClose')}
            </Text>
          </Group>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
