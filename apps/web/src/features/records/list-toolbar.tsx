/** The search field and filters above a list: the query goes to the URL as you type (debounced). */
import { Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCondition } from '../../lib/list-query.ts';
import { IconSearch } from '../../ui/icons.tsx';
import { FilterBuilder, FilterChips } from './filter-builder.tsx';
import type { FilterField } from './filter-fields.ts';

export function ListToolbar(props: {
  /** The list's name, for the search field's label. */
  title: string;
  q: string | undefined;
  onQChange: (q: string | undefined) => void;
  fields: FilterField[];
  filters: FilterCondition[];
  onFiltersChange: (filters: FilterCondition[]) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(props.q ?? '');
  useEffect(() => setSearch(props.q ?? ''), [props.q]);
  const pushQ = useDebouncedCallback((value: string) => props.onQChange(value.trim() || undefined), 300);
  return (
    <Group gap="sm" wrap="wrap">
      <TextInput
        aria-label={t('list.search', { entity: props.title })}
        placeholder={t('list.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onQChange(search.trim() || undefined);
        }}
        w={320}
        type="search"
      />
      <FilterBuilder fields={props.fields} value={props.filters} onChange={props.onFiltersChange} />
      <FilterChips fields={props.fields} value={props.filters} onChange={props.onFiltersChange} />
    </Group>
  );
}
