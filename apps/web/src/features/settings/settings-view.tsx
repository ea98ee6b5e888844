import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconForms, IconKey, IconShield, IconStar, IconUser, IconUsers } from '../../ui/icons.tsx';
import { IconArrowsSplit } from '../../ui/icons-commerce.tsx';
import { IconLock } from '../../ui/icons-privacy.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCan } from '../auth/auth-api.ts';
import { IconHeadset } from '../cases/case-icons.tsx';
import { ConsentPurposesTab } from '../consent/consent-purposes-tab.tsx';
import { IconLayoutKanban } from '../deals/icons-sales.tsx';
import { LeadFormsTab } from '../leads/lead-forms-tab.tsx';
import { IconTarget } from '../leads/lead-icons.tsx';
import { LeadScoringTab } from '../leads/lead-scoring-tab.tsx';
import { PipelinesTab } from '../pipelines/pipelines-tab.tsx';
import { RoutingRulesTab } from '../routing/routing-rules-tab.tsx';
import { ServiceSettingsTab } from '../service-settings/service-settings-tab.tsx';
import { ValueSettingsTab } from '../value/value-settings-tab.tsx';
import { ApiKeysTab } from './api-keys-tab.tsx';
import { CustomFieldsTab } from './custom-fields-tab.tsx';
import { RolesTab } from './roles-tab.tsx';
import type { SettingsTab } from './settings-tabs.ts';
import { TeamsTab } from './teams-tab.tsx';
import { UsersTab } from './users-tab.tsx';

export function SettingsView({
  tab,
  onTabChange,
}: {
  tab: SettingsTab;
  onTabChange: (tab: SettingsTab) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const tabs = [
    { value: 'users', label: t('settings.users'), icon: IconUser, show: can('read', 'users') },
    { value: 'teams', label: t('settings.teams'), icon: IconUsers, show: can('read', 'teams') },
    { value: 'roles', label: t('settings.roles'), icon: IconShield, show: can('read', 'roles') },
    {
      value: 'custom-fields',
      label: t('settings.customFields'),
      icon: IconForms,
      show: can('read', 'custom_fields'),
    },
    { value: 'api-keys', label: t('settings.apiKeys'), icon: IconKey, show: can('read', 'api_keys') },
    { value: 'consent', label: t('settings.consent'), icon: IconLock, show: can('read', 'custom_fields') },
    { value: 'value', label: t('settings.value'), icon: IconStar, show: can('update', 'value') },
    { value: 'pipelines', label: t('pipelines.tab'), icon: IconLayoutKanban, show: can('read', 'pipelines') },
    { value: 'lead-forms', label: t('leadForms.tab'), icon: IconForms, show: can('update', 'lead_forms') },
    {
      value: 'lead-scoring',
      label: t('leads.scoring.tab'),
      icon: IconTarget,
      show: can('read', 'lead_forms'),
    },
    { value: 'routing', label: t('routing.tab'), icon: IconArrowsSplit, show: can('read', 'routing_rules') },
    {
      value: 'service',
      label: t('serviceSettings.tab'),
      icon: IconHeadset,
      show: can('read', 'sla_policies'),
    },
  ] as const;
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Tabs
        value={tab}
        onChange={(v) => v && onTabChange(v as SettingsTab)}
        keepMounted={false}
        variant="outline"
        radius="md"
      >
        <Tabs.List mb="lg">
          {tabs
            .filter((x) => x.show)
            .map((x) => (
              <Tabs.Tab key={x.value} value={x.value} leftSection={<x.icon size={16} />}>
                {x.label}
              </Tabs.Tab>
            ))}
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="teams">
          <TeamsTab />
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <RolesTab />
        </Tabs.Panel>
        <Tabs.Panel value="custom-fields">
          <CustomFieldsTab />
        </Tabs.Panel>
        <Tabs.Panel value="api-keys">
          <ApiKeysTab />
        </Tabs.Panel>
        <Tabs.Panel value="consent">
          <ConsentPurposesTab />
        </Tabs.Panel>
        <Tabs.Panel value="value">
          <ValueSettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="pipelines">
          <PipelinesTab />
        </Tabs.Panel>
        <Tabs.Panel value="lead-forms">
          <LeadFormsTab />
        </Tabs.Panel>
        <Tabs.Panel value="lead-scoring">
          <LeadScoringTab />
        </Tabs.Panel>
        <Tabs.Panel value="routing">
          <RoutingRulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="service">
          <ServiceSettingsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
