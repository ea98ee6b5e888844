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
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ValueSettings, valueSettingsSchema } from '@relata/domain';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { LifecycleRulesEditor } from './lifecycle-rules-editor.tsx';
import { TiersEditor } from './tiers-editor.tsx';
import {
  useUpdateValueSettings,
  useVersionedValueSettings,
  type VersionedValueSettings,
} from './value-api.ts';

const num = (v: number | string, fallback = 0) => (typeof v === 'number' ? v : Number(v) || fallback);

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Card>
      <Title order={2} fz="md" mb={2}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {hint}
      </Text>
      {children}
    </Card>
  );
}

const same = (a: ValueSettings, b: ValueSettings) => JSON.stringify(a) === JSON.stringify(b);

type FormState = { base: VersionedValueSettings; draft: ValueSettings };

function SettingsForm({
  loaded,
  reload,
}: {
  loaded: VersionedValueSettings;
  reload: () => Promise<VersionedValueSettings | undefined>;
}) {
  const { t } = useTranslation();
  const update = useUpdateValueSettings();
  const form = useFormErrors();
  // The settings (and version) the draft started from: a newer load replaces them only while the
  // draft is unchanged, so a save goes out with the version the admin actually edited.
  const [state, setState] = useState<FormState>({ base: loaded, draft: loaded.settings });
  useEffect(
    () => setState((s) => (same(s.draft, s.base.settings) ? { base: loaded, draft: loaded.settings } : s)),
    [loaded],
  );
  const { base, draft } = state;
  const saved = base.settings;
  const e = form.errors;
  const set = <K extends keyof ValueSettings>(key: K, value: ValueSettings[K]) => {
    setState((s) => ({ ...s, draft: { ...s.draft, [key]: value } }));
    form.clear(key);
  };
  const dirty = !same(draft, saved);
  const stale = isApiError(update.error) && update.error.code === 'precondition_failed';
  const save = () => {
    const parsed = form.parse(valueSettingsSchema, draft);
    if (!parsed) return;
    const { flowOverrides: _unchanged, ...patch } = parsed;
    update.mutate(
      { patch, version: base.version },
      {
        onSuccess: (next) => {
          setState({ base: next, draft: next.settings });
          form.reset();
          notifications.show({ color: 'teal', message: t('valueSettings.saved') });
        },
        onError: (err) => {
          if (!(isApiError(err) && err.code === 'precondition_failed')) form.showServerError(err);
        },
      },
    );
  };
  const [reloading, setReloading] = useState(false);
  const reloadLatest = async () => {
    setReloading(true);
    try {
      const latest = await reload();
      if (latest) {
        setState({ base: latest, draft: latest.settings });
        form.reset();
        update.reset();
      }
    } finally {
      setReloading(false);
    }
  };
  const errorCount = Object.values(e).filter(Boolean).length;

  return (
    <Stack gap="lg" maw={980}>
      <Section title={t('valueSettings.modelTitle')} hint={t('valueSettings.modelHint')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <TextInput
            label={t('valueSettings.currency')}
            description={t('valueSettings.currencyHint')}
            value={draft.currency}
            maxLength={3}
            onChange={(ev) => set('currency', ev.currentTarget.value.toUpperCase())}
            error={e.currency}
          />
          <Select
            label={t('valueSettings.model')}
            description={t('valueSettings.modelChoiceHint')}
            data={[
              { value: 'bgnbd', label: 'BG/NBD' },
              { value: 'pnbd', label: 'Pareto/NBD' },
            ]}
            value={draft.model}
            onChange={(v) => v && set('model', v as ValueSettings['model'])}
            allowDeselect={false}
            error={e.model}
          />
          <Select
            label={t('valueSettings.unit')}
            description={t('valueSettings.unitHint')}
            data={(['day', 'week', 'month'] as const).map((u) => ({
              value: u,
              label: t(`value.units.${u}`),
            }))}
            value={draft.unit}
            onChange={(v) => v && set('unit', v as ValueSettings['unit'])}
            allowDeselect={false}
            error={e.unit}
          />
          <NumberInput
            label={t('valueSettings.horizonMonths')}
            description={t('valueSettings.horizonHint')}
            value={draft.horizonMonths}
            onChange={(v) => set('horizonMonths', num(v))}
            min={1}
            max={120}
            allowDecimal={false}
            error={e.horizonMonths}
          />
          <NumberInput
            label={t('valueSettings.monthlyDiscount')}
            description={t('valueSettings.discountHint')}
            value={Number((draft.monthlyDiscount * 100).toPrecision(10))}
            onChange={(v) => set('monthlyDiscount', num(v) / 100)}
            min={0}
            max={50}
            decimalScale={3}
            suffix=" %"
            error={e.monthlyDiscount}
          />
          <NumberInput
            label={t('valueSettings.backfillMonths')}
            description={t('valueSettings.backfillHint')}
            value={draft.backfillMonths}
            onChange={(v) => set('backfillMonths', num(v))}
            min={0}
            max={120}
            allowDecimal={false}
            error={e.backfillMonths}
          />
        </SimpleGrid>
        <Group mt="md" align="flex-end" gap="md">
          <Switch
            label={t('valueSettings.holdout')}
            description={t('valueSettings.holdoutHint')}
            checked={draft.holdoutDays !== null}
            onChange={(ev) => set('holdoutDays', ev.currentTarget.checked ? 180 : null)}
          />
          {draft.holdoutDays !== null && (
            <NumberInput
              aria-label={t('valueSettings.holdoutDays')}
              value={draft.holdoutDays}
              onChange={(v) => set('holdoutDays', num(v, 180))}
              min={7}
              max={730}
              allowDecimal={false}
              suffix={` ${t('valueSettings.days')}`}
              w={160}
              error={e.holdoutDays}
            />
          )}
        </Group>
      </Section>
      <Section title={t('valueSettings.tiers')} hint={t('valueSettings.tiersHint')}>
        <TiersEditor tiers={draft.tiers} onChange={(v) => set('tiers', v)} errors={e} />
      </Section>
      <Section title={t('valueSettings.lifecycle')} hint={t('valueSettings.lifecycleHint')}>
        <LifecycleRulesEditor config={draft.lifecycle} onChange={(v) => set('lifecycle', v)} errors={e} />
      </Section>
      {errorCount > 0 && (
        <Alert color="red" role="alert">
          {t('errors.validation')}
        </Alert>
      )}
      {update.isError && !stale && errorCount === 0 && (
        <Alert color="red">{errorMessage(update.error, t)}</Alert>
      )}
      <Stack
        gap="xs"
        pos="sticky"
        bottom={0}
        py="sm"
        style={{ background: 'var(--relata-bg)', borderTop: '1px solid var(--relata-border)', zIndex: 2 }}
      >
        {stale && (
          // In the sticky bar, so it shows next to the Save button however far down the form is scrolled.
          <Alert color="orange" role="alert" title={t('valueSettings.staleTitle')} py="xs">
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Text size="sm">{t('valueSettings.stale')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={reloadLatest}
                loading={reloading}
                style={{ flexShrink: 0 }}
              >
                {t('valueSettings.reload')}
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Text size="sm" c="dimmed" mr="auto">
            {t('valueSettings.appliesNextRun')}
          </Text>
          <Button
            variant="default"
            disabled={!dirty || update.isPending}
            onClick={() => {
              setState((s) => ({ ...s, draft: s.base.settings }));
              form.reset();
            }}
          >
            {t('valueSettings.discard')}
          </Button>
          <Button onClick={save} loading={update.isPending} disabled={!dirty || stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

/** Settings → Customer value (admins): model, horizon, discount, holdout, tiers and lifecycle rules. */
export function ValueSettingsTab() {
  const { t } = useTranslation();
  const settings = useVersionedValueSettings();
  if (settings.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (settings.isError) return <Alert color="red">{errorMessage(settings.error, t)}</Alert>;
  return (
    <SettingsForm
      loaded={settings.data}
      reload={async () => {
        const r = await settings.refetch();
        if (r.isSuccess) return r.data;
        notifications.show({ color: 'red', message: errorMessage(r.error, t) });
        return undefined;
      }}
    />
  );
}
