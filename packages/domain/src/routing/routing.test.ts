import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type RoutingCondition,
  routingConditionSchema,
  routingFieldNames,
  routingOps,
  routingRuleCreateSchema,
} from './routing.schema.ts';
import {
  conditionHolds,
  describeCondition,
  evaluateRouting,
  formatMinor,
  keywordsIn,
  type RoutingCustomer,
  type RoutingInquiry,
  type RoutingRule,
  unknownCustomer,
} from './routing.ts';

const tierA: RoutingCustomer = {
  known: true,
  tier: 'A',
  clv: 12_500,
  pAlive: 0.91,
  lifecycleState: 'active',
  npsCategory: 'promoter',
  openCases: 2,
  language: 'sv',
  region: 'Stockholm',
  country: 'SE',
};
const call: RoutingInquiry = {
  kind: 'case',
  channel: 'phone',
  subject: 'Invoice',
  text: 'Question about my bill',
};
const q = (c: RoutingCondition) => conditionHolds(c, tierA, call) !== undefined;
const qUnknown = (c: RoutingCondition) => conditionHolds(c, unknownCustomer, call) !== undefined;

const rule = (over: Partial<RoutingRule> & Pick<RoutingRule, 'id'>): RoutingRule => ({
  name: over.id,
  active: true,
  kinds: [],
  match: 'all',
  conditions: [],
  actions: { priority: 'normal' },
  ...over,
});

describe('routing conditions', () => {
  it.each<[RoutingCondition, boolean, boolean]>([
    // condition, holds for the tier-A customer, holds for an unknown sender
    [{ field: 'tier', op: 'eq', value: 'A' }, true, false],
    [{ field: 'tier', op: 'eq', value: 'a' }, true, false],
    [{ field: 'tier', op: 'neq', value: 'A' }, false, true],
    [{ field: 'tier', op: 'in', value: ['A', 'B'] }, true, false],
    [{ field: 'tier', op: 'not_in', value: ['A', 'B'] }, false, true],
    [{ field: 'tier', op: 'is_set' }, true, false],
    [{ field: 'tier', op: 'is_not_set' }, false, true],
    [{ field: 'clv', op: 'gt', value: 10_000 }, true, false],
    [{ field: 'clv', op: 'gt', value: 12_500 }, false, false],
    [{ field: 'clv', op: 'gte', value: 12_500 }, true, false],
    [{ field: 'clv', op: 'lt', value: 12_500 }, false, false],
    [{ field: 'clv', op: 'lte', value: 12_500 }, true, false],
    [{ field: 'clv', op: 'eq', value: 12_500 }, true, false],
    [{ field: 'clv', op: 'neq', value: 12_500 }, false, true],
    [{ field: 'pAlive', op: 'lt', value: 0.5 }, false, false],
    [{ field: 'openCases', op: 'gte', value: 2 }, true, false],
    [{ field: 'openCases', op: 'eq', value: 0 }, false, true],
    [{ field: 'lifecycleState', op: 'in', value: ['at_risk', 'lapsed'] }, false, false],
    [{ field: 'lifecycleState', op: 'eq', value: 'active' }, true, false],
    [{ field: 'npsCategory', op: 'eq', value: 'detractor' }, false, false],
    [{ field: 'npsCategory', op: 'is_not_set' }, false, true],
    [{ field: 'language', op: 'eq', value: 'SV' }, true, false],
    [{ field: 'region', op: 'eq', value: 'stockholm' }, true, false],
    [{ field: 'country', op: 'in', value: ['SE', 'NO'] }, true, false],
    [{ field: 'known', op: 'eq', value: true }, true, false],
    [{ field: 'known', op: 'eq', value: false }, false, true],
    [{ field: 'kind', op: 'eq', value: 'case' }, true, true],
    [{ field: 'kind', op: 'eq', value: 'lead' }, false, false],
    [{ field: 'channel', op: 'in', value: ['phone', 'chat'] }, true, true],
    [{ field: 'channel', op: 'eq', value: 'email' }, false, false],
    [{ field: 'type', op: 'is_not_set' }, true, true],
    [{ field: 'source', op: 'is_set' }, false, false],
    [{ field: 'keywords', op: 'in', value: ['bill', 'refund'] }, true, true],
    [{ field: 'keywords', op: 'in', value: ['refund'] }, false, false],
    [{ field: 'keywords', op: 'not_in', value: ['refund'] }, true, true],
    [{ field: 'keywords', op: 'not_in', value: ['invoice'] }, false, false],
  ])('%j → %s / %s', (cond, known, unknown) => {
    expect(routingConditionSchema.safeParse(cond).success).toBe(true);
    expect(q(cond)).toBe(known);
    expect(qUnknown(cond)).toBe(unknown);
  });

  it('finds keywords at the start of words, across case and diacritics', () => {
    expect(keywordsIn('I want a REFUND now', ['refund'])).toEqual(['refund']);
    expect(keywordsIn('Refunded twice', ['refund'])).toEqual(['refund']);
    expect(keywordsIn('Återbetalning, tack', ['aterbetalning'])).toEqual(['aterbetalning']);
    expect(keywordsIn('during the call', ['ring'])).toEqual([]);
    expect(keywordsIn('a chargeback!', ['charge', 'chargeback', 'cancel'])).toEqual(['charge', 'chargeback']);
    expect(keywordsIn('money back please', ['money back'])).toEqual(['money back']);
    expect(keywordsIn('(c)ancel', ['a.c'])).toEqual([]); // regex characters are literal
    expect(keywordsIn('Хочу вернуть деньги', ['вернуть'])).toEqual(['вернуть']);
  });
});

