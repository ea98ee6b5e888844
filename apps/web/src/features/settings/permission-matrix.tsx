import { Badge, Select, Table, Text } from '@mantine/core';
import { actions, type Permissions, resources, type Scope, scopes } from '@relata/domain';
import { useTranslation } from 'react-i18next';

const scopeColors: Record<Scope, string> = { all: 'teal', team: 'blue', own: 'orange' };

/** Resources × actions with the scope each role grants; editable when `onChange` is given. */
export function PermissionMatrix({
  value,
  onChange,
}: {
  value: Permissions;
  onChange?: (p: Permissions) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} horizontalSpacing="sm" withRowBorders aria-label={t('settings.permissions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.resource')}</Table.Th>
            {actions.map((a) => (
              <Table.Th key={a} ta="center">
                {t(`permissions.actions.${a}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {resources.map((r) => (
            <Table.Tr key={r}>
              <Table.Td fw={500}>{t(`permissions.resources.${r}`)}</Table.Td>
              {actions.map((a) => {
                const scope = value[r]?.[a];
                return (
                  <Table.Td key={a} ta="center">
                    {onChange ? (
                      <Select
                        size="xs"
                        w={92}
                        aria-label={t('settings.scopeFor', {
                          action: t(`permissions.actions.${a}`),
                          resource: t(`permissions.resources.${r}`),
                        })}
                        data={[
                          { value: '', label: '—' },
                          ...scopes.map((s) => ({ value: s, label: t(`permissions.scopes.${s}`) })),
                        ]}
                        value={scope ?? ''}
                        allowDeselect={false}
                        onChange={(v) => {
                          const next: Permissions = { ...value, [r]: { ...value[r] } };
                          const map = next[r]!;
                          if (v) map[a] = v as Scope;
                          else delete map[a];
                          onChange(next);
                        }}
                      />
                    ) : scope ? (
                      <Badge size="sm" color={scopeColors[scope]} variant="light" tt="none">
                        {t(`permissions.scopes.${scope}`)}
                      </Badge>
                    ) : (
                      <Text c="gray.4" size="sm" aria-label={t('permissions.denied')}>
                        —
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
