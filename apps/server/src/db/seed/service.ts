/**
 * Demo service desk: queues for key accounts and complaints, routing rules that send tier-A
 * customers to their account manager and complaints to their queue, and cases over the last
 * 120 days — most solved, the recent ones open with their SLA clocks running, some breached,
 * some flagged as disputes. Clocks use the stored Standard policy and its calendar.
 */
import {
  addBusinessMinutes,
  type BusinessCalendar,
  defaultDisputeSettings,
  describeDispute,
  detectDispute,
  foldText,
  type Priority,
  type SlaTargets,
  slaDue,
} from '@relata/domain';
import type { QueryFn } from '../connection.ts';
import type { ContactRef } from './activity.ts';
import { Batch, type Column, writer } from './bulk.ts';
import type { Rng } from './random.ts';

const DAY = 86_400_000;

const subjects: [string, boolean][] = [
  ['Delivery is late', false],
  ['Espresso machine leaks water', false],
  ['Wrong item in my parcel', false],
  ['How do I descale the kettle?', false],
  ['Invoice address needs changing', false],
  ['Grinder makes a loud noise', false],
  ['Question about my subscription', false],
  ['I want a refund for the broken cups', true],
  ['Complaint about the courier', true],
  ['Please cancel my coffee club', true],
  ['Leveransen är försenad', false],
  ['Reklamation: trasig kaffekvarn', true],
  ['Faktura saknas', false],
  ['Levering uteblitt', false],
  ['Klage på kundeservice', true],
  ['Не пришёл заказ', false],
  ['Претензия по качеству', true],
];
const complaints = subjects.filter(([, c]) => c);
const questions = subjects.filter(([, c]) => !c);
const channels = ['email', 'phone', 'chat', 'web_form', 'portal'] as const;
const priorityWeights: [Priority, number][] = [
  ['low', 0.2],
  ['normal', 0.55],
  ['high', 0.18],
  ['urgent', 0.07],
];

const caseColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'number', type: 'text' },
  { name: 'subject', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'queue_id', type: 'uuid' },
  { name: 'priority', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'assignee_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'sla_policy_id', type: 'uuid' },
  { name: 'first_response_due_at', type: 'epoch_ms' },
  { name: 'first_response_warn_at', type: 'epoch_ms' },
  { name: 'resolution_due_at', type: 'epoch_ms' },
  { name: 'resolution_warn_at', type: 'epoch_ms' },
  { name: 'first_responded_at', type: 'epoch_ms' },
  { name: 'resolved_at', type: 'epoch_ms' },
  { name: 'closed_at', type: 'epoch_ms' },
  { name: 'pending_since', type: 'epoch_ms' },
  { name: 'first_response_warned_at', type: 'epoch_ms' },
  { name: 'first_response_breached_at', type: 'epoch_ms' },
  { name: 'resolution_warned_at', type: 'epoch_ms' },
  { name: 'resolution_breached_at', type: 'epoch_ms' },
  { name: 'search_text', type: 'text' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];
const disputeColumns: Column[] = [
  { name: 'case_id', type: 'uuid' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'reasons', type: 'jsonb' },
  { name: 'reason', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'opened_at', type: 'epoch_ms' },
];

async function ensureQueues(query: QueryFn) {
  await query(`INSERT INTO queues (name, description, team_id)
    SELECT 'Key accounts', 'Customers in tier A', (SELECT id FROM teams WHERE name = 'Key accounts')
    WHERE NOT EXISTS (SELECT 1 FROM queues WHERE lower(name) = 'key accounts')`);
  await query(`INSERT INTO queues (name, description)
    SELECT 'Returns & complaints', 'Refunds, complaints and cancellations'
    WHERE NOT EXISTS (SELECT 1 FROM queues WHERE lower(name) = 'returns & complaints')`);
  const rows = await query<{ id: string; name: string; team_id: string | null }>(
    'SELECT id, name, team_id FROM queues',
  );
  const by = (name: string) => rows.find((r) => r.name === name)!;
  return { general: by('General support'), key: by('Key accounts'), complaints: by('Returns & complaints') };
}

/** The rules a service desk starts with, added once. */
async function ensureRules(query: QueryFn, q: Awaited<ReturnType<typeof ensureQueues>>) {
  const [n] = await query<{ n: number }>('SELECT count(*)::int AS n FROM routing_rules');
  if ((n?.n ?? 0) > 0) return;
  const rules = [
    {
      name: 'Key accounts',
      kinds: ['case', 'interaction'],
      conditions: [{ field: 'tier', op: 'eq', value: 'A' }],
      actions: { queueId: q.key.id, priority: 'high', assign: { to: 'account_manager' } },
    },
    {
      name: 'Leads from tier-A customers',
      kinds: ['lead'],
      conditions: [{ field: 'tier', op: 'eq', value: 'A' }],
      actions: { assign: { to: 'account_manager' } },
    },
    {
      name: 'Complaints and refunds',
      kinds: ['case', 'interaction'],
      match: 'any',
      conditions: [
        {
          field: 'keywords',
          op: 'in',
          value: ['refund', 'complaint', 'cancel', 'reklamation', 'klage', 'претензия'],
        },
        { field: 'npsCategory', op: 'eq', value: 'detractor' },
      ],
      actions: { queueId: q.complaints.id, priority: 'high', tags: ['complaint'] },
    },
    {
      name: 'Everything else',
      kinds: ['case'],
      conditions: [],
      actions: { queueId: q.general.id },
    },
  ];
  for (const [i, r] of rules.entries()) {
    await query(
      `INSERT INTO routing_rules (name, position, kinds, match, conditions, actions)
       VALUES ($1, $2, $3::text[], $4, $5::jsonb, $6::jsonb)`,
      [
        r.name,
        (i + 1) * 10,
        r.kinds,
        r.match ?? 'all',
        JSON.stringify(r.conditions),
        JSON.stringify(r.actions),
      ],
    );
  }
}

export async function seedService(
  query: QueryFn,
  slots: number,
  refs: readonly ContactRef[],
  opts: { end: number; ids: Rng; rng: Rng; batchSize: number; casesPerContact: number },
): Promise<{ cases: number; disputes: number }> {
  const { ids, rng } = opts;
  const queues = await ensureQueues(query);
  await ensureRules(query, queues);
  const [policy] = await query<{
    id: string;
    targets: SlaTargets;
    warn_at_percent: number;
    calendar_id: string | null;
  }>(`SELECT id, targets, warn_at_percent, calendar_id FROM sla_policies WHERE name = 'Standard'`);
  const [cal] = policy?.calendar_id
    ? await query<{ timezone: string; hours: BusinessCalendar['hours']; holidays: string[] }>(
        'SELECT timezone, hours, holidays FROM business_calendars WHERE id = $1',
        [policy.calendar_id],
      )
    : [];
  const calendar: BusinessCalendar | null = cal
    ? { timezone: cal.timezone, hours: cal.hours, holidays: cal.holidays }
    : null;
  const slaPolicy = policy
    ? {
        id: policy.id,
        active: true,
        tiers: [],
        targets: policy.targets,
        warnAtPercent: policy.warn_at_percent,
      }
    : null;
  const [seq] = await query<{ n: string }>(
    'SELECT (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)::text AS n FROM case_number_seq',
  );
  let number = Number(seq?.n ?? 0);
  const out = writer(query, slots);
  const cases = new Batch('cases', caseColumns);
  const disputes = new Batch('disputes', disputeColumns);
  const total = Math.round(refs.length * opts.casesPerContact);
  const end = opts.end;
  let nDisputes = 0;
  const pickPriority = () => {
    let x = rng.next();
    for (const [p, w] of priorityWeights) {
      x -= w;
      if (x <= 0) return p;
    }
    return 'normal' as Priority;
  };
  const t = (d: Date | null) => (d ? d.getTime() : null);
  for (let i = 0; i < total; i++) {
    const ref = refs[rng.int(refs.length)]!;
    // Most cases are old and done; a tail of recent ones is still open.
    const age = rng.chance(0.25) ? rng.next() * 10 * DAY : 10 * DAY + rng.next() * 110 * DAY;
    const created = new Date(end - age);
    // About one case in eight is a complaint.
    const pool = rng.chance(0.12) ? complaints : questions;
    const [subject, complaint] = pool[rng.int(pool.length)]!;
    const priority = pickPriority();
    const queue = complaint
      ? queues.complaints
      : ref.accountId && rng.chance(0.15)
        ? queues.key
        : queues.general;
    const due = slaDue(slaPolicy, calendar, priority, created, 0);
    const open = age < 10 * DAY && rng.chance(0.7);
    const responded = open
      ? rng.chance(0.6)
        ? addBusinessMinutes(calendar, created, 30 + rng.int(600))
        : null
      : addBusinessMinutes(calendar, created, 20 + rng.int(900));
    const resolved = open ? null : addBusinessMinutes(calendar, created, 120 + rng.int(4000));
    const now = end;
    const past = (d: Date | null) => d !== null && d.getTime() <= now;
    const frStopped = responded && responded.getTime() <= now ? responded : null;
    // An open case waits on the customer only after we answered; it has waited since then.
    const status = open
      ? frStopped
        ? rng.chance(0.3)
          ? 'pending'
          : 'open'
        : 'new'
      : rng.chance(0.6)
        ? 'closed'
        : 'solved';
    const pendingSince =
      status === 'pending' && frStopped ? Math.min(now, frStopped.getTime() + 10 * 60_000) : null;
    const frBreached = !frStopped && past(due.firstResponseDueAt) ? due.firstResponseDueAt : null;
    const resBreached =
      open && status !== 'pending' && past(due.resolutionDueAt) ? due.resolutionDueAt : null;
    const id = ids.uuid();
    number += 1;
    const no = `CS-${String(number).padStart(6, '0')}`;
    const assignee = queue === queues.general && rng.chance(0.2) ? null : ref.ownerId;
    const lastTouch = resolved ?? frStopped ?? created;
    cases.push([
      id,
      no,
      subject,
      channels[rng.int(channels.length)],
      queue.id,
      priority,
      status,
      assignee,
      queue.team_id ?? ref.teamId,
      ref.id,
      ref.accountId,
      slaPolicy?.id ?? null,
      t(due.firstResponseDueAt),
      t(due.firstResponseWarnAt),
      t(due.resolutionDueAt),
      t(due.resolutionWarnAt),
      t(frStopped),
      t(resolved),
      status === 'closed' && resolved ? resolved.getTime() + 3 * DAY : null,
      pendingSince,
      frBreached ? t(due.firstResponseWarnAt) : null,
      t(frBreached),
      resBreached ? t(due.resolutionWarnAt) : null,
      t(resBreached),
      foldText(`${no} ${subject}`),
      created.getTime(),
      Math.min(now, lastTouch.getTime()),
    ]);
    const reasons = complaint
      ? detectDispute(
          {
            subject,
            text: '',
            npsCategory: null,
            npsScore: null,
            npsAnsweredAt: null,
            recentContacts: 1,
            now: created,
          },
          defaultDisputeSettings,
        )
      : [];
    if (reasons.length) {
      nDisputes += 1;
      disputes.push([
        id,
        ref.id,
        ref.accountId,
        JSON.stringify(reasons),
        describeDispute(reasons),
        open ? 'open' : rng.chance(0.7) ? 'resolved' : 'rejected',
        assignee,
        queue.team_id ?? ref.teamId,
        created.getTime(),
      ]);
    }
    if (cases.size >= opts.batchSize) {
      await out.send(cases);
      await out.drain();
      await out.send(disputes);
    }
  }
  await out.send(cases);
  await out.drain();
  await out.send(disputes);
  await out.drain();
  if (total > 0) await query(`SELECT setval('case_number_seq', $1::bigint)`, [number]);
  return { cases: total, disputes: nDisputes };
}
