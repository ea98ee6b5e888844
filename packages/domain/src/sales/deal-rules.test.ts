import { describe, expect, it } from 'vitest';
import { daysSince, dealCreateSchema, moveOutcome, rankBetween, stageSpells } from './deal.ts';
import { forecast, monthRange, weightedAmount } from './forecast.ts';
import { checkStages, defaultStages, planStageChanges, type Stage } from './pipeline.ts';

const stages: Stage[] = defaultStages.map((s, i) => ({
  ...s,
  id: `00000000-0000-4000-8000-00000000000${i}`,
}));
const id = (i: number) => stages[i]!.id;

describe('stage rules', () => {
  it('accepts the default pipeline and refuses one without a won, lost or open stage', () => {
    expect(checkStages(defaultStages)).toEqual([]);
    const noWon = checkStages(defaultStages.filter((s) => s.kind !== 'won'));
    expect(noWon.map((e) => e.message)).toContain('a pipeline needs a won stage');
    const onlyClosed = checkStages(defaultStages.filter((s) => s.kind !== 'open'));
    expect(onlyClosed.map((e) => e.message)).toContain('a pipeline needs an open stage');
  });

  it('refuses duplicate names and won/lost stages with other probabilities', () => {
    const errors = checkStages([
      { name: 'Talk', probability: 20, kind: 'open' },
      { name: 'talk ', probability: 30, kind: 'open' },
      { name: 'Won', probability: 90, kind: 'won' },
      { name: 'Lost', probability: 5, kind: 'lost' },
    ]);
    expect(errors.map((e) => e.field).sort()).toEqual([
      'stages.1.name',
      'stages.2.probability',
      'stages.3.probability',
    ]);
  });

  it('plans renames, reorders and additions; a removed stage with deals needs a target that stays', () => {
    const next = [
      { id: id(1), name: 'Discovery', probability: 20, kind: 'open' as const },
      { id: id(0), name: 'Qualification', probability: 10, kind: 'open' as const },
      { name: 'Trial', probability: 60, kind: 'open' as const },
      { id: id(4), name: 'Won', probability: 100, kind: 'won' as const },
      { id: id(5), name: 'Lost', probability: 0, kind: 'lost' as const },
    ];
    const counts = new Map([
      [id(2), 3],
      [id(3), 0],
    ]);
    const blocked = planStageChanges(stages, next, counts);
    expect(blocked.removed.sort()).toEqual([id(2), id(3)].sort());
    expect(blocked.errors).toEqual([
      expect.objectContaining({ field: `stageMoves.${id(2)}`, code: 'required' }),
    ]);
    const toRemoved = planStageChanges(stages, next, counts, { [id(2)]: id(3) });
    expect(toRemoved.errors[0]).toMatchObject({ code: 'invalid_value' });
    const ok = planStageChanges(stages, next, counts, { [id(2)]: id(1) });
    expect(ok.errors).toEqual([]);
    expect(ok.moves).toEqual([{ from: id(2), to: id(1) }]);
    expect(ok.keep.map((s) => [s.id, s.position])).toEqual([
      [id(1), 1],
      [id(0), 2],
      [null, 3],
      [id(4), 4],
      [id(5), 5],
    ]);
  });

  it('refuses stage ids of another pipeline and stages listed twice', () => {
    const other = '11111111-1111-4111-8111-111111111111';
    const plan = planStageChanges(
      stages,
      [
        { id: other, name: 'A', probability: 10, kind: 'open' },
        { id: id(4), name: 'Won', probability: 100, kind: 'won' },
        { id: id(4), name: 'Won again', probability: 100, kind: 'won' },
        { id: id(5), name: 'Lost', probability: 0, kind: 'lost' },
      ],
      new Map(),
    );
    expect(plan.errors.map((e) => [e.field, e.code])).toEqual([
      ['stages.0.id', 'not_found'],
      ['stages.2.id', 'duplicate'],
    ]);
  });
});

