import { Button, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { IconRefresh } from '../../ui/icons.tsx';
import { type CustomerType, useRequestRun, useValueRun, type ValueRun } from './value-api.ts';

const busy = (run: ValueRun | null | undefined) => run?.status === 'queued' || run?.status === 'running';

/**
 * Queues a model run and follows it until it finishes (also one queued elsewhere, e.g. the nightly
 * job), then refreshes everything that shows customer value.
 */
export function RecomputeButton({
  type,
  latest,
  canRun,
}: {
  type: CustomerType;
  latest: ValueRun | null;
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const request = useRequestRun();
  const [runId, setRunId] = useState<string | null>(null);
  const followed = runId ?? (busy(latest) ? (latest?.id ?? null) : null);
  const run = useValueRun(followed);
  const [now, setNow] = useState(Date.now());
  const reported = useRef<string | null>(null);
  const current = run.data ?? (followed === latest?.id ? latest : null);
  const running = busy(current) || request.isPending;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  useEffect(() => {
    const done = run.data;
    if (!done || busy(done) || reported.current === done.id) return;
    reported.current = done.id;
    setRunId(null);
    for (const key of [['value'], ['contacts'], ['accounts'], ['360']]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
    notifications.show(
      done.status === 'succeeded'
        ? { color: 'teal', message: t('value.runSucceeded', { count: done.customers ?? 0 }) }
        : { color: 'red', title: t('value.runFailed'), message: done.error ?? t('errors.generic') },
    );
  }, [run.data, queryClient, t]);

  const since = current?.startedAt ?? current?.createdAt;
  const seconds = since ? Math.max(0, Math.round((now - Date.parse(since)) / 1000)) : 0;
  return (
    <Group gap="sm" wrap="nowrap">
      {running && (
        <Group gap={6} wrap="nowrap" role="status" aria-live="polite">
          <Loader size={14} />
          <Text size="sm" c="dimmed">
            {current?.status === 'running'
              ? t('value.runRunning', { seconds })
              : t('value.runQueued', { seconds })}
          </Text>
        </Group>
      )}
      {canRun && (
        <Button
          leftSection={<IconRefresh size={16} />}
          loading={request.isPending}
          disabled={running}
          onClick={() =>
            request.mutate(
              { customerType: type },
              {
                onSuccess: (queued) => setRunId(queued.id),
                onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
              },
            )
          }
        >
          {t('value.recompute')}
        </Button>
      )}
    </Group>
  );
}