describe('evaluateRouting', () => {
  const keyAccounts = rule({
    id: 'key',
    name: 'Key accounts',
    conditions: [
      { field: 'tier', op: 'eq', value: 'A' },
      { field: 'clv', op: 'gt', value: 10_000 },
    ],
    actions: { queueId: '00000000-0000-4000-8000-000000000001', priority: 'high' },
  });
  const disputes = rule({
    id: 'disputes',
    kinds: ['case', 'interaction'],
    match: 'any',
    conditions: [
      { field: 'keywords', op: 'in', value: ['refund', 'chargeback'] },
      { field: 'npsCategory', op: 'eq', value: 'detractor' },
    ],
    actions: { priority: 'urgent', tags: ['dispute'] },
  });
  const fallback = rule({ id: 'fallback', actions: { priority: 'normal' } });

  it('takes the first active rule whose conditions hold, and says why', () => {
    const d = evaluateRouting([keyAccounts, disputes, fallback], tierA, call)!;
    expect(d.ruleId).toBe('key');
    expect(d.because).toBe('tier A and CLV > 10 000');
    expect(d.actions.priority).toBe('high');
    expect(d.matched.map((m) => m.actual)).toEqual(['A', 12_500]);
  });

  it('needs every condition with match all, one with match any', () => {
    const lowClv = { ...tierA, clv: 900 };
    expect(evaluateRouting([keyAccounts, fallback], lowClv, call)!.ruleId).toBe('fallback');
    const refund = { ...call, text: 'I demand a refund' };
    const d = evaluateRouting([disputes, fallback], lowClv, refund)!;
    expect(d.ruleId).toBe('disputes');
    expect(d.because).toBe('mentions refund');
  });

  it('skips inactive rules and rules for other kinds of inquiry', () => {
    const lead: RoutingInquiry = { kind: 'lead', text: 'refund' };
    expect(evaluateRouting([disputes, fallback], tierA, lead)!.ruleId).toBe('fallback');
    expect(evaluateRouting([{ ...keyAccounts, active: false }, fallback], tierA, call)!.ruleId).toBe(
      'fallback',
    );
  });

  it('a rule without conditions catches everything; no rule, no decision', () => {
    expect(evaluateRouting([fallback], unknownCustomer, call)!.because).toBe('every inquiry');
    expect(evaluateRouting([keyAccounts], unknownCustomer, call)).toBeNull();
    expect(evaluateRouting([], tierA, call)).toBeNull();
  });

  it('always picks the first rule, in order, whose conditions hold (property)', () => {
    const condArb = fc.constantFrom<RoutingCondition>(
      { field: 'tier', op: 'eq', value: 'A' },
      { field: 'tier', op: 'eq', value: 'B' },
      { field: 'clv', op: 'gt', value: 1000 },
      { field: 'openCases', op: 'lt', value: 1 },
      { field: 'keywords', op: 'in', value: ['refund'] },
      { field: 'channel', op: 'eq', value: 'email' },
      { field: 'kind', op: 'eq', value: 'lead' },
      { field: 'known', op: 'eq', value: true },
    );
    const ruleArb = fc.record({
      active: fc.boolean(),
      match: fc.constantFrom<'all' | 'any'>('all', 'any'),
      conditions: fc.array(condArb, { maxLength: 3 }),
      kinds: fc.subarray(['case', 'lead', 'interaction'] as const),
    });
    const customerArb = fc.record({
      known: fc.boolean(),
      tier: fc.constantFrom(null, 'A', 'B'),
      clv: fc.option(fc.double({ min: 0, max: 5000, noNaN: true })),
      openCases: fc.nat(3),
    });
    const inquiryArb = fc.record({
      kind: fc.constantFrom<RoutingInquiry['kind']>('case', 'lead', 'interaction'),
      channel: fc.constantFrom('email', 'phone', null),
      text: fc.constantFrom('refund please', 'hello', ''),
    });
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 6 }), customerArb, inquiryArb, (raw, cust, inq) => {
        const rules = raw.map((r, i) => rule({ id: `r${i}`, ...r }));
        const customer = { ...unknownCustomer, ...cust };
        const d = evaluateRouting(rules, customer, inq);
        const holds = (r: RoutingRule) => {
          if (!r.active || (r.kinds.length && !r.kinds.includes(inq.kind))) return false;
          const hits = r.conditions.map((c) => conditionHolds(c, customer, inq) !== undefined);
          return !hits.length || (r.match === 'all' ? hits.every(Boolean) : hits.some(Boolean));
        };
        const first = rules.find(holds);
        expect(d?.ruleId ?? null).toBe(first?.id ?? null);
      }),
    );
  });
});

