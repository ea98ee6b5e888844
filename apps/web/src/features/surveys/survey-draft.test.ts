import { surveyCreateSchema } from '@relata/domain';
import { describe, expect, it } from 'vitest';
import {
  draftOf,
  emptyDraft,
  newQuestion,
  previewQuestions,
  questionsChanged,
  toKey,
  toPayload,
  uniqueKey,
} from './survey-draft.ts';
import type { Survey } from './surveys-api.ts';

const survey = (questions: Survey['questions']): Survey => ({
  id: 's1',
  name: 'After delivery',
  description: '',
  language: 'sv',
  status: 'open',
  linkDays: 30,
  currentVersion: 1,
  questions,
  ownerId: null,
  teamId: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
});

describe('survey drafts', () => {
  it('makes short lower_snake_case keys from question texts', () => {
    expect(toKey('Hur nöjd är du med leveransen?', 'q1')).toBe('hur_nojd_ar_du_med');
    expect(toKey('  2 things: price & speed ', 'q1')).toBe('things_price_speed');
    expect(toKey('Насколько вы довольны?', 'q3')).toBe('q3');
    expect(uniqueKey('recommend', new Set(['recommend', 'recommend_2']))).toBe('recommend_3');
  });

  it('turns a new survey into a valid request', () => {
    const draft = { ...emptyDraft('en', 'How likely are you to recommend us?'), name: 'NPS' };
    const choice = newQuestion('single_choice', new Set(['recommend']));
    choice.text = 'Which shop?';
    choice.options = choice.options.map((o, i) => ({ ...o, label: `Shop ${i + 1}`, value: `shop_${i + 1}` }));
    draft.questions.push(choice);
    const parsed = surveyCreateSchema.safeParse(toPayload(draft));
    expect(parsed.success).toBe(true);
    expect(toPayload(draft).questions[0]).toEqual({
      key: 'recommend',
      type: 'nps',
      text: 'How likely are you to recommend us?',
      required: true,
    });
  });

  it('sees no change in questions read back from the API, and a change when one is edited', () => {
    const s = survey([
      { key: 'nps', type: 'nps', text: 'Hur troligt?', texts: { en: 'How likely?' }, required: true },
      {
        key: 'shop',
        type: 'single_choice',
        text: 'Butik',
        options: [{ value: 'city', label: 'City' }],
        required: false,
        mapsTo: 'fact.shop',
      },
    ]);
    const draft = draftOf(s);
    expect(questionsChanged(draft, s)).toBe(false);
    // An empty translation is the same as none.
    draft.questions[0]!.texts.ru = '  ';
    expect(questionsChanged(draft, s)).toBe(false);
    draft.questions[1]!.required = true;
    expect(questionsChanged(draft, s)).toBe(true);
  });

  it('previews each question in the chosen language, falling back to the default text', () => {
    const draft = draftOf(
      survey([
        { key: 'nps', type: 'nps', text: 'Hur troligt?', texts: { en: 'How likely?' }, required: true },
      ]),
    );
    expect(previewQuestions(draft, 'en')[0]?.text).toBe('How likely?');
    expect(previewQuestions(draft, 'nb')[0]?.text).toBe('Hur troligt?');
  });

  it('carries option labels, name and introduction per language, blank ones left out', () => {
    const s = {
      ...survey([
        {
          key: 'shop',
          type: 'single_choice',
          text: 'Butik',
          options: [
            { value: 'city', label: 'Stan', labels: { en: 'Town' } },
            { value: 'web', label: 'Webben' },
          ],
          required: false,
        },
      ]),
      names: { en: 'After delivery' },
      descriptions: {},
    };
    const draft = draftOf(s);
    expect(questionsChanged(draft, s)).toBe(false);
    expect(previewQuestions(draft, 'en')[0]?.options).toEqual([
      { value: 'city', label: 'Town' },
      { value: 'web', label: 'Webben' },
    ]);
    draft.questions[0]!.options[1]!.labels.en = '  ';
    expect(questionsChanged(draft, s)).toBe(false);
    draft.questions[0]!.options[1]!.labels.nb = 'Nettet';
    expect(questionsChanged(draft, s)).toBe(true);
    draft.descriptions.en = ' Two questions ';
    draft.names.ru = '';
    const payload = toPayload(draft);
    expect(payload).toMatchObject({ names: { en: 'After delivery' }, descriptions: { en: 'Two questions' } });
    expect(payload.questions[0]?.options?.[1]).toEqual({
      value: 'web',
      label: 'Webben',
      labels: { nb: 'Nettet' },
    });
    expect(surveyCreateSchema.safeParse(payload).success).toBe(true);
  });
});
