import {
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ServiceSettings, serviceSettingsSchema } from '@relata/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { useCan } from '../auth/auth-api.ts';
import { useSurveys } from '../surveys/surveys-api.ts';
import {
  useServiceSettings,
  useUpdateServiceSettings,
  type VersionedServiceSettings,
} from './service-api.ts';

const same = (a: ServiceSettings, b: ServiceSettings) => JSON.stringify(a) === JSON.stringify(b);
const num = (v: number | string, fallback: number) => (typeof v === 'number' ? v : fallback);

function OptionsForm({
  loaded,
  reload,
}: {
  loaded: VersionedServiceSettings;
  reload: () => Promise<VersionedServiceSettings | undefined>;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const readOnly = !can('update', 'sla_policies');
  const surveys = useSurveys('');
  const update = useUpdateServiceSettings();
  const form = useFormErrors();
  const [state, setState] = useState<{ base: VersionedServiceSettings; draft: ServiceSettings }>({
    base: loaded,
    draft: loaded.settings,
  });
  // A newer load replaces the draft only while it is unchanged.
  useEffect(
    () => setState((s) => (same(s.draft, s.base.settings) ? { base: loaded, draft: loaded.settings } : s)),
    [loaded],
  );
  const { base, draft } = state;
  const setDraft = (f: (x: ServiceSettings) => ServiceSettings) =>
    setState((s) => ({ ...s, draft: f(s.draft) }));
  const d = draft.disputes;
  const setDisputes = (patch: Partial<ServiceSettings['disputes']>) => {
    setDraft((x) => ({ ...x, disputes: { ...x.disputes, ...patch } }));
    for (const k of Object.keys(patch)) form.clear(`disputes.${k}`);
  };
  const stale = isApiError(update.error) && update.error.code === 'precondition_failed';
  const dirty = !same(draft, base.settings);
  const e = form.errors;
  const survey = (surveys.data?.pages.flatMap((p) => p.data) ?? []).map((s) => ({
    value: s.id,
    label: s.name,
  }));
  const save = () => {
    const parsed = form.parse(serviceSettingsSchema, draft);
    if (!parsed) return;
    update.mutate(
      { patch: parsed, version: base.version },
      {
        onSuccess: (next) => {
          setState({ base: next, draft: next.settings });
          notifications.show({ color: 'teal', message: t('serviceSettings.saved') });
        },
        onError: (err) => {
          if (!(isApiError(err) && err.code === 'precondition_failed')) form.showServerError(err);
        },
      },
    );
  };

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="md">
            {t('serviceSettings.csat.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('serviceSettings.csat.hint')}
          </Text>
        </div>
        <Select
          label={t('serviceSettings.csat.survey')}
          placeholder={t('serviceSettings.csat.none')}
          data={survey}
          value={draft.csatSurveyId}
          onChange={(v) => {
            setDraft((x) => ({ ...x, csatSurveyId: v }));
            form.clear('csatSurveyId');
          }}
          clearable
          searchable
          disabled={readOnly}
          error={e.csatSurveyId}
          maw={420}
        />
        <div>
          <Title order={2} fz="md" mt="sm">
            {t('serviceSettings.disputes.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('serviceSettings.disputes.hint')}
          </Text>
        </div>
        <Switch
          label={t('serviceSettings.disputes.enabled')}
          checked={d.enabled}
          onChange={(ev) => setDisputes({ enabled: ev.currentTarget.checked })}
          disabled={readOnly}
        />
        <TagsInput
          label={t('serviceSettings.disputes.keywords')}
          description={t('serviceSettings.disputes.keywordsHint')}
          value={d.keywords}
          onChange={(v) => setDisputes({ keywords: v })}
          splitChars={[',']}
          clearable
          disabled={readOnly || !d.enabled}
          error={
            e['disputes.keywords'] ??
            Object.entries(e).find(([k, v]) => v && k.startsWith('disputes.keywords.'))?.[1]
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ alignItems: 'end' }}>
          <NumberInput
            label={t('serviceSettings.disputes.detractorDays')}
            description={t('serviceSettings.disputes.detractorDaysHint')}
            value={d.detractorDays}
            onChange={(v) => setDisputes({ detractorDays: num(v, 0) })}
            min={0}
            max={365}
            allowDecimal={false}
            disabled={readOnly || !d.enabled}
            error={e['disputes.detractorDays']}
          />
          <NumberInput
            label={t('serviceSettings.disputes.repeatCount')}
            description={t('serviceSettings.disputes.repeatCountHint')}
            value={d.repeatCount}
            onChange={(v) => setDisputes({ repeatCount: num(v, 0) })}
            min={0}
            max={100}
            allowDecimal={false}
            disabled={readOnly || !d.enabled}
            error={e['disputes.repeatCount']}
          />
          <NumberInput
            label={t('serviceSettings.disputes.repeatDays')}
            description={t('serviceSettings.disputes.repeatDaysHint')}
            value={d.repeatDays}
            onChange={(v) => setDisputes({ repeatDays: num(v, 1) })}
            min={1}
            max={90}
            allowDecimal={false}
            disabled={readOnly || !d.enabled}
            error={e['disputes.repeatDays']}
          />
        </SimpleGrid>
        {stale && (
          <Alert color="orange" role="alert" title={t('errors.staleTitle')} py="xs">
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Text size="sm">{t('serviceSettings.stale')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={async () => {
                  update.reset();
                  const latest = await reload();
                  if (latest) setState({ base: latest, draft: latest.settings });
                }}
              >
                {t('cases.reload')}
              </Button>
            </Group>
          </Alert>
        )}
        {update.isError && !stale && Object.keys(e).length === 0 && (
          <Alert color="red">{errorMessage(update.error, t)}</Alert>
        )}
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" disabled={!dirty} onClick={() => setDraft(() => base.settings)}>
              {t('serviceSettings.discard')}
            </Button>
            <Button onClick={save} loading={update.isPending} disabled={!dirty || stale}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The CSAT survey sent when a case is solved, and how disputes are recognised (If-Match on save). */
export function ServiceOptionsSection() {
  const { t } = useTranslation();
  const settings = useServiceSettings();
  if (settings.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (settings.isError) return <Alert color="red">{errorMessage(settings.error, t)}</Alert>;
  return <OptionsForm loaded={settings.data} reload={async () => (await settings.refetch()).data} />;
}
