import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarsSection } from './calendars-section.tsx';
import { QueuesSection } from './queues-section.tsx';
import { ServiceOptionsSection } from './service-options-section.tsx';
import { SlaPoliciesSection } from './sla-policies-section.tsx';

function Part({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <div>
        <Title order={2} fz="md">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/** Settings → Service: queues, business calendars, SLA policies, the CSAT survey and dispute recognition. */
export function ServiceSettingsTab() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={1100}>
      <Part title={t('serviceSettings.queues.title')} hint={t('serviceSettings.queues.intro')}>
        <QueuesSection />
      </Part>
      <Part title={t('serviceSettings.calendars.title')} hint={t('serviceSettings.calendars.intro')}>
        <CalendarsSection />
      </Part>
      <Part title={t('serviceSettings.policies.title')} hint={t('serviceSettings.policies.intro')}>
        <SlaPoliciesSection />
      </Part>
      <ServiceOptionsSection />
    </Stack>
  );
}
