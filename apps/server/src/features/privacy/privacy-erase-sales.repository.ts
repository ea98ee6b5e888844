/**
 * The erasure statements for the person's sales and service records, each run in the caller's
 * transaction. The rows stay (funnel, pipeline and service statistics count them); what is about
 * the person goes. Each returns what it touched so the service can count it and clean the audit
 * history of those records.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { cases, deals, disputes, leadActivities, leads, quotes } from '../../db/schema.ts';
import { disputesOf, leadsOf, quotesOf } from './privacy-sales.repository.ts';

const ids = (list: string[]) => sql`${sql.param(list)}::uuid[]`;
const uuid = (id: string) => sql`${id}::uuid`;

/** What the person's leads said about them, to recognise their name elsewhere (deal names). */
export async function leadIdentities(ex: Executor, c: string) {
  return ex
    .select({ firstName: leads.firstName, lastName: leads.lastName, email: leads.email, phone: leads.phone })
    .from(leads)
    .where(leadsOf(c));
}

/**
 * Source, campaign, status, score (and its reasons: rule names), owner, links and dates stay for
 * the funnel; names, addresses, company, job title, country, language, message, the consent
 * ticked and the search text go. Their history keeps kind, channel and time, not what was said.
 */
export async function anonymiseLeads(ex: Executor, c: string, now: Date) {
  const rows = await ex
    .update(leads)
    .set({
      firstName: '',
      lastName: '',
      email: null,
      phone: null,
      company: null,
      jobTitle: null,
      country: null,
      language: null,
      message: null,
      consent: null,
      searchText: '',
      updatedAt: now,
      version: sql`${leads.version} + 1`,
    })
    .where(leadsOf(c))
    .returning({ id: leads.id });
  const activities = rows.length
    ? await ex
        .update(leadActivities)
        .set({ subject: '', body: '' })
        .where(
          inArray(
            leadActivities.leadId,
            rows.map((r) => r.id),
          ),
        )
        .returning({ id: leadActivities.id })
    : [];
  return { leads: rows, activities };
}

/** Channel, type, priority, status, queue, assignee, tags and the SLA times stay; the text goes. */
export async function blankCases(ex: Executor, c: string, now: Date) {
  return ex
    .update(cases)
    .set({
      subject: '',
      description: '',
      // Still found by its number.
      searchText: sql`lower(${cases.number})`,
      updatedAt: now,
      version: sql`${cases.version} + 1`,
    })
    .where(eq(cases.contactId, c))
    .returning({ id: cases.id });
}

/**
 * The resolution text goes; the reasons stay (matched keywords are the settings' words), without
 * the person's NPS answer. Returns the reasons so the caller can describe them again.
 */
export async function blankDisputes(ex: Executor, c: string, now: Date) {
  return ex
    .update(disputes)
    .set({
      resolution: '',
      reasons: sql`(SELECT coalesce(jsonb_agg(CASE WHEN r->>'rule' = 'detractor'
          THEN jsonb_set(r, '{score}', 'null') ELSE r END ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(${disputes.reasons}) WITH ORDINALITY AS x(r, n))`,
      updatedAt: now,
      version: sql`${disputes.version} + 1`,
    })
    .where(disputesOf(c))
    .returning({ id: disputes.id, reasons: disputes.reasons });
}

export async function describeDisputes(ex: Executor, list: { id: string; reason: string }[]) {
  if (!list.length) return;
  await ex.execute(sql`UPDATE disputes d SET reason = x.reason
    FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(id uuid, reason text)
    WHERE d.id = x.id`);
}

export async function dealNamesOf(ex: Executor, c: string) {
  return ex.select({ id: deals.id, name: deals.name }).from(deals).where(eq(deals.contactId, c));
}

/** What stands where a deal's name named the person. */
export const ERASED_DEAL_NAME = 'Erased';

/**
 * Amounts, currency, stage, status, dates, owner, source and lines stay (pipeline, forecast and
 * win-rate statistics); notes and the lost note go, and the name where it names the person.
 */
export async function blankDeals(ex: Executor, c: string, renamed: string[], now: Date) {
  return ex
    .update(deals)
    .set({
      notes: '',
      lostNote: null,
      name: sql`CASE WHEN ${deals.id} = ANY(${ids(renamed)}) THEN ${ERASED_DEAL_NAME} ELSE ${deals.name} END`,
      updatedAt: now,
      version: sql`${deals.version} + 1`,
    })
    .where(eq(deals.contactId, c))
    .returning({ id: deals.id });
}

/**
 * Quotes keep number, status, lines, amounts and dates; their notes go. The versions kept as sent
 * lose their notes, show the person as the anonymous contact and the deal by its name now. Run
 * after the contact and its deals are anonymised.
 */
export async function blankQuotes(ex: Executor, c: string, now: Date) {
  const rows = await ex
    .update(quotes)
    .set({ notes: '', updatedAt: now, version: sql`${quotes.version} + 1` })
    .where(quotesOf(c))
    .returning({ id: quotes.id });
  if (rows.length)
    await ex.execute(sql`UPDATE quote_revisions r SET snapshot = r.snapshot
        || jsonb_build_object('notes', '')
        || CASE WHEN r.snapshot->'customer'->>'id' = ${c}
             THEN jsonb_build_object('customer', (r.snapshot->'customer')
               || jsonb_build_object('name', (SELECT name FROM contacts WHERE id = ${uuid(c)})))
             ELSE '{}'::jsonb END
        || coalesce((SELECT jsonb_build_object('deal', (r.snapshot->'deal') || jsonb_build_object('name', d.name))
             FROM deals d WHERE d.contact_id = ${uuid(c)} AND d.id::text = r.snapshot->'deal'->>'id'), '{}'::jsonb)
      WHERE r.quote_id = ANY(${ids(rows.map((q) => q.id))})`);
  return rows;
}
