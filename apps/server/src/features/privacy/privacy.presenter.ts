/** The export as the API sends it: the features' own presenters where they exist. */
import { presentAttachment } from '../attachments/attachments.presenter.ts';
import { presentAudit } from '../audit/audit.presenter.ts';
import { presentConsent } from '../consent/consent.service.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import type { ContactRow } from '../contacts/contacts.repository.ts';
import { presentEmail } from '../email/email.presenter.ts';
import { presentInteraction } from '../interactions/interactions.presenter.ts';
import type { Participant } from '../interactions/interactions.repository.ts';
import { presentInvoice } from '../invoices/invoices.presenter.ts';
import { presentNote } from '../notes/notes.service.ts';
import { presentOrder } from '../orders/orders.presenter.ts';
import { presentTask } from '../tasks/tasks.service.ts';
import { presentWarranty } from '../warranties/warranties.service.ts';
import type { ContactData } from './privacy.repository.ts';
import { groupBy, presentSalesAndService } from './privacy-sales.presenter.ts';
import type { SalesAndServiceData } from './privacy-sales.repository.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentExport(contact: ContactRow, d: ContactData, sales: SalesAndServiceData, now: Date) {
  const participants = groupBy(d.participants, (p) => p.interactionId);
  const lines = groupBy(d.orderLines, (l) => l.orderId);
  const paid = groupBy(d.payments, (p) => p.invoiceId);
  const v = d.customerValue;
  return {
    exportedAt: now.toISOString(),
    contact: presentContact(contact),
    relationships: d.relationships.map((r) => ({
      id: r.id,
      type: r.type,
      fromType: r.fromType,
      fromId: r.fromId,
      toType: r.toType,
      toId: r.toId,
      since: r.since,
      until: r.until,
      notes: r.notes,
      createdAt: r.createdAt.toISOString(),
    })),
    interactions: d.interactions.map((i) =>
      presentInteraction(
        i,
        (participants.get(i.id) ?? []).map(
          (p): Participant => ({ type: p.participantType, id: p.participantId }),
        ),
      ),
    ),
    tasks: d.tasks.map((t) => presentTask(t, now)),
    notes: d.notes.map(presentNote),
    emails: d.emails.map(presentEmail),
    // Metadata here; the zip export holds the files too (attachments/).
    attachments: d.attachments.map(presentAttachment),
    consents: {
      current: d.consents.map(presentConsent),
      history: d.consentHistory.map(presentConsent),
    },
    facts: d.facts.map((f) => ({
      id: f.id,
      key: f.key,
      value: f.value,
      source: f.source,
      surveyId: f.surveyId,
      questionKey: f.questionKey,
      responseId: f.responseId,
      recordedAt: f.recordedAt.toISOString(),
    })),
    surveyResponses: d.surveyResponses.map((r) => ({
      id: r.id,
      surveyId: r.surveyId,
      surveyName: r.surveyName,
      version: r.version,
      answers: r.answers,
      interactionId: r.interactionId,
      submittedAt: r.submittedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      edits: r.edits,
    })),
    orders: d.orders.map((o) => presentOrder(o, lines.get(o.id) ?? [])),
    invoices: d.invoices.map((i) => presentInvoice(i, now, paid.get(i.id) ?? [])),
    warranties: d.warranties.map((w) => presentWarranty(w, now)),
    // leads, cases, disputes, deals, quotes
    ...presentSalesAndService(sales, now),
    customerValue: v
      ? {
          modelRunId: v.modelRunId,
          firstPurchaseOn: v.firstPurchaseOn,
          lastPurchaseOn: v.lastPurchaseOn,
          purchases: v.purchases,
          frequency: v.frequency,
          recencyDays: v.recencyDays,
          ageDays: v.ageDays,
          monetary: v.monetary,
          historicalValue: v.historicalValue,
          pAlive: v.pAlive,
          expectedPurchases: v.expectedPurchases,
          expectedSpend: v.expectedSpend,
          clv: v.clv,
          rfm: { r: v.rfmR, f: v.rfmF, m: v.rfmM, score: v.rfmScore },
          tier: v.tier,
          lifecycleState: v.lifecycleState,
          lifecycleSince: v.lifecycleSince,
          acquisitionChannel: v.acquisitionChannel,
          firstCategory: v.firstCategory,
          scoredAt: iso(v.scoredAt),
        }
      : null,
    lifecycleHistory: d.lifecycleHistory.map((h) => ({
      validFrom: h.validFrom,
      validTo: h.validTo,
      state: h.state,
    })),
    auditEntries: d.auditEntries.map(presentAudit),
  };
}
export type ContactExport = ReturnType<typeof presentExport>;
