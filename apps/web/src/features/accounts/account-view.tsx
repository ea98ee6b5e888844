import { Anchor, Group } from '@mantine/core';
import { accountSizes, accountTypes } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { IconBuilding, IconWorld } from '../../ui/icons.tsx';
import { InlineNumberField, InlineSelectField, InlineTextField } from '../../ui/inline-field.tsx';
import { AccountNpsCard } from '../nps/account-nps-card.tsx';
import { NpsScoreBadge } from '../nps/nps-badge.tsx';
import type { Fact } from '../records/record-header.tsx';
import { RecordPage } from '../records/record-page.tsx';
import { AccountTypeBadge } from './account-type-badge.tsx';

export function AccountView({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <RecordPage type="account" id={id}>
      {(a, { save, readOnly }) => {
        const facts: Fact[] = [];
        if (a.domain) {
          facts.push({
            key: 'domain',
            icon: <IconWorld size={15} />,
            content: (
              <Anchor href={`https://${a.domain}`} target="_blank" rel="noreferrer noopener">
                {a.domain}
              </Anchor>
            ),
          });
        }
        if (a.industry)
          facts.push({ key: 'industry', icon: <IconBuilding size={15} />, content: a.industry });
        return {
          header: {
            name: a.name,
            badge: (
              <Group gap={6}>
                <AccountTypeBadge type={a.type} />
                <NpsScoreBadge score={a.nps.score} />
              </Group>
            ),
            subtitle: a.size ? t('accounts.employees', { size: a.size }) : undefined,
            facts,
          },
          details: (
            <>
              <InlineTextField
                label={t('fields.name')}
                value={a.name}
                readOnly={readOnly}
                onSave={(v) => save({ name: v })}
              />
              <InlineTextField
                label={t('fields.domain')}
                value={a.domain}
                readOnly={readOnly}
                onSave={(v) => save({ domain: v })}
              />
              <InlineSelectField
                label={t('fields.type')}
                value={a.type}
                options={accountTypes.map((v) => ({ value: v, label: t(`accountTypes.${v}`) }))}
                readOnly={readOnly}
                onSave={(v) => save({ type: v ?? undefined })}
              />
              <InlineTextField
                label={t('fields.industry')}
                value={a.industry}
                readOnly={readOnly}
                onSave={(v) => save({ industry: v })}
              />
              <InlineSelectField
                label={t('fields.size')}
                value={a.size}
                options={accountSizes.map((v) => ({ value: v, label: v }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ size: v })}
              />
              <InlineNumberField
                label={t('fields.creditScore')}
                value={a.creditScore}
                min={0}
                max={1000}
                readOnly={readOnly}
                onSave={(v) => save({ creditScore: v })}
              />
            </>
          ),
          aside: <AccountNpsCard nps={a.nps} />,
        };
      }}
    </RecordPage>
  );
}
