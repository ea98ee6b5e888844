/**
 * Demo activity: interactions with outcomes across the channels (about `perContact` per
 * contact, Poisson-like), and open callback tasks — so timelines, the 360° view and search
 * have something to show, and the benchmark its 10 interactions per contact.
 */
import { foldText } from '@relata/domain';
import type { QueryFn } from '../connection.ts';
import { Batch, type Column, writer } from './bulk.ts';
import type { createRng } from './random.ts';

export type ContactRef = {
  id: string;
  accountId: string | null;
  ownerId: string;
  teamId: string | null;
  createdAt: number;
};
type Rng = ReturnType<typeof createRng>;

const DAY = 86_400_000;

const interactionColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'channel', type: 'text' },
  { name: 'direction', type: 'text' },
  { name: 'initiative', type: 'text' },
  { name: 'occurred_at', type: 'epoch_ms' },
  { name: 'duration_seconds', type: 'int' },
  { name: 'subject', type: 'text' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'outcome', type: 'text' },
  { name: 'cost', type: 'int' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'search_text', type: 'text' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];

const taskColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'type', type: 'text' },
  { name: 'due_at', type: 'epoch_ms' },
  { name: 'priority', type: 'text' },
  { name: 'assignee_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];

type Kind = {
  channel: string;
  direction: 'inbound' | 'outbound';
  weight: number;
  cost: number;
  seconds: number;
  subjects: string[];
  outcomes: string[];
};
const kinds: Kind[] = [
  {
    channel: 'phone',
    direction: 'inbound',
    weight: 20,
    cost: 600,
    seconds: 300,
    subjects: [
      'Question about invoice',
      'Delivery status',
      'Product question',
      'Change of address',
      'Complaint about service',
    ],
    outcomes: ['reached', 'resolved', 'callback_requested', 'complaint', 'order_placed'],
  },
  {
    channel: 'phone',
    direction: 'outbound',
    weight: 18,
    cost: 500,
    seconds: 240,
    subjects: ['Follow-up call', 'Renewal call', 'Introduction call', 'Satisfaction check'],
    outcomes: [
      'reached',
      'no_answer',
      'left_message',
      'interested',
      'not_interested',
      'meeting_booked',
      'callback_requested',
    ],
  },
  {
    channel: 'email',
    direction: 'outbound',
    weight: 22,
    cost: 50,
    seconds: 0,
    subjects: ['Quote', 'Newsletter', 'Order confirmation', 'Meeting summary', 'Offer for loyal customers'],
    outcomes: ['sent', 'replied', 'bounced'],
  },
  {
    channel: 'email',
    direction: 'inbound',
    weight: 14,
    cost: 150,
    seconds: 0,
    subjects: ['Question about delivery', 'Request for quote', 'Invoice query', 'Thank you'],
    outcomes: ['replied', 'resolved'],
  },
  {
    channel: 'meeting',
    direction: 'outbound',
    weight: 6,
    cost: 4000,
    seconds: 3600,
    subjects: ['Quarterly review', 'Product demo', 'Contract negotiation'],
    outcomes: ['interested', 'order_placed', 'meeting_booked'],
  },
  {
    channel: 'visit',
    direction: 'outbound',
    weight: 3,
    cost: 8000,
    seconds: 5400,
    subjects: ['Site visit', 'Installation check'],
    outcomes: ['reached', 'resolved'],
  },
  {
    channel: 'chat',
    direction: 'inbound',
    weight: 8,
    cost: 200,
    seconds: 420,
    subjects: ['Chat: order status', 'Chat: password reset', 'Chat: pricing'],
    outcomes: ['resolved', 'replied'],
  },
  {
    channel: 'sms',
    direction: 'outbound',
    weight: 5,
    cost: 10,
    seconds: 0,
    subjects: ['Delivery notice', 'Appointment reminder'],
    outcomes: ['sent'],
  },
  {
    channel: 'web_form',
    direction: 'inbound',
    weight: 3,
    cost: 20,
    seconds: 0,
    subjects: ['Contact form', 'Demo request'],
    outcomes: ['interested'],
  },
  {
    channel: 'letter',
    direction: 'outbound',
    weight: 1,
    cost: 1200,
    seconds: 0,
    subjects: ['Contract by post'],
    outcomes: ['sent'],
  },
];
const totalWeight = kinds.reduce((a, k) => a + k.weight, 0);

function pickKind(rng: Rng): Kind {
  let r = rng.int(totalWeight);
  for (const k of kinds) {
    r -= k.weight;
    if (r < 0) return k;
  }
  return kinds[0]!;
}

export async function seedActivity(
  query: QueryFn,
  slots: number,
  refs: readonly ContactRef[],
  opts: { perContact: number; end: number; ids: Rng; rng: Rng; batchSize: number },
): Promise<{ interactions: number; tasks: number }> {
  const { rng, ids, end } = opts;
  const out = writer(query, slots);
  const inter = new Batch('interactions', interactionColumns);
  const tasks = new Batch('tasks', taskColumns);
  let nInter = 0;
  let nTasks = 0;
  const subjectText = new Map<string, string>();
  for (const c of refs) {
    const n = rng.int(2 * opts.perContact + 1);
    let lastCallback = false;
    for (let j = 0; j < n; j++) {
      const k = pickKind(rng);
      const at = c.createdAt + rng.int(Math.max(1, end - c.createdAt));
      const subject = k.subjects[rng.int(k.subjects.length)]!;
      const outcome = k.outcomes[rng.int(k.outcomes.length)]!;
      lastCallback = outcome === 'callback_requested';
      let folded = subjectText.get(subject);
      if (folded === undefined) {
        folded = foldText(subject);
        subjectText.set(subject, folded);
      }
      inter.push([
        ids.uuid(),
        k.channel,
        k.direction,
        k.direction === 'inbound' ? 'customer' : 'company',
        at,
        k.seconds ? Math.round(k.seconds * (0.3 + rng.int(140) / 100)) : null,
        subject,
        c.id,
        c.accountId,
        outcome,
        k.cost,
        c.ownerId,
        c.teamId,
        folded,
        at,
        at,
      ]);
      nInter++;
      if (inter.size >= opts.batchSize) await out.send(inter);
    }
    if (lastCallback || rng.chance(0.02)) {
      const created = end - rng.int(20 * DAY);
      tasks.push([
        ids.uuid(),
        'Call back',
        'callback',
        created + rng.int(30 * DAY),
        'high',
        c.ownerId,
        c.teamId,
        c.id,
        c.accountId,
        created,
        created,
      ]);
      nTasks++;
      if (tasks.size >= opts.batchSize) await out.send(tasks);
    }
  }
  if (inter.size) await out.send(inter);
  if (tasks.size) await out.send(tasks);
  await out.drain();
  return { interactions: nInter, tasks: nTasks };
}
