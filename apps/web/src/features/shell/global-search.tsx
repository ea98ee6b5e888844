import { Kbd, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconSearch } from '../../ui/icons.tsx';

/** Searches contacts by name, email or phone; Enter opens the contacts list filtered by the text. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useHotkeys([['mod+K', () => ref.current?.focus()]]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    void navigate({ to: '/contacts', search: text ? { q: text } : {} });
  };

  return (
    <search style={{ flex: 1, maxWidth: 520 }}>
      <form onSubmit={submit}>
        <TextInput
          ref={ref}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={t('shell.searchPlaceholder')}
          aria-label={t('shell.search')}
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">⌘K</Kbd>}
          rightSectionWidth={48}
          radius="md"
          styles={{ input: { background: 'var(--mantine-color-gray-0)' } }}
        />
      </form>
    </search>
  );
}
