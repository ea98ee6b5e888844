import { Center, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconSearch } from '../../ui/icons.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <EmptyState
        icon={<IconSearch size={28} />}
        title={t('errors.pageNotFound')}
        description={t('errors.pageNotFoundHint')}
      >
        <EmptyState.Actions>
          <ButtonLink to="/">{t('nav.dashboard')}</ButtonLink>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
