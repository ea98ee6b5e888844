import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { type Channel, channels, type InquiryKind, inquiryKinds, type RoutingCustomer } from '@relata/domain';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatMoney, formatPercent } from '../../lib/format.ts';
import { IconCheck } from '../../ui/icons.tsx';
import { type CustomerChoice, CustomerPicker } from '../cases/customer-picker.tsx';
import { channelLabel } from '../interactions/channel-meta.tsx';
import { useSlaPolicies } from '../service-settings/service-api.ts';
import { type Evaluation, useEvaluate } from './routing-api.ts';
import { actualText, conditionText, decisionText, fieldLabel, valueText } from './routing-labels.ts';
import { useValueContext } from './use-value-context.ts';

function Facts({ customer }: { customer: RoutingCustomer }) {
  const { t } = useTranslation();
  const ctx = useValueContext();
  const dash = <Text c="dimmed">—</Text>;
  const rows: [string, ReactNode][] = [
    [fieldLabel('known', t), customer.known ? t('common.yes') : t('common.no')],
    [fieldLabel('tier', t), customer.tier ?? dash],
    [
      fieldLabel('clv', t),
      customer.clv === null ? dash : formatMoney(customer.clv, ctx.currency, ctx.locale, true),
    ],
    [
      fieldLabel('pAlive', t),
      customer.pAlive === null ? dash : formatPercent(customer.pAlive, ctx.locale, 1),
    ],
    [
      fieldLabel('lifecycleState', t),
      customer.lifecycleState ? valueText('lifecycleState', customer.lifecycleState, t, ctx) : dash,
    ],
    [
      fieldLabel('npsCategory', t),
      customer.npsCategory ? valueText('npsCategory', customer.npsCategory, t, ctx) : dash,
    ],
    [fieldLabel('openCases', t), customer.openCases],
    [fieldLabel('language', t), customer.language ?? dash],
    [fieldLabel('region', t), customer.region ?? dash],
    [fieldLabel('country', t), customer.country ?? dash],
  ];
  return (
    <Table verticalSpacing={4} aria-label={t('routing.bench.facts')}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th fw={500} c="dimmed" fz="sm" w="45%">
              {label}
            </Table.Th>
            <Table.Td fz="sm">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Result({ result }: { result: Evaluation }) {
  const { t } = useTranslation();
  const ctx = useValueContext();
  const policies = useSlaPolicies();
  const r = result.resolved;
  const policy = r.slaPolicyId ? policies.data?.find((p) => p.id === r.slaPolicyId)?.name : null;
  const dash = <Text c="dimmed">—</Text>;
  return (
    <Stack gap="md" data-testid="bench-result">
      <Group gap="sm">
        {result.ruleName ? (
          <Badge color="teal" variant="filled" tt="none" size="lg">
            {t('routing.bench.fired', { name: result.ruleName })}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" tt="none" size="lg">
            {t('routing.bench.noRule')}
          </Badge>
        )}
      </Group>
      <Text size="sm" title={result.reason}>
        {decisionText(result, { queue: r.queueName, assignee: r.assigneeName }, t, ctx)}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            {result.matched.length > 0 && (
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  {t('routing.bench.matched')}
                </Text>
                <List
                  spacing={4}
                  size="sm"
                  icon={
                    <ThemeIcon color="teal" size={18} radius="xl" variant="light">
                      <IconCheck size={12} />
                    </ThemeIcon>
                  }
                >
                  {result.matched.map((m) => {
                    const saw = actualText(m, t, ctx);
                    return (
                      <List.Item key={`${m.field}-${m.op}`}>
                        {conditionText(m, t, ctx)}
                        {saw && (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            {t('routing.bench.saw', { value: saw })}
                          </Text>
                        )}
                      </List.Item>
                    );
                  })}
                </List>
              </Stack>
            )}
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {t('routing.bench.resolved')}
              </Text>
              <Table verticalSpacing={4} aria-label={t('routing.bench.resolved')}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th fw={500} c="dimmed" fz="sm" w="45%">
                      {t('routing.actions.queue')}
                    </Table.Th>
                    <Table.Td fz="sm">{r.queueName ?? dash}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th fw={500} c="dimmed" fz="sm">
                      {t('cases.fields.assignee')}
                    </Table.Th>
                    <Table.Td fz="sm">{r.assigneeName ?? dash}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th fw={500} c="dimmed" fz="sm">
                      {t('routing.actions.priority')}
                    </Table.Th>
                    <Table.Td fz="sm">
                      {r.priority ? t(`cases.priorities.${r.priority as 'normal'}`) : dash}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th fw={500} c="dimmed" fz="sm">
                      {t('routing.actions.slaPolicy')}
                    </Table.Th>
                    <Table.Td fz="sm">{policy ?? t('routing.actions.byTier')}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th fw={500} c="dimmed" fz="sm">
                      {t('routing.actions.tags')}
                    </Table.Th>
                    <Table.Td fz="sm">{r.tags.length ? r.tags.join(', ') : dash}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('routing.bench.facts')}
            </Text>
            <Facts customer={result.customer} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Which rule would fire for this customer and inquiry, and why; changes nothing. */
export function TestBench() {
  const { t } = useTranslation();
  const evaluate = useEvaluate();
  const [customer, setCustomer] = useState<CustomerChoice>({ type: 'contact', id: null });
  const [kind, setKind] = useState<InquiryKind>('case');
  const [channel, setChannel] = useState<Channel | null>('email');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    evaluate.mutate({
      ...(customer.id ? { [customer.type === 'contact' ? 'contactId' : 'accountId']: customer.id } : {}),
      inquiry: { kind, channel, subject, text },
    });
  };

  return (
    <Card>
      <Text fw={600}>{t('routing.bench.title')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('routing.bench.hint')}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('routing.bench.title')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <CustomerPicker value={customer} onChange={setCustomer} />
            <Stack gap="sm">
              <SimpleGrid cols={2} spacing="sm">
                <Select
                  label={t('routing.bench.kind')}
                  data={inquiryKinds.map((k) => ({ value: k, label: t(`routing.kinds.${k}`) }))}
                  value={kind}
                  onChange={(v) => v && setKind(v as InquiryKind)}
                  allowDeselect={false}
                />
                <Select
                  label={t('cases.fields.channel')}
                  data={channels.map((c) => ({ value: c, label: channelLabel(c, t) }))}
                  value={channel}
                  onChange={(v) => setChannel(v as Channel | null)}
                  clearable
                  searchable
                />
              </SimpleGrid>
              <TextInput
                label={t('cases.fields.subject')}
                value={subject}
                onChange={(e) => setSubject(e.currentTarget.value)}
              />
            </Stack>
          </SimpleGrid>
          <Textarea
            label={t('routing.bench.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={evaluate.isPending}>
              {t('routing.bench.evaluate')}
            </Button>
          </Group>
        </Stack>
      </form>
      {evaluate.isError && (
        <Alert color="red" mt="md">
          {errorMessage(evaluate.error, t)}
        </Alert>
      )}
      {evaluate.data && (
        <Card withBorder mt="md" bg="var(--mantine-color-gray-0)">
          <Result result={evaluate.data} />
        </Card>
      )}
    </Card>
  );
}
