/**
 * What the database holds on one contact, read with a fixed number of queries (one per
 * table, related rows through sub-selects), whatever the number of rows. The predicates are
 * shared with the erasure so that what is exported is what is erased.
 */
import { and, asc, desc, eq, getTableColumns, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import {
  attachments,
  auditLog,
  consentHistory,
  consents,
  contacts,
  customerValues,
  emails,
  facts,
  interactionParticipants,
  interactions,
  invoices,
  lifecycleHistory,
  notes,
  orderLines,
  orders,
  payments,
  relationships,
  surveyResponses,
  surveys,
  tasks,
  warranties,
} from '../../db/schema.ts';

const uuid = (id: string) => sql`${id}::uuid`;

/** Relationships on either side of the contact. */
export const relationshipsOf = (c: string): SQL =>
  or(
    and(eq(relationships.fromType, 'contact'), eq(relationships.fromId, c)),
    and(eq(relationships.toType, 'contact'), eq(relationships.toId, c)),
  ) as SQL;

/** Interactions that are the contact's (contact_id). */
export const ownInteractionIds = (c: string) =>
  sql`(SELECT id FROM interactions WHERE contact_id = ${uuid(c)})`;
/** …and those the contact only took part in (participant rows). */
const participatedIds = (c: string) =>
  sql`(SELECT interaction_id FROM interaction_participants WHERE participant_type = 'contact' AND participant_id = ${uuid(c)})`;
const taskIds = (c: string) => sql`(SELECT id FROM tasks WHERE contact_id = ${uuid(c)})`;

/** Notes on the contact, on its interactions and on its tasks. */
export const notesOf = (c: string): SQL => sql`(
  (${notes.recordType} = 'contact' AND ${notes.recordId} = ${uuid(c)})
  OR (${notes.recordType} = 'interaction' AND ${notes.recordId} IN ${ownInteractionIds(c)})
  OR (${notes.recordType} = 'task' AND ${notes.recordId} IN ${taskIds(c)}))`;

/**
 * Emails linked to the contact, and unmatched ones (no contact) sent from or to one of its
 * addresses. Evaluated before the contact row loses its addresses.
 */
export const emailsOf = (c: string): SQL => sql`(
  ${emails.contactId} = ${uuid(c)}
  OR (${emails.contactId} IS NULL AND EXISTS (
    SELECT 1 FROM contacts k, unnest(${emails.toAddresses} || ${emails.ccAddresses} || ${emails.fromAddress}) AS a(address)
    WHERE k.id = ${uuid(c)} AND lower(a.address) = ANY(k.email_keys))))`;
const emailIds = (c: string) => sql`(SELECT id FROM emails WHERE ${emailsOf(c)})`;

/** Files on the contact and on its interactions, tasks and emails. */
export const attachmentsOf = (c: string): SQL => sql`(
  (${attachments.recordType} = 'contact' AND ${attachments.recordId} = ${uuid(c)})
  OR (${attachments.recordType} = 'interaction' AND ${attachments.recordId} IN ${ownInteractionIds(c)})
  OR (${attachments.recordType} = 'task' AND ${attachments.recordId} IN ${taskIds(c)})
  OR (${attachments.recordType} = 'email' AND ${attachments.recordId} IN ${emailIds(c)}))`;

export async function readContactData(ex: Executor, c: string) {
  const interactionWhere = sql`(${interactions.contactId} = ${uuid(c)} OR ${interactions.id} IN ${participatedIds(c)})`;
  // Sequential on purpose: one connection (the transaction's) serves them anyway.
  const relationshipRows = await ex
    .select()
    .from(relationships)
    .where(relationshipsOf(c))
    .orderBy(asc(relationships.createdAt));
  const interactionRows = await ex
    .select()
    .from(interactions)
    .where(interactionWhere)
    .orderBy(desc(interactions.occurredAt), desc(interactions.id));
  const participantRows = await ex
    .select()
    .from(interactionParticipants)
    .where(
      sql`${interactionParticipants.interactionId} IN (SELECT id FROM interactions WHERE ${interactionWhere})`,
    );
  const taskRows = await ex
    .select()
    .from(tasks)
    .where(eq(tasks.contactId, c))
    .orderBy(desc(tasks.createdAt), desc(tasks.id));
  const noteRows = await ex.select().from(notes).where(notesOf(c)).orderBy(desc(notes.createdAt));
  const emailRows = await ex.select().from(emails).where(emailsOf(c)).orderBy(desc(emails.createdAt));
  const attachmentRows = await ex
    .select()
    .from(attachments)
    .where(attachmentsOf(c))
    .orderBy(desc(attachments.createdAt));
  const consentRows = await ex
    .select()
    .from(consents)
    .where(eq(consents.contactId, c))
    .orderBy(asc(consents.purpose), asc(consents.channel));
  const consentHistoryRows = await ex
    .select()
    .from(consentHistory)
    .where(eq(consentHistory.contactId, c))
    .orderBy(desc(consentHistory.recordedAt), desc(consentHistory.id));
  const factRows = await ex
    .select()
    .from(facts)
    .where(eq(facts.contactId, c))
    .orderBy(desc(facts.recordedAt));
  const responseRows = await ex
    .select({ ...getTableColumns(surveyResponses), surveyName: surveys.name })
    .from(surveyResponses)
    .leftJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(eq(surveyResponses.contactId, c))
    .orderBy(desc(surveyResponses.submittedAt));
  const orderRows = await ex
    .select()
    .from(orders)
    .where(eq(orders.contactId, c))
    .orderBy(desc(orders.orderedAt), desc(orders.id));
  const lineRows = await ex
    .select()
    .from(orderLines)
    .where(sql`${orderLines.orderId} IN (SELECT id FROM orders WHERE contact_id = ${uuid(c)})`)
    .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  const invoiceRows = await ex
    .select()
    .from(invoices)
    .where(eq(invoices.contactId, c))
    .orderBy(desc(invoices.issuedOn), desc(invoices.id));
  const paymentRows = await ex
    .select()
    .from(payments)
    .where(sql`${payments.invoiceId} IN (SELECT id FROM invoices WHERE contact_id = ${uuid(c)})`)
    .orderBy(asc(payments.paidAt));
  const warrantyRows = await ex
    .select()
    .from(warranties)
    .where(eq(warranties.contactId, c))
    .orderBy(desc(warranties.endsOn));
  const [valueRow] = await ex
    .select()
    .from(customerValues)
    .where(and(eq(customerValues.customerType, 'contact'), eq(customerValues.customerId, c)));
  const lifecycleRows = await ex
    .select()
    .from(lifecycleHistory)
    .where(and(eq(lifecycleHistory.customerType, 'contact'), eq(lifecycleHistory.customerId, c)))
    .orderBy(asc(lifecycleHistory.validFrom));
  const auditRows = await ex
    .select()
    .from(auditLog)
    .where(eq(auditLog.recordId, c))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
  return {
    relationships: relationshipRows,
    interactions: interactionRows,
    participants: participantRows,
    tasks: taskRows,
    notes: noteRows,
    emails: emailRows,
    attachments: attachmentRows,
    consents: consentRows,
    consentHistory: consentHistoryRows,
    facts: factRows,
    surveyResponses: responseRows,
    orders: orderRows,
    orderLines: lineRows,
    invoices: invoiceRows,
    payments: paymentRows,
    warranties: warrantyRows,
    customerValue: valueRow ?? null,
    lifecycleHistory: lifecycleRows,
    auditEntries: auditRows,
  };
}
export type ContactData = Awaited<ReturnType<typeof readContactData>>;

export async function lockContact(ex: Executor, c: string) {
  const [row] = await ex.select().from(contacts).where(eq(contacts.id, c)).for('update');
  return row;
}
