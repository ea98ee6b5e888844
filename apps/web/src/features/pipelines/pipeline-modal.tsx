import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { pipelineCreateSchema, pipelineUpdateSchema, type StageKind, stageKinds } from '@relata/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconTrash } from '../../ui/icons.tsx';
import { IconArrowDown, IconArrowUp } from '../../ui/icons-commerce.tsx';
import type { Pipeline } from '../deals/deals-api.ts';
import { useSavePipeline } from './pipelines-api.ts';

type StageDraft = { key: string; id?: string; name: string; probability: number | string; kind: StageKind };
let n = 0;
const draft = (s: Partial<StageDraft> = {}): StageDraft => ({
  key: `s${++n}`,
  name: '',
  probability: 10,
  kind: 'open',
  ...s,
});
const fresh = (): StageDraft[] => [
  draft({ name: '', probability: 20 }),
  draft({ name: 'Won', probability: 100, kind: 'won' }),
  draft({ name: 'Lost', probability: 0, kind: 'lost' }),
];

/**
 * Creates or edits a pipeline: its name and ordered stages (add, rename, reorder, remove).
 * A removed stage that holds deals needs a stage its deals move to.
 */
export function PipelineModal({
  opened,
  onClose,
  pipeline,
}: {
  opened: boolean;
  onClose: () => void;
  pipeline: Pipeline | null;
}) {
  const { t } = useTranslation();
  const save = useSavePipeline();
  const form = useFormErrors();
  const [name, setName] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const [stages, setStages] = useState<StageDraft[]>([]);
  const [moves, setMoves] = useState<Record<string, string | null>>({});
  // Fills the form each time the dialog opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on open only
  useEffect(() => {
    if (!opened) return;
    form.reset();
    setName(pipeline?.name ?? '');
    setIsDefault(pipeline?.isDefault ?? false);
    setStages(
      pipeline
        ? pipeline.stages.map((s) =>
            draft({ id: s.id, name: s.name, probability: s.probability, kind: s.kind }),
          )
        : fresh(),
    );
    setMoves({});
  }, [opened]);
  const removed = (pipeline?.stages ?? []).filter((s) => !stages.some((d) => d.id === s.id));
  const update = (key: string, patch: Partial<StageDraft>) =>
    setStages((ss) => ss.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const shift = (i: number, by: number) =>
    setStages((ss) => {
      const out = [...ss];
      const [x] = out.splice(i, 1);
      out.splice(i + by, 0, x!);
      return out;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = stages.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      name: s.name,
      probability: Number(s.probability),
      kind: s.kind,
    }));
    const stageMoves = Object.fromEntries(
      Object.entries(moves).filter((m): m is [string, string] => Boolean(m[1])),
    );
    const body = pipeline
      ? form.parse(pipelineUpdateSchema, {
          name,
          stages: list,
          ...(isDefault && !pipeline.isDefault ? { isDefault: true } : {}),
          ...(Object.keys(stageMoves).length ? { stageMoves } : {}),
        })
      : form.parse(pipelineCreateSchema, { name, stages: list, isDefault });
    if (!body) return;
    save.mutate(
      { ...(pipeline ? { id: pipeline.id, version: pipeline.version } : {}), body },
      {
        onError: form.showServerError,
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: t('pipelines.saved', { name: p.name }) });
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={pipeline ? t('pipelines.edit', { name: pipeline.name }) : t('pipelines.new')}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            data-autofocus
            label={t('pipelines.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.errors.name}
            required
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('pipelines.stages')}
            </Text>
            {stages.map((s, i) => (
              <Group key={s.key} gap={6} wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={t('pipelines.stageName')}
                  placeholder={t('pipelines.stageName')}
                  value={s.name}
                  onChange={(e) => update(s.key, { name: e.currentTarget.value })}
                  error={form.errors[`stages.${i}.name`]}
                  style={{ flex: 1 }}
                />
                <NumberInput
                  aria-label={t('pipelines.probability')}
                  value={s.probability}
                  onChange={(v) => update(s.key, { probability: v })}
                  min={0}
                  max={100}
                  suffix=" %"
                  w={90}
                  error={form.errors[`stages.${i}.probability`]}
                />
                <Select
                  aria-label={t('pipelines.kind')}
                  data={stageKinds.map((k) => ({ value: k, label: t(`pipelines.kinds.${k}`) }))}
                  value={s.kind}
                  onChange={(v) =>
                    v &&
                    update(s.key, {
                      kind: v as StageKind,
                      ...(v === 'won' ? { probability: 100 } : v === 'lost' ? { probability: 0 } : {}),
                    })
                  }
                  allowDeselect={false}
                  w={110}
                  error={form.errors[`stages.${i}.kind`]}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('pipelines.up')}
                  disabled={i === 0}
                  onClick={() => shift(i, -1)}
                  mt={4}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('pipelines.down')}
                  disabled={i === stages.length - 1}
                  onClick={() => shift(i, 1)}
                  mt={4}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('pipelines.removeStage')}
                  onClick={() => setStages((ss) => ss.filter((x) => x.key !== s.key))}
                  mt={4}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            {form.errors.stages && (
              <Text size="xs" c="red">
                {form.errors.stages}
              </Text>
            )}
            <Button
              size="compact-sm"
              variant="light"
              onClick={() =>
                setStages((ss) => {
                  const at = ss.findIndex((x) => x.kind !== 'open');
                  const out = [...ss];
                  out.splice(at < 0 ? ss.length : at, 0, draft());
                  return out;
                })
              }
              w="fit-content"
            >
              {t('pipelines.addStage')}
            </Button>
          </Stack>
          {removed.length > 0 && (
            <Stack gap={6}>
              <Text size="sm" c="dimmed">
                {t('pipelines.movesHint')}
              </Text>
              {removed.map((r) => (
                <Select
                  key={r.id}
                  label={t('pipelines.moveDealsOf', { name: r.name })}
                  data={stages
                    .filter((s) => s.id && s.kind === r.kind)
                    .map((s) => ({ value: s.id!, label: s.name }))}
                  value={moves[r.id] ?? null}
                  onChange={(v) => setMoves((m) => ({ ...m, [r.id]: v }))}
                  clearable
                  error={form.errors[`stageMoves.${r.id}`]}
                />
              ))}
            </Stack>
          )}
          {!pipeline?.isDefault && (
            <Checkbox
              label={t('pipelines.makeDefault')}
              checked={isDefault}
              onChange={(e) => setIsDefault(e.currentTarget.checked)}
            />
          )}
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