describe('moving deals', () => {
  const open = { wonAt: null, lostAt: null, lostReasonId: null, lostNote: null };
  const now = new Date('2026-03-10T12:00:00Z');

  it('needs a lost reason on a lost stage and stamps the lost date', () => {
    expect(moveOutcome(open, { kind: 'lost' }, {}, now).errors[0]).toMatchObject({
      field: 'lostReasonId',
      code: 'required',
    });
    const r = moveOutcome(open, { kind: 'lost' }, { lostReasonId: 'r1', lostNote: 'too dear' }, now);
    expect(r.errors).toEqual([]);
    expect(r.outcome).toEqual({
      status: 'lost',
      wonAt: null,
      lostAt: now,
      lostReasonId: 'r1',
      lostNote: 'too dear',
    });
  });

  it('stamps the won date once and clears closing fields when reopened', () => {
    const won = moveOutcome(open, { kind: 'won' }, {}, now).outcome;
    expect(won).toMatchObject({ status: 'won', wonAt: now });
    const later = new Date('2026-04-01T00:00:00Z');
    expect(moveOutcome({ ...open, wonAt: now }, { kind: 'won' }, {}, later).outcome.wonAt).toBe(now);
    const lost = { ...open, lostAt: now, lostReasonId: 'r1', lostNote: 'x' };
    expect(moveOutcome(lost, { kind: 'open' }, {}, later).outcome).toEqual({
      status: 'open',
      wonAt: null,
      lostAt: null,
      lostReasonId: null,
      lostNote: null,
    });
  });

  it('ranks a card between its neighbours and says when the gap is used up', () => {
    expect(rankBetween(null, null)).toEqual({ rank: 0, exhausted: false });
    expect(rankBetween(null, 10).rank).toBeLessThan(10);
    expect(rankBetween(10, null).rank).toBeGreaterThan(10);
    expect(rankBetween(1, 2)).toEqual({ rank: 1.5, exhausted: false });
    expect(rankBetween(1, 1 + 1e-9).exhausted).toBe(true);
  });

  it('measures the time spent in each stage from the history', () => {
    const at = (d: string) => new Date(`2026-03-${d}T00:00:00Z`);
    const spells = stageSpells(
      [
        { fromStageId: 'a', toStageId: 'b', movedAt: at('05') },
        { fromStageId: null, toStageId: 'a', movedAt: at('01') },
        { fromStageId: 'b', toStageId: 'c', movedAt: at('08') },
      ],
      at('10'),
    );
    expect(spells.map((s) => [s.stageId, s.seconds / 86_400, s.leftAt !== null])).toEqual([
      ['a', 4, true],
      ['b', 3, true],
      ['c', 2, false],
    ]);
    expect(daysSince(at('01'), at('10'))).toBe(9);
  });

  it('takes amounts in whole minor units only', () => {
    const r = dealCreateSchema.safeParse({ name: 'X', amount: 10.5 });
    expect(r.success).toBe(false);
    expect(dealCreateSchema.parse({ name: ' Big deal ', currency: 'sek' })).toMatchObject({
      name: 'Big deal',
      currency: 'SEK',
      lines: [],
    });
  });
});

describe('forecast', () => {
  const range = { from: '2026-01', to: '2026-03' };

  it('weights each group by its probability and sums by month, owner and in total', () => {
    const f = forecast(
      [
        { month: '2026-01', ownerId: 'u1', probability: 50, count: 2, amount: 10_001 },
        { month: '2026-01', ownerId: 'u2', probability: 25, count: 1, amount: 4_000 },
        { month: '2026-03', ownerId: 'u1', probability: 75, count: 1, amount: 1_000 },
        { month: '2025-12', ownerId: 'u1', probability: 75, count: 1, amount: 999_999 },
        { month: null, ownerId: 'u2', probability: 10, count: 3, amount: 3_000 },
      ],
      range,
    );
    expect(f.months).toEqual([
      { month: '2026-01', count: 3, amount: 14_001, weighted: 5_001 + 1_000 },
      { month: '2026-02', count: 0, amount: 0, weighted: 0 },
      { month: '2026-03', count: 1, amount: 1_000, weighted: 750 },
    ]);
    expect(f.owners).toEqual([
      { ownerId: 'u1', count: 3, amount: 11_001, weighted: 5_751 },
      { ownerId: 'u2', count: 1, amount: 4_000, weighted: 1_000 },
    ]);
    expect(f.totals).toEqual({ count: 4, amount: 15_001, weighted: 6_751 });
    expect(f.undated).toEqual({ count: 3, amount: 3_000, weighted: 300 });
    expect(f.cells).toHaveLength(3);
    const sum = (xs: { weighted: number }[]) => xs.reduce((s, x) => s + x.weighted, 0);
    expect(sum(f.months)).toBe(f.totals.weighted);
    expect(sum(f.owners)).toBe(f.totals.weighted);
    expect(sum(f.cells)).toBe(f.totals.weighted);
  });

  it('rounds half up to whole minor units', () => {
    expect(weightedAmount(1, 50)).toBe(1);
    expect(weightedAmount(3, 10)).toBe(0);
    expect(weightedAmount(12_345, 75)).toBe(9_259);
  });

  it('lists the months of a range across a year end', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-05', '2026-04')).toEqual([]);
  });
});
