import {
  ActionIcon,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconCheck, IconCopy, IconLink } from '../../ui/icons.tsx';
import { RowActions, SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { LeadFormModal } from './lead-form-modal.tsx';
import { type LeadForm, useLeadFormMutations, useLeadForms } from './leads-api.ts';

function Copy({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant={copied ? 'light' : 'default'}
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={copy}
        >
          {copied ? t('leadForms.copied') : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** The code to paste on a website, both variants, and a preview of the form. */
export function EmbedModal({ form, onClose }: { form: LeadForm; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('leadForms.embedTitle', { name: form.name })} size="xl">
      <Stack>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('leadForms.endpoint')}
          </Text>
          <Code style={{ overflowWrap: 'anywhere' }}>{form.endpoint}</Code>
          <Copy value={form.endpoint} label={t('leadForms.copy')} />
        </Group>
        <Tabs defaultValue="html" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="html">{t('leadForms.embedHtml')}</Tabs.Tab>
            <Tabs.Tab value="script">{t('leadForms.embedScript')}</Tabs.Tab>
            <Tabs.Tab value="preview">{t('leadForms.preview')}</Tabs.Tab>
          </Tabs.List>
          {(['html', 'script'] as const).map((v) => (
            <Tabs.Panel key={v} value={v} pt="sm">
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t(v === 'html' ? 'leadForms.embedHtmlHint' : 'leadForms.embedScriptHint')}
                </Text>
                <Code block style={{ maxHeight: 320, overflow: 'auto', fontSize: 12 }}>
                  {form.embed[v]}
                </Code>
                <Group justify="flex-end">
                  <Copy value={form.embed[v]} label={t('leadForms.copyCode')} />
                </Group>
              </Stack>
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="preview" pt="sm">
            {/* Sandboxed: the preview shows the form but cannot submit it or run scripts. */}
            <iframe
              title={t('leadForms.preview')}
              sandbox=""
              srcDoc={`<!doctype html><meta charset="utf-8"><body style="font:14px system-ui,sans-serif;padding:8px">${form.embed.html}</body>`}
              style={{
                width: '100%',
                height: 460,
                border: '1px solid var(--relata-border)',
                borderRadius: 8,
              }}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Modal>
  );
}

/** Settings → Lead forms: the web forms that capture leads, with their embed code. */
export function LeadFormsTab() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const forms = useLeadForms();
  const { remove } = useLeadFormMutations();
  const [editing, setEditing] = useState<LeadForm | 'new' | null>(null);
  const [embedding, setEmbedding] = useState<LeadForm | null>(null);
  const [removing, setRemoving] = useState<LeadForm | null>(null);
  return (
    <>
      <SettingsTable
        label={t('leadForms.title')}
        headers={[
          t('leadForms.name'),
          t('leadForms.fields'),
          t('leadForms.submissions'),
          t('leadForms.lastSubmission'),
          '',
        ]}
        loading={forms.isPending}
        rows={forms.data ?? []}
        empty={t('leadForms.none')}
        hint={t('leadForms.hint')}
        create={
          can('create', 'lead_forms') && { label: t('leadForms.new'), onClick: () => setEditing('new') }
        }
        renderRow={(f) => (
          <Table.Tr key={f.id}>
            <Table.Td>
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {f.name}
                </Text>
                {!f.active && (
                  <Badge size="xs" color="gray" variant="outline">
                    {t('leadForms.inactive')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {f.fields.map((x) => t(`leads.formFields.${x.key}`) + (x.required ? '*' : '')).join(', ')}
              </Text>
            </Table.Td>
            <Table.Td>{formatNumber(f.submissions, i18n.language)}</Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {f.lastSubmissionAt ? formatDateTime(f.lastSubmissionAt, i18n.language) : '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <Tooltip label={t('leadForms.embed')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('leadForms.embedFor', { name: f.name })}
                    onClick={() => setEmbedding(f)}
                  >
                    <IconLink size={16} />
                  </ActionIcon>
                </Tooltip>
                <RowActions
                  name={f.name}
                  onEdit={can('update', 'lead_forms') && (() => setEditing(f))}
                  onDelete={can('delete', 'lead_forms') && (() => setRemoving(f))}
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && (
        <LeadFormModal form={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {embedding && <EmbedModal form={embedding} onClose={() => setEmbedding(null)} />}
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('leadForms.deleteTitle')}
        message={t('leadForms.deleteConfirm', { name: removing?.name ?? '' })}
      />
    </>
  );
}
