// Dispute recognition: an inbound interaction or a case is flagged as a potential dispute when it
// mentions words such as refund or chargeback, comes from a recent NPS detractor, or is one of
// several contacts within a few days. The reasons are kept and shown.
import { z } from 'zod';
import { keywordsIn } from '../routing/routing.ts';

export const disputeStatuses = ['open', 'investigating', 'resolved', 'rejected'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];

/** Words that signal a dispute, in the languages of the product. */
export const defaultDisputeKeywords = [
  'refund',
  'chargeback',
  'complaint',
  'complain',
  'cancel',
  'dispute',
  'lawyer',
  'money back',
  'återbetalning',
  'reklamation',
  'klagomål',
  'avboka',
  'säga upp',
  'refusjon',
  'reklamasjon',
  'klage',
  'avbestill',
  'si opp',
  'возврат',
  'вернуть деньги',
  'жалоб',
  'претензи',
  'отмен',
] as const;

export const disputeSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    keywords: z
      .array(z.string().trim().min(2).max(100))
      .max(200)
      .default([...defaultDisputeKeywords]),
    /** A detractor answer within this many days flags the customer's inquiries; 0 turns it off. */
    detractorDays: z.number().int().min(0).max(365).default(30),
    /** This many inbound contacts (this one included) within `repeatDays` flag it; 0 turns it off. */
    repeatCount: z.number().int().min(0).max(100).default(3),
    repeatDays: z.number().int().min(1).max(90).default(7),
  })
  .strict();
export type DisputeSettings = z.infer<typeof disputeSettingsSchema>;
export const defaultDisputeSettings: DisputeSettings = disputeSettingsSchema.parse({});

export type DisputeReason =
  | { rule: 'keywords'; words: string[] }
  | { rule: 'detractor'; score: number | null; answeredAt: string }
  | { rule: 'repeat'; count: number; days: number };

export type DisputeSignals = {
  subject: string;
  text: string;
  npsCategory: string | null;
  npsScore: number | null;
  npsAnsweredAt: Date | null;
  /** Inbound interactions and cases of the customer within `repeatDays`, this one included. */
  recentContacts: number;
  now: Date;
};

const DAY = 86_400_000;

/** The reasons an inquiry looks like a dispute; empty when it does not. */
export function detectDispute(s: DisputeSignals, settings: DisputeSettings): DisputeReason[] {
  if (!settings.enabled) return [];
  const reasons: DisputeReason[] = [];
  const words = keywordsIn(`${s.subject}\n${s.text}`, settings.keywords);
  if (words.length) reasons.push({ rule: 'keywords', words });
  if (
    settings.detractorDays > 0 &&
    s.npsCategory === 'detractor' &&
    s.npsAnsweredAt &&
    s.now.getTime() - s.npsAnsweredAt.getTime() <= settings.detractorDays * DAY
  ) {
    reasons.push({ rule: 'detractor', score: s.npsScore, answeredAt: s.npsAnsweredAt.toISOString() });
  }
  if (settings.repeatCount > 0 && s.recentContacts >= settings.repeatCount)
    reasons.push({ rule: 'repeat', count: s.recentContacts, days: settings.repeatDays });
  return reasons;
}

function describeReason(r: DisputeReason): string {
  switch (r.rule) {
    case 'keywords':
      return `mentions ${r.words.join(', ')}`;
    case 'detractor':
      return `NPS detractor${r.score === null ? '' : ` (${r.score})`}`;
    case 'repeat':
      return `${r.count} contacts in ${r.days} days`;
  }
}

/** The reasons in words: "mentions refund; NPS detractor (3); 4 contacts in 7 days". */
export const describeDispute = (reasons: readonly DisputeReason[]): string =>
  reasons.map(describeReason).join('; ');

export const disputeUpdateSchema = z
  .object({
    status: z.enum(disputeStatuses).optional(),
    ownerId: z.uuid({ message: 'must be a UUID' }).nullable().optional(),
    resolution: z.string().trim().max(5000).optional(),
  })
  .strict();
export type DisputeUpdate = z.infer<typeof disputeUpdateSchema>;
