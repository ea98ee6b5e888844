import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearWithheld, consentChannels, dropWithheldChanges, mergeConsents } from './consent.ts';
import { surveyCreateSchema, surveyQuestionSchema, translated } from './survey.schema.ts';

const at = (iso: string) => new Date(iso);
type Row = {
  purpose: string;
  channel: 'email' | 'phone' | 'sms' | 'post';
  status: 'granted' | 'denied' | 'unknown';
  recordedAt: Date;
  from: string;
};

describe('merging consent of two contacts', () => {
  it('keeps the most recent decision per purpose and channel; unknown never replaces one', () => {
    const target: Row[] = [
      { purpose: 'marketing', channel: 'email', status: 'granted', recordedAt: at('2025-01-01'), from: 't' },
      { purpose: 'surveys', channel: 'email', status: 'denied', recordedAt: at('2024-01-01'), from: 't' },
      { purpose: 'profiling', channel: 'sms', status: 'granted', recordedAt: at('2025-05-01'), from: 't' },
    ];
    const source: Row[] = [
      { purpose: 'marketing', channel: 'email', status: 'denied', recordedAt: at('2025-06-01'), from: 's' },
      { purpose: 'surveys', channel: 'email', status: 'unknown', recordedAt: at('2026-01-01'), from: 's' },
      { purpose: 'profiling', channel: 'sms', status: 'denied', recordedAt: at('2025-05-01'), from: 's' },
      { purpose: 'marketing', channel: 'post', status: 'granted', recordedAt: at('2020-01-01'), from: 's' },
    ];
    const kept = mergeConsents(target, source);
    const of = (p: string, c: string) => kept.find((k) => k.purpose === p && k.channel === c);
    expect(of('marketing', 'email')).toMatchObject({ status: 'denied', from: 's' });
    expect(of('surveys', 'email')).toMatchObject({ status: 'denied', from: 't' });
    expect(of('profiling', 'sms')).toMatchObject({ status: 'denied', from: 's' }); // same moment: denial
    expect(of('marketing', 'post')).toMatchObject({ status: 'granted', from: 's' });
    expect(kept).toHaveLength(4);
  });

  it('never turns a pair with a denial into a grant unless the grant is later', () => {
    const row = fc.record({
      purpose: fc.constantFrom('marketing', 'surveys'),
      channel: fc.constantFrom(...consentChannels),
      status: fc.constantFrom('granted' as const, 'denied' as const, 'unknown' as const),
      recordedAt: fc.integer({ min: 0, max: 10 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d))),
      from: fc.constant('x'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.purpose + r.channel }),
        fc.uniqueArray(row, { selector: (r) => r.purpose + r.channel }),
        (a, b) => {
          for (const k of mergeConsents(a, b)) {
            const both = [...a, ...b].filter((r) => r.purpose === k.purpose && r.channel === k.channel);
            const denial = both.find((r) => r.status === 'denied');
            if (denial && k.status !== 'denied')
              expect(k.status === 'granted' && k.recordedAt > denial.recordedAt).toBe(true);
          }
        },
      ),
    );
  });
});

describe('clearing withheld fields', () => {
  it('drops the values of withheld fields, custom ones by key', () => {
    const p = {
      firstName: 'Ann',
      jobTitle: 'CEO',
      emails: [{ address: 'a@b.se' }],
      phones: [{ number: '+4670' }],
      address: { city: 'Lund' },
      language: 'sv',
      custom: { income: 1, shoe: 40 },
    };
    expect(clearWithheld(p, ['phones', 'custom.income', 'language'])).toEqual({
      ...p,
      phones: [],
      language: null,
      custom: { shoe: 40 },
    });
    expect(clearWithheld(p, [])).toEqual(p);
  });

  it('keeps no withheld value in an audit diff', () => {
    const changes = {
      jobTitle: { from: 'CEO', to: null },
      firstName: { from: 'A', to: 'B' },
      custom: { from: { income: 1, shoe: 40 }, to: { shoe: 40 } },
      withheldFields: { from: [], to: ['jobTitle', 'custom.income'] },
    };
    expect(dropWithheldChanges(changes, ['jobTitle', 'custom.income'])).toEqual({
      firstName: { from: 'A', to: 'B' },
      withheldFields: { from: [], to: ['jobTitle', 'custom.income'] },
    });
    expect(dropWithheldChanges(changes, [])).toEqual(changes);
  });
});

describe('survey translations', () => {
  it('takes option labels, name and description per language, and stays compatible without them', () => {
    const old = surveyCreateSchema.parse({
      name: 'NPS',
      questions: [{ key: 'nps', type: 'nps', text: 'Recommend us?' }],
    });
    expect(old).toMatchObject({ names: {}, descriptions: {}, description: '' });
    const q = surveyQuestionSchema.parse({
      key: 'colour',
      type: 'single_choice',
      text: 'Colour?',
      options: [{ value: 'red', label: 'Red', labels: { sv: 'Röd', ru: 'Красный' } }],
    });
    expect(q.options?.[0]?.labels).toEqual({ sv: 'Röd', ru: 'Красный' });
    expect(
      surveyQuestionSchema.safeParse({
        key: 'c',
        type: 'single_choice',
        text: 'C?',
        options: [{ value: 'a', label: 'A', labels: { de: 'A' } }],
      }).success,
    ).toBe(false);
    expect(translated('Red', { sv: 'Röd' }, 'sv')).toBe('Röd');
    expect(translated('Red', { sv: '  ' }, 'sv')).toBe('Red');
    expect(translated('Red', { sv: 'Röd' }, 'nb')).toBe('Red');
    expect(translated('Red', undefined, null)).toBe('Red');
  });
});
