import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { RecordType } from '@relata/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchRecords } from '../records/records-api.ts';

/** Searches contacts or accounts by name (server-side `q`) and picks one. */
export function RecordPicker({
  type,
  value,
  onChange,
  label,
  error,
  excludeId,
}: {
  type: RecordType;
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  error?: string;
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const results = useQuery({
    queryKey: ['picker', type, q],
    queryFn: () => searchRecords(type, q, 20),
  });
  const data = (results.data ?? [])
    .filter((r) => r.id !== excludeId)
    .map((r) => ({ value: r.id, label: r.name || t('contacts.unnamed') }));
  return (
    <Select
      label={label}
      placeholder={type === 'contact' ? t('relationships.searchContacts') : t('relationships.searchAccounts')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('list.noMatches')}
      rightSection={results.isFetching ? <Loader size={14} /> : undefined}
      error={error}
      clearable
    />
  );
}
