import { describe, expect, it } from 'vitest';
import {
  type AttributeRule,
  type Behaviour,
  defaultLeadScoring,
  isFreeMail,
  type LeadScoreInput,
  leadScoringSchema,
  scoreLead,
} from './lead-scoring.ts';

const rules = leadScoringSchema.parse({
  attributeRules: [
    { id: 'se', field: 'country', op: 'eq', value: 'SE', points: 10 },
    { id: 'company', field: 'company', op: 'present', points: 5 },
    { id: 'free', field: 'email', op: 'free_mail', points: -10 },
    { id: 'nordic', field: 'country', op: 'in', value: ['NO', 'DK', 'FI'], points: 3 },
    { id: 'ceo', label: 'Decision maker', field: 'jobTitle', op: 'contains', value: 'ceo', points: 8 },
    { id: 'event', field: 'source', op: 'eq', value: 'event', points: 4 },
  ],
  behaviourRules: [
    { id: 'form', event: 'form_submitted', points: 10, maxOccurrences: 3 },
    { id: 'open', event: 'email_opened', points: 1, maxOccurrences: 5 },
    { id: 'reply', event: 'email_replied', points: 15 },
  ],
});

describe('scoreLead', () => {
  const table: [string, LeadScoreInput, Behaviour, number, string[]][] = [
    ['nothing matches', { email: 'a@acme.se' }, {}, 0, []],
    ['country = SE', { country: 'SE' }, {}, 10, ['country = SE']],
    ['country is matched case-insensitively', { country: 'se' }, {}, 10, ['country = SE']],
    ['company present', { company: 'Acme AB' }, {}, 5, ['company present']],
    ['blank company is absent', { company: '   ' }, {}, 0, []],
    ['free-mail', { email: 'anna@gmail.com' }, {}, -10, ['email is free-mail']],
    ['business mail is not free-mail', { email: 'anna@acme.se' }, {}, 0, []],
    ['in a list', { country: 'NO' }, {}, 3, ['country in NO, DK, FI']],
    ['label wins over the description', { jobTitle: 'CEO & founder' }, {}, 8, ['Decision maker']],
    ['form submitted once', {}, { form_submitted: 1 }, 10, ['form submitted']],
    ['form submitted five times, capped at three', {}, { form_submitted: 5 }, 30, ['form submitted ×3']],
    ['email opened twice', {}, { email_opened: 2 }, 2, ['email opened ×2']],
    ['negative counts give nothing', {}, { email_replied: -3 }, 0, []],
    [
      'everything adds up, in rule order',
      { country: 'SE', company: 'Acme', email: 'x@hotmail.com', source: 'event' },
      { form_submitted: 1, email_replied: 1 },
      10 + 5 - 10 + 4 + 10 + 15,
      [
        'country = SE',
        'company present',
        'email is free-mail',
        'source = event',
        'form submitted',
        'email replied',
      ],
    ],
  ];
  it.each(table)('%s', (_name, lead, behaviour, score, reasons) => {
    const r = scoreLead(lead, behaviour, rules);
    expect(r.score).toBe(score);
    expect(r.reasons.map((x) => x.rule)).toEqual(reasons);
    expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(score);
  });

  it('names the rule behind every reason', () => {
    const r = scoreLead({ country: 'SE' }, { form_submitted: 2 }, rules);
    expect(r.reasons).toEqual([
      { ruleId: 'se', rule: 'country = SE', points: 10 },
      { ruleId: 'form', rule: 'form submitted ×2', points: 20 },
    ]);
  });

  it('operators: neq, not_in, absent, business_mail, emailDomain', () => {
    const rule = (r: Omit<AttributeRule, 'id' | 'points'>) =>
      leadScoringSchema.parse({ attributeRules: [{ id: 'x', points: 1, ...r }] });
    const s = (r: Omit<AttributeRule, 'id' | 'points'>, lead: LeadScoreInput) =>
      scoreLead(lead, {}, rule(r)).score;
    expect(s({ field: 'country', op: 'neq', value: 'SE' }, { country: 'NO' })).toBe(1);
    expect(s({ field: 'country', op: 'neq', value: 'SE' }, { country: 'SE' })).toBe(0);
    expect(s({ field: 'country', op: 'neq', value: 'SE' }, {})).toBe(1);
    expect(s({ field: 'country', op: 'not_in', value: ['SE', 'NO'] }, { country: 'FI' })).toBe(1);
    expect(s({ field: 'country', op: 'not_in', value: ['SE', 'NO'] }, { country: 'NO' })).toBe(0);
    expect(s({ field: 'phone', op: 'absent' }, {})).toBe(1);
    expect(s({ field: 'phone', op: 'absent' }, { phone: '+46701234567' })).toBe(0);
    expect(s({ field: 'email', op: 'business_mail' }, { email: 'a@acme.se' })).toBe(1);
    expect(s({ field: 'email', op: 'business_mail' }, { email: 'a@yandex.ru' })).toBe(0);
    expect(s({ field: 'email', op: 'business_mail' }, {})).toBe(0);
    expect(s({ field: 'emailDomain', op: 'eq', value: 'acme.se' }, { email: 'Anna@ACME.se' })).toBe(1);
    expect(s({ field: 'emailDomain', op: 'free_mail' }, { email: 'a@mail.ru' })).toBe(1);
  });

  it('admin-added free-mail domains count', () => {
    const withIsp = leadScoringSchema.parse({
      attributeRules: [{ id: 'free', field: 'email', op: 'free_mail', points: -5 }],
      freeMailDomains: ['Example-ISP.se'],
    });
    expect(scoreLead({ email: 'a@example-isp.se' }, {}, withIsp).score).toBe(-5);
    expect(isFreeMail('a@example-isp.se')).toBe(false);
    expect(isFreeMail('gmail.com')).toBe(true);
  });

  it('scores by the default rules', () => {
    const r = scoreLead(
      { company: 'Acme', phone: '+46701234567' },
      { form_submitted: 1 },
      defaultLeadScoring,
    );
    expect(r.score).toBe(25);
  });
});

describe('scoring rules', () => {
  it('refuse values that do not fit the operator and duplicate ids', () => {
    const bad = leadScoringSchema.safeParse({
      attributeRules: [
        { id: 'a', field: 'company', op: 'present', value: 'x', points: 1 },
        { id: 'b', field: 'country', op: 'in', value: 'SE', points: 1 },
        { id: 'c', field: 'country', op: 'eq', points: 1 },
        { id: 'd', field: 'company', op: 'free_mail', points: 1 },
        { id: 'a', field: 'country', op: 'eq', value: 'SE', points: 1 },
      ],
      behaviourRules: [{ id: 'f', event: 'form_submitted', points: 5000 }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual([
      'attributeRules.0.value',
      'attributeRules.1.value',
      'attributeRules.2.value',
      'attributeRules.3.op',
      'attributeRules.4.id',
      'behaviourRules.0.points',
    ]);
  });
});
