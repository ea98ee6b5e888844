import type { Address } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { InlineTextField } from '../../ui/inline-field.tsx';

const parts = ['street', 'postalCode', 'city', 'region', 'country'] as const;

/** The parts of a postal address, each editable in place; saves the whole address. */
export function AddressFields({
  address,
  readOnly,
  onSave,
}: {
  address: Address | null;
  readOnly: boolean;
  onSave: (patch: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part) => (
        <InlineTextField
          key={part}
          label={t(`address.${part}`)}
          value={address?.[part] ?? null}
          readOnly={readOnly}
          onSave={(v) => {
            const value = part === 'country' ? v.trim().toUpperCase() : v.trim();
            const next: Address = {
              street: address?.street ?? null,
              postalCode: address?.postalCode ?? null,
              city: address?.city ?? null,
              region: address?.region ?? null,
              country: address?.country ?? null,
              [part]: value || null,
            };
            return onSave({ address: next });
          }}
        />
      ))}
    </>
  );
}