describe('routing rule input', () => {
  const base = { name: 'Key accounts', actions: { priority: 'high' } };
  it('accepts every operator its field allows and refuses the others with the field named', () => {
    for (const field of routingFieldNames) {
      for (const op of routingOps) {
        const r = routingConditionSchema.safeParse({ field, op, value: 1 });
        if (!r.success) {
          const paths = r.error.issues.map((i) => i.path.join('.'));
          expect(paths.some((p) => p === 'op' || p === 'value')).toBe(true);
        }
      }
    }
    const bad = routingConditionSchema.safeParse({ field: 'keywords', op: 'gt', value: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['op']);
  });

  it.each([
    [{ field: 'clv', op: 'gt', value: 'lots' }, 'must be a number'],
    [{ field: 'tier', op: 'in', value: 'A' }, 'must be a list of values'],
    [{ field: 'tier', op: 'eq', value: ['A'] }, 'must be a single value'],
    [{ field: 'lifecycleState', op: 'eq', value: 'sleeping' }, 'must be one of'],
    [{ field: 'tier', op: 'is_set', value: 'A' }, 'must be absent'],
    [{ field: 'known', op: 'eq', value: 'yes' }, 'must be true or false'],
  ])('refuses %j', (cond, message) => {
    const r = routingConditionSchema.safeParse(cond);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain(message);
  });

  it('needs a name and at least one action; defaults the rest', () => {
    const ok = routingRuleCreateSchema.parse(base);
    expect(ok).toMatchObject({ active: true, kinds: [], match: 'all', conditions: [] });
    expect(routingRuleCreateSchema.safeParse({ ...base, actions: {} }).success).toBe(false);
    expect(routingRuleCreateSchema.safeParse({ ...base, name: ' ' }).success).toBe(false);
    expect(
      routingRuleCreateSchema.safeParse({ ...base, actions: { assign: { to: 'round_robin' } } }).success,
    ).toBe(false);
    expect(routingRuleCreateSchema.safeParse({ ...base, owner: 'x' }).success).toBe(false);
  });

  it('describes conditions in words', () => {
    expect(describeCondition({ field: 'openCases', op: 'gte', value: 2 })).toBe('open cases ≥ 2');
    expect(describeCondition({ field: 'tier', op: 'in', value: ['A', 'B'] })).toBe('tier in A, B');
    expect(describeCondition({ field: 'npsCategory', op: 'eq', value: 'detractor' })).toBe('NPS detractor');
    expect(describeCondition({ field: 'clv', op: 'gt', value: 1_234_567.5 })).toBe('CLV > 1 234 567.5');
    expect(describeCondition({ field: 'region', op: 'is_not_set' })).toBe('region not set');
    const money = { money: (m: number) => formatMinor(m, 'EUR') };
    expect(describeCondition({ field: 'clv', op: 'gt', value: 1_000_000 }, money)).toBe('CLV > 10 000 EUR');
    expect(describeCondition({ field: 'clv', op: 'eq', value: 1_234 }, money)).toBe('CLV 12.34 EUR');
    expect(formatMinor(150_000, 'JPY')).toBe('150 000 JPY');
    expect(describeCondition({ field: 'keywords', op: 'not_in', value: ['spam'] })).toBe(
      'does not mention spam',
    );
  });
});
