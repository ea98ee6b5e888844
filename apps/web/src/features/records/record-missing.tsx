import { Center, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { IconSearch } from '../../ui/icons.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';

export function RecordMissing({
  error,
  back,
}: {
  error: unknown;
  back: '/contacts' | '/accounts' | '/surveys';
}) {
  const { t } = useTranslation();
  const notFound = isApiError(error) && error.status === 404;
  return (
    <Center py={80}>
      <EmptyState
        icon={<IconSearch size={28} />}
        withIndicatorBackground
        title={notFound ? t('records.notFound') : errorMessage(error, t)}
        description={notFound ? t('records.notFoundHint') : undefined}
      >
        <EmptyState.Actions>
          <ButtonLink to={back} variant="default">
            {t('common.back')}
          </ButtonLink>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
