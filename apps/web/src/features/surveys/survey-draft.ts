/** The survey editor's state and its conversion to and from the API's survey. */
import type { Language, QuestionType, SurveyQuestion } from '@relata/domain';
import type { PublicQuestion } from '../survey-response/respond-api.ts';
import type { Survey } from './surveys-api.ts';

type Texts = Partial<Record<Language, string>>;

export type OptionDraft = {
  id: string;
  value: string;
  label: string;
  /** The label in other languages. */
  labels: Texts;
  valueEdited: boolean;
};

export type QuestionDraft = {
  id: string;
  key: string;
  /** Until the key is typed by hand it follows the question text. */
  keyEdited: boolean;
  type: QuestionType;
  text: string;
  texts: Texts;
  options: OptionDraft[];
  required: boolean;
  /** `fact.<key>`, `custom.<key>` or null. */
  mapsTo: string | null;
};

export type SurveyDraft = {
  name: string;
  description: string;
  /** Name and description in other languages. */
  names: Texts;
  descriptions: Texts;
  language: Language;
  linkDays: number;
  questions: QuestionDraft[];
};

/** A question as the API takes it. */
export type QuestionInput = Omit<SurveyQuestion, 'required'> & { required: boolean };

let seq = 0;
const uid = () => `d${++seq}`;

export const isChoice = (type: QuestionType) => type === 'single_choice' || type === 'multiple_choice';

/**
 * A short lower_snake_case key from free text ("Hur nöjd är du?" → "hur_nojd_ar_du"): whole words
 * up to about 24 characters; `fallback` when nothing usable is left (e.g. Cyrillic text).
 */
export function toKey(text: string, fallback: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length && !/^[a-z]/.test(words[0] ?? '')) words.shift();
  let key = '';
  for (const w of words) {
    const next = key ? `${key}_${w}` : w;
    if (key && next.length > 24) break;
    key = next.slice(0, 40);
  }
  return key || fallback;
}

/** `base`, or `base_2`, `base_3`… when taken. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

export function newOption(label = '', index = 0): OptionDraft {
  return { id: uid(), label, labels: {}, value: toKey(label, `option_${index + 1}`), valueEdited: false };
}

export function newQuestion(type: QuestionType, taken: ReadonlySet<string>): QuestionDraft {
  const base = type === 'nps' ? 'recommend' : `q${taken.size + 1}`;
  return {
    id: uid(),
    key: uniqueKey(base, taken),
    keyEdited: false,
    type,
    text: '',
    texts: {},
    options: isChoice(type) ? [newOption('', 0), newOption('', 1)] : [],
    required: type === 'nps',
    mapsTo: null,
  };
}

/** A new survey: one NPS question with the usual wording (`npsText`, in the builder's language). */
export function emptyDraft(language: Language, npsText: string): SurveyDraft {
  const nps = { ...newQuestion('nps', new Set()), text: npsText };
  return { name: '', description: '', names: {}, descriptions: {}, language, linkDays: 30, questions: [nps] };
}

export function draftOf(s: Survey): SurveyDraft {
  return {
    name: s.name,
    description: s.description,
    names: { ...(s.names ?? {}) },
    descriptions: { ...(s.descriptions ?? {}) },
    language: s.language,
    linkDays: s.linkDays,
    questions: s.questions.map((q) => ({
      id: uid(),
      key: q.key,
      keyEdited: true,
      type: q.type,
      text: q.text,
      texts: { ...(q.texts ?? {}) },
      options: (q.options ?? []).map((o) => ({
        id: uid(),
        value: o.value,
        label: o.label,
        labels: { ...(o.labels ?? {}) },
        valueEdited: true,
      })),
      required: q.required,
      mapsTo: q.mapsTo ?? null,
    })),
  };
}

/** Translations trimmed, blank ones left out, in a stable order. */
export function cleanTexts(texts: Texts | undefined): Texts {
  return Object.fromEntries(
    Object.entries(texts ?? {})
      .map(([l, v]) => [l, (v ?? '').trim()])
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  ) as Texts;
}

/** One question in a canonical shape: empty parts left out, so two versions compare as JSON. */
function canonical(q: {
  key: string;
  type: QuestionType;
  text: string;
  texts?: Texts | undefined;
  options?: { value: string; label: string; labels?: Texts | undefined }[] | undefined;
  required?: boolean | undefined;
  mapsTo?: string | null | undefined;
}): QuestionInput {
  const texts = cleanTexts(q.texts);
  const option = (o: { value: string; label: string; labels?: Texts | undefined }) => {
    const labels = cleanTexts(o.labels);
    return {
      value: o.value.trim(),
      label: o.label.trim(),
      ...(Object.keys(labels).length ? { labels } : {}),
    };
  };
  return {
    key: q.key.trim(),
    type: q.type,
    text: q.text.trim(),
    ...(Object.keys(texts).length ? { texts } : {}),
    ...(isChoice(q.type) ? { options: (q.options ?? []).map(option) } : {}),
    required: q.required ?? false,
    ...(q.mapsTo ? { mapsTo: q.mapsTo } : {}),
  };
}

export function questionsOf(draft: SurveyDraft): QuestionInput[] {
  return draft.questions.map(canonical);
}

export function toPayload(draft: SurveyDraft) {
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    names: cleanTexts(draft.names),
    descriptions: cleanTexts(draft.descriptions),
    language: draft.language,
    linkDays: draft.linkDays,
    questions: questionsOf(draft),
  };
}

/** Whether the draft's questions differ from the saved ones (which, once sent, makes a new version). */
export function questionsChanged(draft: SurveyDraft, survey: Survey): boolean {
  return JSON.stringify(questionsOf(draft)) !== JSON.stringify(survey.questions.map(canonical));
}

/** The questions as a respondent in `language` sees them (for the preview). */
export function previewQuestions(draft: SurveyDraft, language: Language): PublicQuestion[] {
  return draft.questions.map((q) => ({
    key: q.key,
    type: q.type,
    text: q.texts[language]?.trim() || q.text,
    ...(isChoice(q.type)
      ? { options: q.options.map((o) => ({ value: o.value, label: o.labels[language]?.trim() || o.label })) }
      : {}),
    required: q.required,
  }));
}

/** The custom field types an answer of each question type can be stored in. */
export const mappableFieldTypes: Record<QuestionType, readonly string[]> = {
  nps: ['number'],
  rating: ['number'],
  number: ['number'],
  text: ['text', 'long_text', 'email', 'phone', 'url'],
  date: ['date'],
  single_choice: ['select', 'text'],
  multiple_choice: ['multi_select'],
};
