import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from './surveys-api.ts';

const colors: Record<SurveyStatus, MantineColor> = { draft: 'gray', open: 'teal', closed: 'dark' };

export function SurveyStatusBadge({ status, size = 'md' }: { status: SurveyStatus; size?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant={status === 'open' ? 'light' : 'outline'} size={size}>
      {t(`surveys.statuses.${status}`)}
    </Badge>
  );
}
