/** The export's sales and service sections, through the features' own presenters. */
import { presentCase, presentDispute } from '../cases/cases.presenter.ts';
import { presentDeal } from '../deals/deals.presenter.ts';
import { presentActivity, presentLead } from '../leads/leads.presenter.ts';
import { presentQuote } from '../quotes/quotes.presenter.ts';
import type { SalesAndServiceData } from './privacy-sales.repository.ts';

export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export function presentSalesAndService(d: SalesAndServiceData, now: Date) {
  const activities = groupBy(d.leadActivities, (a) => a.leadId);
  const disputeOfCase = new Map(d.disputes.filter((x) => x.caseId).map((x) => [x.caseId, x]));
  const dealLines = groupBy(d.dealLines, (l) => l.dealId);
  const moves = groupBy(d.dealMoves, (m) => m.dealId);
  const quoteLines = groupBy(d.quoteLines, (l) => l.quoteId);
  const revisions = groupBy(d.quoteRevisions, (r) => r.quoteId);
  const today = now.toISOString().slice(0, 10);
  return {
    leads: d.leads.map((l) => ({
      ...presentLead(l),
      activities: (activities.get(l.id) ?? []).map(presentActivity),
    })),
    cases: d.cases.map((c) => presentCase(c, now, { dispute: disputeOfCase.get(c.id) ?? null })),
    disputes: d.disputes.map((d) => presentDispute(d)),
    deals: d.deals.map((x) => ({
      ...presentDeal(x, { now, lines: dealLines.get(x.id) ?? [] }),
      stageHistory: (moves.get(x.id) ?? []).map((m) => ({
        id: m.id,
        fromStageId: m.fromStageId,
        fromStageName: m.fromStageName,
        toStageId: m.toStageId,
        toStageName: m.toStageName,
        movedBy: m.movedBy,
        movedAt: m.movedAt.toISOString(),
        secondsInFrom: m.secondsInFrom,
      })),
    })),
    quotes: d.quotes.map((q) => ({
      ...presentQuote(q, { today, lines: quoteLines.get(q.id) ?? [] }),
      // Earlier versions as they were sent (the current one is the quote itself).
      revisions: (revisions.get(q.id) ?? []).map((r) => ({
        revision: r.revision,
        status: r.status,
        snapshot: r.snapshot,
        createdBy: r.createdBy,
        createdAt: r.createdAt.toISOString(),
      })),
    })),
  };
}
