import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A stable machine key from a label: lower-case ASCII, digits and underscores, starting with a letter. */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 50);
}

/**
 * A name input and the key derived from it: the key follows the name until the user edits it.
 * A locked key (of an existing definition) cannot change.
 */
export function NameKeyFields({
  nameLabel,
  name,
  keyValue,
  onChange,
  nameError,
  keyError,
  locked = false,
}: {
  nameLabel: string;
  name: string;
  keyValue: string;
  onChange: (next: { name: string; key: string }) => void;
  nameError?: string;
  keyError?: string;
  locked?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={nameLabel}
        required
        value={name}
        onChange={(e) => {
          const v = e.currentTarget.value;
          const follows = !locked && (!keyValue || keyValue === slug(name));
          onChange({ name: v, key: follows ? slug(v) : keyValue });
        }}
        error={nameError}
        data-autofocus
      />
      <TextInput
        label={t('settings.key')}
        description={t('settings.keyHint')}
        required
        value={keyValue}
        disabled={locked}
        onChange={(e) => onChange({ name, key: e.currentTarget.value })}
        error={keyError}
      />
    </>
  );
}
