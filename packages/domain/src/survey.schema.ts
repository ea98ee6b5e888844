// Surveys: questions (NPS, rating, choice, text, date, number), answers and NPS categories.
import { z } from 'zod';
import { idSchema, type Language, languages } from './common.ts';

export const questionTypes = [
  'nps',
  'rating',
  'single_choice',
  'multiple_choice',
  'text',
  'date',
  'number',
] as const;
export type QuestionType = (typeof questionTypes)[number];

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'must be a lower_snake_case key');

/** Translations of a text by language (`{ sv: '…', nb: '…' }`); the respondent sees their own. */
const translations = (max: number) => z.partialRecord(z.enum(languages), z.string().trim().max(max));

export const surveyOptionSchema = z
  .object({
    value: key,
    label: z.string().trim().min(1).max(200),
    /** Translations of the label by language. */
    labels: translations(200).optional(),
  })
  .strict();
export type SurveyOption = z.infer<typeof surveyOptionSchema>;

export const surveyQuestionSchema = z
  .object({
    key,
    type: z.enum(questionTypes),
    text: z.string().trim().min(1, 'is required').max(500),
    /** Translations of the text by language. */
    texts: translations(500).optional(),
    options: z.array(surveyOptionSchema).max(50).optional(),
    required: z.boolean().default(false),
    /** Store the answer on the profile: a fact key (`fact.<key>`) or a custom field (`custom.<key>`). */
    mapsTo: z
      .string()
      .trim()
      .regex(/^(fact|custom)\.[a-z][a-z0-9_]{0,49}$/, 'must be fact.<key> or custom.<key>')
      .nullish(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const choice = q.type === 'single_choice' || q.type === 'multiple_choice';
    if (choice && !q.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs options' });
    if (!choice && q.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
  });
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

const questions = z
  .array(surveyQuestionSchema)
  .min(1, 'a survey needs a question')
  .max(50)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'keys must be unique' });
      seen.add(q.key);
    });
  });

export const surveyCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    description: z.string().trim().max(2000).default(''),
    /** Translations of the name and the description by language. */
    names: translations(200).default({}),
    descriptions: translations(2000).default({}),
    /** Default language of the response page; each respondent sees their own when translated. */
    language: z.enum(languages).default('en'),
    questions,
    /** Days a personal link stays valid. */
    linkDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();
export type SurveyCreate = z.infer<typeof surveyCreateSchema>;

export const surveyUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    names: translations(200).optional(),
    descriptions: translations(2000).optional(),
    language: z.enum(languages).optional(),
    questions: questions.optional(),
    linkDays: z.number().int().min(1).max(365).optional(),
    status: z.enum(['draft', 'open', 'closed']).optional(),
  })
  .strict();
export type SurveyUpdate = z.infer<typeof surveyUpdateSchema>;

export const invitationCreateSchema = z
  .object({
    contactIds: z.array(idSchema).min(1).max(1000),
    /** Also send the link by email (through the outbox), to contacts who allow surveys by email. */
    sendEmail: z.boolean().default(false),
  })
  .strict();
export type InvitationCreate = z.infer<typeof invitationCreateSchema>;

export const responseSubmitSchema = z.object({ answers: z.record(key, z.unknown()) }).strict();
export type ResponseSubmit = z.infer<typeof responseSubmitSchema>;

export type AnswerValue = number | string | string[];

/** A text in `language` when translated (and not blank), else the default text. */
export const translated = (
  text: string,
  texts: Partial<Record<Language, string>> | undefined,
  language: string | null | undefined,
): string => (language ? texts?.[language as Language]?.trim() : undefined) || text;

/** Checks each answer against its question; unknown keys and missing required answers are errors. */
export function validateAnswers(
  qs: readonly SurveyQuestion[],
  answers: Record<string, unknown>,
): { values: Record<string, AnswerValue>; errors: { field: string; code: string; message: string }[] } {
  const values: Record<string, AnswerValue> = {};
  const errors: { field: string; code: string; message: string }[] = [];
  const byKey = new Map(qs.map((q) => [q.key, q]));
  for (const k of Object.keys(answers)) {
    if (!byKey.has(k))
      errors.push({ field: `answers.${k}`, code: 'unknown_field', message: 'no such question' });
  }
  for (const q of qs) {
    const v = answers[q.key];
    const field = `answers.${q.key}`;
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
      if (q.required) errors.push({ field, code: 'required', message: 'is required' });
      continue;
    }
    const bad = (message: string) => errors.push({ field, code: 'invalid_value', message });
    const options = new Set((q.options ?? []).map((o) => o.value));
    switch (q.type) {
      case 'nps':
        if (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10) values[q.key] = v as number;
        else bad('must be a whole number from 0 to 10');
        break;
      case 'rating':
        if (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5) values[q.key] = v as number;
        else bad('must be a whole number from 1 to 5');
        break;
      case 'number':
        if (typeof v === 'number' && Number.isFinite(v)) values[q.key] = v;
        else bad('must be a number');
        break;
      case 'text':
        if (typeof v === 'string' && v.length <= 5000) values[q.key] = v.trim();
        else bad('must be text of at most 5,000 characters');
        break;
      case 'date':
        if (
          typeof v === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(v) &&
          !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
        )
          values[q.key] = v;
        else bad('must be a date YYYY-MM-DD');
        break;
      case 'single_choice':
        if (typeof v === 'string' && options.has(v)) values[q.key] = v;
        else bad('must be one of the options');
        break;
      case 'multiple_choice':
        if (Array.isArray(v) && v.length <= 50 && v.every((x) => typeof x === 'string' && options.has(x)))
          values[q.key] = [...new Set(v as string[])];
        else bad('must be a list of the options');
        break;
    }
  }
  return { values, errors };
}

export const npsCategories = ['promoter', 'passive', 'detractor'] as const;
export type NpsCategory = (typeof npsCategories)[number];

/** 9–10 promoter ("advocate"), 7–8 passive, 0–6 detractor. */
export const npsCategory = (score: number): NpsCategory =>
  score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';

/** NPS = % promoters − % detractors (−100 to 100), null without answers. */
export function npsScore(counts: { promoters: number; passives: number; detractors: number }): number | null {
  const n = counts.promoters + counts.passives + counts.detractors;
  return n === 0 ? null : Math.round(((counts.promoters - counts.detractors) / n) * 1000) / 10;
}
