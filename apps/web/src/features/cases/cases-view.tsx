import { Button, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconPlus } from '../../ui/icons.tsx';
import { IconInbox } from '../../ui/icons-activity.tsx';
import { IconChartBar } from '../../ui/icons-commerce.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCan } from '../auth/auth-api.ts';
import { DisputesList } from '../disputes/disputes-list.tsx';
import { CaseCreateModal } from './case-create-modal.tsx';
import { CaseQueue } from './case-queue.tsx';
import type { CasesTab } from './cases-tabs.ts';
import { SlaReportView } from './sla-report.tsx';

/** The service desk: the case queue, disputes and SLA compliance, one tab each. */
export function CasesView({ tab, onTabChange }: { tab: CasesTab; onTabChange: (tab: CasesTab) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        description={t('cases.description')}
        actions={
          can('create', 'cases') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('cases.new')}
            </Button>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => v && onTabChange(v as CasesTab)}
        keepMounted={false}
        variant="outline"
        radius="md"
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="queue" leftSection={<IconInbox size={16} />}>
            {t('cases.tabs.queue')}
          </Tabs.Tab>
          <Tabs.Tab value="disputes" leftSection={<IconAlert size={16} />}>
            {t('cases.tabs.disputes')}
          </Tabs.Tab>
          <Tabs.Tab value="sla" leftSection={<IconChartBar size={16} />}>
            {t('cases.tabs.sla')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue">
          <CaseQueue />
        </Tabs.Panel>
        <Tabs.Panel value="disputes">
          <DisputesList />
        </Tabs.Panel>
        <Tabs.Panel value="sla">
          <SlaReportView />
        </Tabs.Panel>
      </Tabs>
      <CaseCreateModal opened={creating} onClose={close} />
    </>
  );
}
