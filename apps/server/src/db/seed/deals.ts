/**
 * Demo deals: `count` deals in the default pipeline, spread over its stages (most open, some won
 * or lost with a reason), each with the moves that brought it there, a few with product lines.
 * Deals belong to the demo contacts (and their accounts and owners). The benchmark seeds a
 * million this way; the per-stage totals are kept by the table's statement triggers.
 */
import type { QueryFn } from '../connection.ts';
import type { ContactRef } from './activity.ts';
import { Batch, type Column, writer } from './bulk.ts';
import type { Rng } from './random.ts';

const DAY = 86_400_000;

const dealColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'pipeline_id', type: 'uuid' },
  { name: 'stage_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'rank', type: 'int' },
  { name: 'amount', type: 'int' },
  { name: 'currency', type: 'text' },
  { name: 'amount_base', type: 'int' },
  { name: 'expected_close_date', type: 'epoch_day' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'lost_reason_id', type: 'uuid' },
  { name: 'stage_entered_at', type: 'epoch_ms' },
  { name: 'won_at', type: 'epoch_ms' },
  { name: 'lost_at', type: 'epoch_ms' },
  { name: 'source', type: 'text' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];
const historyColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'deal_id', type: 'uuid' },
  { name: 'from_stage_id', type: 'uuid' },
  { name: 'to_stage_id', type: 'uuid' },
  { name: 'from_stage_name', type: 'text' },
  { name: 'to_stage_name', type: 'text' },
  { name: 'moved_by', type: 'uuid' },
  { name: 'moved_at', type: 'epoch_ms' },
  { name: 'seconds_in_from', type: 'int' },
];
const lineColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'deal_id', type: 'uuid' },
  { name: 'position', type: 'int' },
  { name: 'product_id', type: 'uuid' },
  { name: 'sku', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'quantity', type: 'int' },
  { name: 'unit_price', type: 'int' },
  { name: 'line_total', type: 'int' },
];

const topics = [
  'Office coffee service',
  'Espresso machines',
  'Café fit-out',
  'Annual tea supply',
  'Barista training',
  'Vending renewal',
  'Headquarters pilot',
  'Franchise roll-out',
  'Event catering',
  'Subscription upgrade',
];
const sources = ['web', 'referral', 'event', 'outbound', 'partner', null];

type Stage = { id: string; name: string; kind: string; position: number };

export async function seedDeals(
  query: QueryFn,
  slots: number,
  refs: readonly ContactRef[],
  opts: { count: number; end: number; ids: Rng; rng: Rng; batchSize: number },
): Promise<{ deals: number; moves: number }> {
  const { ids, rng } = opts;
  const [pipeline] = await query<{ id: string }>(
    'SELECT id FROM pipelines ORDER BY is_default DESC, position, created_at LIMIT 1',
  );
  if (!pipeline || !refs.length || opts.count <= 0) return { deals: 0, moves: 0 };
  const stages = await query<Stage>(
    'SELECT id, name, kind, position FROM pipeline_stages WHERE pipeline_id = $1 ORDER BY position',
    [pipeline.id],
  );
  const open = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  if (!open.length || !won || !lost) return { deals: 0, moves: 0 };
  const reasons = (await query<{ id: string }>('SELECT id FROM lost_reasons ORDER BY position')).map(
    (r) => r.id,
  );
  const products = await query<{ id: string; sku: string; name: string; price: string }>(
    'SELECT id, sku, name, price::text FROM products WHERE active ORDER BY sku LIMIT 50',
  );
  const accountNames = new Map(
    (await query<{ id: string; name: string }>('SELECT id, name FROM accounts')).map((a) => [a.id, a.name]),
  );
  const end = Math.floor(opts.end / DAY) * DAY;
  const out = writer(query, slots);
  const deals = new Batch('deals', dealColumns);
  const history = new Batch('deal_stage_history', historyColumns);
  const lines = new Batch('deal_lines', lineColumns);
  let moves = 0;
  const flush = async (force = false) => {
    if (!force && deals.size < opts.batchSize) return;
    await out.send(deals);
    await out.drain();
    await out.send(history);
    await out.send(lines);
    await out.drain();
  };
  for (let i = 0; i < opts.count; i++) {
    const ref = refs[rng.int(refs.length)]!;
    // Where the deal stands: 60 % open (more in the early stages), 25 % won, 15 % lost.
    const u = rng.next();
    const finalKind = u < 0.6 ? 'open' : u < 0.85 ? 'won' : 'lost';
    const reached =
      finalKind === 'open'
        ? Math.min(open.length - 1, Math.floor(rng.next() ** 1.6 * open.length))
        : rng.int(open.length);
    const path: Stage[] = open.slice(0, reached + 1);
    if (finalKind === 'won') path.push(won);
    if (finalKind === 'lost') path.push(lost);
    const created = end - (5 + rng.int(360)) * DAY - rng.int(DAY);
    // The moves spread over the time since creation, the last one at least a day ago.
    const span = Math.max(DAY, end - DAY - created);
    const times = path.map((_, k) =>
      k === 0 ? created : created + Math.round((span * (k + rng.next() * 0.5)) / (path.length + 0.5)),
    );
    const dealId = ids.uuid();
    const stage = path[path.length - 1]!;
    const lastMove = times[times.length - 1]!;
    for (const [k, s] of path.entries()) {
      const prev = k > 0 ? path[k - 1]! : null;
      history.push([
        ids.uuid(),
        dealId,
        prev?.id ?? null,
        s.id,
        prev?.name ?? null,
        s.name,
        ref.ownerId,
        times[k]!,
        prev ? Math.round((times[k]! - times[k - 1]!) / 1000) : null,
      ]);
    }
    moves += path.length;
    let amount = Math.round(Math.exp(8.5 + rng.next() * 3.5)) * 100; // 50 € … 1.6 M€, most in the low thousands
    if (products.length && rng.chance(0.35)) {
      amount = 0;
      const n = 1 + rng.int(3);
      for (let k = 0; k < n; k++) {
        const p = products[rng.int(products.length)]!;
        const qty = 1 + rng.int(20);
        const price = Number(p.price);
        amount += qty * price;
        lines.push([ids.uuid(), dealId, k + 1, p.id, p.sku, p.name, qty, price, qty * price]);
      }
    }
    const closeDay =
      finalKind === 'open'
        ? Math.floor((end + (rng.int(200) - 20) * DAY) / DAY)
        : Math.floor(lastMove / DAY) + rng.int(10);
    const account = ref.accountId ? accountNames.get(ref.accountId) : undefined;
    const topic = topics[rng.int(topics.length)]!;
    deals.push([
      dealId,
      account ? `${topic} — ${account}` : topic,
      pipeline.id,
      stage.id,
      stage.kind,
      rng.int(1_000_000) * 16,
      amount,
      'EUR',
      amount,
      closeDay,
      ref.ownerId,
      ref.teamId,
      ref.id,
      ref.accountId,
      finalKind === 'lost' && reasons.length ? reasons[rng.int(reasons.length)]! : null,
      lastMove,
      finalKind === 'won' ? lastMove : null,
      finalKind === 'lost' ? lastMove : null,
      sources[rng.int(sources.length)],
      created,
      lastMove,
    ]);
    await flush();
  }
  await flush(true);
  return { deals: opts.count, moves };
}
