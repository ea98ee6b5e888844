/**
 * The person's sales and service records — leads, cases, disputes, deals, quotes — read with one
 * query per table whatever the number of rows. The predicates are shared with the erasure.
 */
import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import {
  cases,
  dealLines,
  dealStageHistory,
  deals,
  disputes,
  leadActivities,
  leads,
  quoteLines,
  quoteRevisions,
  quotes,
} from '../../db/schema.ts';
import { ownInteractionIds } from './privacy.repository.ts';

const uuid = (id: string) => sql`${id}::uuid`;

/**
 * Leads of the person: matched to the contact at capture, converted into it, or captured with one
 * of its email addresses or phone numbers (the way capture matches them). Evaluated before the
 * contact row loses its addresses.
 */
export const leadsOf = (c: string): SQL => sql`(
  ${leads.matchedContactId} = ${uuid(c)} OR ${leads.convertedContactId} = ${uuid(c)}
  OR EXISTS (SELECT 1 FROM contacts k WHERE k.id = ${uuid(c)}
    AND (${leads.email} = ANY(k.email_keys) OR ${leads.phone} = ANY(k.phone_keys))))`;
export const leadIds = (c: string) => sql`(SELECT id FROM leads WHERE ${leadsOf(c)})`;

const caseIds = (c: string) => sql`(SELECT id FROM cases WHERE contact_id = ${uuid(c)})`;
/** Disputes on the contact, its cases or its interactions. */
export const disputesOf = (c: string): SQL => sql`(
  ${disputes.contactId} = ${uuid(c)} OR ${disputes.caseId} IN ${caseIds(c)}
  OR ${disputes.interactionId} IN ${ownInteractionIds(c)})`;

export const dealIds = (c: string) => sql`(SELECT id FROM deals WHERE contact_id = ${uuid(c)})`;
/** Quotes to the contact, and quotes on its deals. */
export const quotesOf = (c: string): SQL =>
  sql`(${quotes.contactId} = ${uuid(c)} OR ${quotes.dealId} IN ${dealIds(c)})`;
const quoteIds = (c: string) => sql`(SELECT id FROM quotes WHERE ${quotesOf(c)})`;

export async function readSalesAndService(ex: Executor, c: string) {
  const leadRows = await ex
    .select()
    .from(leads)
    .where(leadsOf(c))
    .orderBy(desc(leads.createdAt), desc(leads.id));
  const activityRows = await ex
    .select()
    .from(leadActivities)
    .where(sql`${leadActivities.leadId} IN ${leadIds(c)}`)
    .orderBy(desc(leadActivities.occurredAt), desc(leadActivities.id));
  const caseRows = await ex
    .select()
    .from(cases)
    .where(sql`${cases.contactId} = ${uuid(c)}`)
    .orderBy(desc(cases.createdAt), desc(cases.id));
  const disputeRows = await ex
    .select()
    .from(disputes)
    .where(disputesOf(c))
    .orderBy(desc(disputes.openedAt), desc(disputes.id));
  const dealRows = await ex
    .select()
    .from(deals)
    .where(sql`${deals.contactId} = ${uuid(c)}`)
    .orderBy(desc(deals.createdAt), desc(deals.id));
  const dealLineRows = await ex
    .select()
    .from(dealLines)
    .where(sql`${dealLines.dealId} IN ${dealIds(c)}`)
    .orderBy(asc(dealLines.dealId), asc(dealLines.position));
  const moveRows = await ex
    .select()
    .from(dealStageHistory)
    .where(sql`${dealStageHistory.dealId} IN ${dealIds(c)}`)
    .orderBy(asc(dealStageHistory.movedAt), asc(dealStageHistory.id));
  const quoteRows = await ex
    .select()
    .from(quotes)
    .where(quotesOf(c))
    .orderBy(desc(quotes.createdAt), desc(quotes.id));
  const quoteLineRows = await ex
    .select()
    .from(quoteLines)
    .where(sql`${quoteLines.quoteId} IN ${quoteIds(c)}`)
    .orderBy(asc(quoteLines.quoteId), asc(quoteLines.position));
  const revisionRows = await ex
    .select()
    .from(quoteRevisions)
    .where(sql`${quoteRevisions.quoteId} IN ${quoteIds(c)}`)
    .orderBy(asc(quoteRevisions.quoteId), asc(quoteRevisions.revision));
  return {
    leads: leadRows,
    leadActivities: activityRows,
    cases: caseRows,
    disputes: disputeRows,
    deals: dealRows,
    dealLines: dealLineRows,
    dealMoves: moveRows,
    quotes: quoteRows,
    quoteLines: quoteLineRows,
    quoteRevisions: revisionRows,
  };
}
export type SalesAndServiceData = Awaited<ReturnType<typeof readSalesAndService>>;
