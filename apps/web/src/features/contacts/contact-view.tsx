import { Anchor, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { languages } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { formatPhone } from '../../lib/format.ts';
import { IconMail, IconPhone } from '../../ui/icons.tsx';
import { InlineNumberField, InlineSelectField, InlineTextField } from '../../ui/inline-field.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { WithheldValue } from '../../ui/withheld-value.tsx';
import { useCan, useMe } from '../auth/auth-api.ts';
import { ConsentPanel } from '../consent/consent-panel.tsx';
import { EmailComposeModal } from '../email/email-compose-modal.tsx';
import { FactsSection } from '../facts/facts-section.tsx';
import { NpsBadge } from '../nps/nps-badge.tsx';
import { EraseDialog } from '../privacy/erase-dialog.tsx';
import type { ErasureCounts } from '../privacy/privacy-api.ts';
import { ErasedNotice, PrivacyMenuItems } from '../privacy/privacy-menu.tsx';
import type { Fact } from '../records/record-header.tsx';
import { RecordPage } from '../records/record-page.tsx';
import { primaryEmail, primaryPhone } from '../records/record-types.ts';
import { ChannelsEditor } from './channels-editor.tsx';
import { WithheldSection } from './withheld.tsx';

export function ContactView({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [composing, compose] = useDisclosure(false);
  const [erasing, erase] = useDisclosure(false);
  const [erased, setErased] = useState<ErasureCounts | null>(null);
  const isAdmin = useMe().data?.role === 'admin';
  return (
    <RecordPage type="contact" id={id}>
      {(c, { save, readOnly }) => {
        const withheld = (field: string) => c.withheldFields.includes(field);
        const email = primaryEmail(c);
        const phone = primaryPhone(c);
        const facts: Fact[] = [];
        if (email)
          facts.push({
            key: 'email',
            icon: <IconMail size={15} />,
            content: <Anchor href={`mailto:${email}`}>{email}</Anchor>,
          });
        if (phone)
          facts.push({
            key: 'phone',
            icon: <IconPhone size={15} />,
            content: <Anchor href={`tel:${phone}`}>{formatPhone(phone)}</Anchor>,
          });
        return {
          header: {
            name: c.name || t('contacts.unnamed'),
            subtitle: c.jobTitle,
            badge: <NpsBadge nps={c.nps} />,
            facts,
          },
          notice: (c.erasedAt || erased) && <ErasedNotice erasedAt={c.erasedAt} removed={erased} />,
          menu: (
            <PrivacyMenuItems
              contactId={c.id}
              canExport={can('export', 'contacts', c)}
              onErase={isAdmin && !c.erasedAt ? erase.open : undefined}
            />
          ),
          actions: (
            <>
              {can('create', 'emails') && !withheld('emails') && !c.erasedAt && (
                <Button variant="default" leftSection={<IconMail size={16} />} onClick={compose.open}>
                  {t('email.button')}
                </Button>
              )}
              {composing && (
                <EmailComposeModal
                  onClose={compose.close}
                  contactId={c.id}
                  draft={{ to: email ?? '', subject: '' }}
                />
              )}
              {erasing && (
                <EraseDialog
                  contactId={c.id}
                  name={c.name}
                  onClose={erase.close}
                  onErased={(removed) => {
                    setErased(removed);
                    erase.close();
                  }}
                />
              )}
            </>
          ),
          details: (
            <>
              <InlineTextField
                label={t('fields.firstName')}
                value={c.firstName}
                readOnly={readOnly}
                onSave={(v) => save({ firstName: v })}
              />
              <InlineTextField
                label={t('fields.lastName')}
                value={c.lastName}
                readOnly={readOnly}
                onSave={(v) => save({ lastName: v })}
              />
              {withheld('jobTitle') ? (
                <WithheldValue label={t('fields.jobTitle')} />
              ) : (
                <InlineTextField
                  label={t('fields.jobTitle')}
                  value={c.jobTitle}
                  readOnly={readOnly}
                  onSave={(v) => save({ jobTitle: v })}
                />
              )}
              {withheld('language') ? (
                <WithheldValue label={t('fields.language')} />
              ) : (
                <InlineSelectField
                  label={t('fields.language')}
                  value={c.language}
                  options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
                  clearable
                  readOnly={readOnly}
                  onSave={(v) => save({ language: v })}
                />
              )}
              <InlineNumberField
                label={t('fields.creditScore')}
                value={c.creditScore}
                min={0}
                max={1000}
                readOnly={readOnly}
                onSave={(v) => save({ creditScore: v })}
              />
            </>
          ),
          sections: (
            <>
              <SectionCard id="channels" title={t('records.contactInfo')}>
                {withheld('emails') ? (
                  <WithheldValue label={t('fields.emails')} />
                ) : (
                  <ChannelsEditor kind="emails" items={c.emails} readOnly={readOnly} onSave={save} />
                )}
                {withheld('phones') ? (
                  <WithheldValue label={t('fields.phones')} />
                ) : (
                  <ChannelsEditor kind="phones" items={c.phones} readOnly={readOnly} onSave={save} />
                )}
              </SectionCard>
              <ConsentPanel contactId={c.id} editable={!readOnly} />
              <WithheldSection contact={c} save={save} readOnly={readOnly} />
              <FactsSection contactId={c.id} />
            </>
          ),
        };
      }}
    </RecordPage>
  );
}
