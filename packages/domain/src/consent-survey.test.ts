import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayContact, withheldViolations } from './consent.ts';
import { npsCategory, npsScore, surveyCreateSchema, validateAnswers } from './survey.schema.ts';

describe('mayContact', () => {
  it('needs a grant for marketing, profiling and sharing; allows surveys unless denied', () => {
    const none = { consents: [] };
    expect(mayContact(none, 'marketing', 'email')).toEqual({ allowed: false, reason: 'no_consent' });
    expect(mayContact(none, 'surveys', 'email')).toEqual({ allowed: true, reason: 'not_denied' });
    const c = {
      consents: [
        { purpose: 'marketing', channel: 'email' as const, status: 'granted' as const },
        { purpose: 'surveys', channel: 'email' as const, status: 'denied' as const },
        { purpose: 'marketing', channel: 'sms' as const, status: 'unknown' as const },
      ],
    };
    expect(mayContact(c, 'marketing', 'email').allowed).toBe(true);
    expect(mayContact(c, 'marketing', 'sms')).toEqual({ allowed: false, reason: 'no_consent' });
    expect(mayContact(c, 'surveys', 'email')).toEqual({ allowed: false, reason: 'denied' });
    expect(mayContact(c, 'surveys', 'phone').allowed).toBe(true);
  });
});

describe('withheld fields', () => {
  it('refuses values for withheld fields but allows clearing them', () => {
    const w = ['jobTitle', 'phones', 'custom.income'];
    expect(withheldViolations(w, { jobTitle: 'CEO', firstName: 'A' })).toEqual(['jobTitle']);
    expect(withheldViolations(w, { jobTitle: null, phones: [] })).toEqual([]);
    expect(withheldViolations(w, { custom: { income: 1 } })).toEqual(['custom.income']);
    expect(withheldViolations(w, { custom: { other: 1 } })).toEqual([]);
  });
});

describe('survey answers', () => {
  const survey = surveyCreateSchema.parse({
    name: 'After delivery',
    questions: [
      { key: 'nps', type: 'nps', text: 'Would you recommend us?', required: true, mapsTo: 'fact.nps' },
      { key: 'speed', type: 'rating', text: 'Delivery speed' },
      {
        key: 'liked',
        type: 'multiple_choice',
        text: 'What did you like?',
        options: [
          { value: 'price', label: 'Price' },
          { value: 'quality', label: 'Quality' },
        ],
      },
      { key: 'born', type: 'date', text: 'Birthday', mapsTo: 'custom.birth_date' },
    ],
  });

  it('validates each type and names the failing answers', () => {
    const ok = validateAnswers(survey.questions, {
      nps: 9,
      speed: 4,
      liked: ['price', 'price'],
      born: '1980-02-29',
    });
    expect(ok.errors).toEqual([]);
    expect(ok.values).toEqual({ nps: 9, speed: 4, liked: ['price'], born: '1980-02-29' });
    const bad = validateAnswers(survey.questions, {
      nps: 11,
      speed: 0,
      liked: ['x'],
      born: 'soon',
      extra: 1,
    });
    expect(bad.errors.map((e) => e.field).sort()).toEqual(
      ['answers.born', 'answers.extra', 'answers.liked', 'answers.nps', 'answers.speed'].sort(),
    );
    expect(validateAnswers(survey.questions, {}).errors).toEqual([
      { field: 'answers.nps', code: 'required', message: 'is required' },
    ]);
  });

  it('rejects choice questions without options and duplicate keys', () => {
    const r = surveyCreateSchema.safeParse({
      name: 'x',
      questions: [
        { key: 'a', type: 'single_choice', text: 'A?' },
        { key: 'a', type: 'text', text: 'B?', options: [{ value: 'y', label: 'Y' }] },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'questions.0.options',
      'questions.1.key',
      'questions.1.options',
    ]);
  });
});

describe('NPS', () => {
  it('categorises 0–6, 7–8, 9–10 and scores % promoters − % detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(npsScore({ promoters: 5, passives: 3, detractors: 2 })).toBe(30);
    expect(npsScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (p, n, d) => {
        const s = npsScore({ promoters: p, passives: n, detractors: d });
        if (p + n + d === 0) return s === null;
        return s! >= -100 && s! <= 100;
      }),
    );
  });
});
