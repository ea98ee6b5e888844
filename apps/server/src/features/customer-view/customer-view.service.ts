/** The 360° view and the compact cards of look-ups and screen pops: a fixed number of queries. */
import { type Actor, can, normalisePhone } from '@relata/domain';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { accounts, contacts, relationships, users } from '../../db/schema.ts';
import { invalid } from '../../http/errors.ts';
import { presentAccount } from '../accounts/accounts.presenter.ts';
import { getAccount } from '../accounts/accounts.repository.ts';
import { presentCaseSummary } from '../cases/cases.presenter.ts';
import { openCaseCounts, openCasesFor } from '../cases/cases.repository.ts';
import { productNames } from '../commerce/names.ts';
import { consentsOf } from '../consent/consent.repository.ts';
import { presentConsent } from '../consent/consent.service.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { type ContactRow, getContact } from '../contacts/contacts.repository.ts';
import { type DealSummary, openDealsOf } from '../deals/deal-summaries.ts';
import { presentInteraction } from '../interactions/interactions.presenter.ts';
import { participantsOf, recentFor } from '../interactions/interactions.repository.ts';
import { presentInvoice } from '../invoices/invoices.presenter.ts';
import { openInvoicesFor } from '../invoices/invoices.repository.ts';
import { presentOrder } from '../orders/orders.presenter.ts';
import { ordersFor } from '../orders/orders.repository.ts';
import { endpointInfo } from '../relationships/relationships.repository.ts';
import { authorize, requireCan } from '../shared/guards.ts';
import { openTasksFor } from '../tasks/tasks.repository.ts';
import { presentTask } from '../tasks/tasks.service.ts';
import type { ValueService } from '../value/value.service.ts';
import { getValueSettings } from '../value/value-settings.repository.ts';
import { activeWarrantiesFor } from '../warranties/warranties.repository.ts';
import { presentWarranty } from '../warranties/warranties.service.ts';

export type Card = {
  type: 'contact' | 'account';
  id: string;
  title: string;
  subtitle: string | null;
  email: string | null;
  phone: string | null;
  ownerId: string | null;
  ownerName: string | null;
  accounts: { id: string; name: string }[];
  openTasks: number;
  lastInteractionAt: string | null;
  /** What an agent needs at a glance: value tier, CLV, credit, deliveries, warranties. */
  tier: string | null;
  clv: number | null;
  currency: string;
  lifecycleState: string | null;
  creditScore: number | null;
  openOrders: { id: string; number: string; deliveryStatus: string; estimatedDelivery: string | null }[];
  /** The contact's open deals (as far as the actor may read deals). */
  openDeals: DealSummary[];
  activeWarranties: number;
  openCases: number;
};

export function createCustomerViewService(deps: {
  db: Db;
  clock: () => Date;
  value: ValueService;
  defaultPhoneCountry?: string | undefined;
}) {
  const { db } = deps;

  async function relationshipsOf(id: string, limit = 20) {
    const rels = await db
      .select()
      .from(relationships)
      .where(or(eq(relationships.fromId, id), eq(relationships.toId, id)))
      .orderBy(sql`${relationships.until} IS NOT NULL`, sql`${relationships.createdAt} DESC`)
      .limit(limit);
    const cIds = new Set<string>();
    const aIds = new Set<string>();
    for (const r of rels) {
      (r.fromType === 'contact' ? cIds : aIds).add(r.fromId);
      (r.toType === 'contact' ? cIds : aIds).add(r.toId);
    }
    const ends = await endpointInfo(db, [...cIds], [...aIds]);
    return rels.map((r) => {
      const outgoing = r.fromId === id;
      const other = ends.get(outgoing ? r.toId : r.fromId);
      return {
        id: r.id,
        type: r.type,
        direction: outgoing ? 'from' : 'to',
        other: {
          type: outgoing ? r.toType : r.fromType,
          id: outgoing ? r.toId : r.fromId,
          name: other?.name ?? '',
        },
        since: r.since,
        until: r.until,
      };
    });
  }

  async function recent(kind: 'contact' | 'account', id: string, actor: Actor) {
    if (!can(actor, 'read', 'interactions')) return [];
    const rows = await recentFor(db, kind, id, 20);
    const people = await participantsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentInteraction(r, people.get(r.id) ?? []));
  }

  /** Value, orders (open first), open invoices and warranties in force, as far as the actor may see. */
  async function commercial(actor: Actor, kind: 'contact' | 'account', id: string) {
    const now = deps.clock();
    const day = now.toISOString().slice(0, 10);
    const [value, recentOrders, open, invoices, warranties, deals, cases] = await Promise.all([
      can(actor, 'read', 'value') ? deps.value.valueOf(kind, id) : Promise.resolve(null),
      can(actor, 'read', 'orders') ? ordersFor(db, kind, id, { limit: 10 }) : Promise.resolve([]),
      can(actor, 'read', 'orders')
        ? ordersFor(db, kind, id, { openOnly: true, limit: 20 })
        : Promise.resolve([]),
      can(actor, 'read', 'invoices') ? openInvoicesFor(db, kind, id) : Promise.resolve([]),
      can(actor, 'read', 'warranties') ? activeWarrantiesFor(db, kind, id, day) : Promise.resolve([]),
      can(actor, 'read', 'deals') ? openDealsOf(db, kind, [id], 20) : Promise.resolve(new Map()),
      can(actor, 'read', 'cases') ? openCasesFor(db, kind, id, 20) : Promise.resolve([]),
    ]);
    const seen = new Set(open.map((o) => o.id));
    const productOf = await productNames(
      db,
      warranties.map((w) => w.productId),
    );
    return {
      value:
        value ?? (can(actor, 'read', 'value') ? { lifecycleState: 'prospect', tier: null, clv: null } : null),
      orders: [...open, ...recentOrders.filter((o) => !seen.has(o.id))].map((o) => presentOrder(o)),
      invoices: invoices.map((i) => presentInvoice(i, now)),
      warranties: warranties.map((w) => presentWarranty(w, now, productOf(w.productId))),
      deals: (deals.get(id) ?? []) as DealSummary[],
      cases: cases.map((c) => presentCaseSummary(c, now)),
    };
  }

  async function cards(actor: Actor, rows: ContactRow[]): Promise<Card[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const day = deps.clock().toISOString().slice(0, 10);
    const [
      employers,
      owners,
      taskCounts,
      last,
      values,
      openOrders,
      warrantyCounts,
      settings,
      dealsBy,
      caseCounts,
    ] = await Promise.all([
      db
        .select({ contactId: relationships.fromId, id: accounts.id, name: accounts.name })
        .from(relationships)
        .innerJoin(accounts, eq(accounts.id, relationships.toId))
        .where(and(inArray(relationships.fromId, ids), eq(relationships.type, 'works_at'))),
      db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(
          inArray(
            users.id,
            rows.map((r) => r.ownerId).filter((x): x is string => !!x),
          ),
        ),
      db.execute<{ contact_id: string; n: number }>(
        sql`SELECT contact_id, count(*)::int AS n FROM tasks WHERE status = 'open' AND contact_id = ANY(${sql.param(ids)}::uuid[]) GROUP BY contact_id`,
      ),
      db.execute<{ contact_id: string; at: string }>(
        sql`SELECT contact_id, max(occurred_at) AS at FROM interactions WHERE contact_id = ANY(${sql.param(ids)}::uuid[]) GROUP BY contact_id`,
      ),
      deps.value.valuesOf('contact', ids),
      db.execute<{
        contact_id: string;
        id: string;
        number: string;
        delivery_status: string;
        estimated_delivery: string | null;
      }>(
        sql`SELECT contact_id, id, number, delivery_status, estimated_delivery::text FROM orders
            WHERE contact_id = ANY(${sql.param(ids)}::uuid[]) AND status IN ('confirmed', 'fulfilled')
              AND delivery_status NOT IN ('delivered', 'returned')
            ORDER BY ordered_at DESC LIMIT 100`,
      ),
      db.execute<{ contact_id: string; n: number }>(
        sql`SELECT contact_id, count(*)::int AS n FROM warranties
            WHERE contact_id = ANY(${sql.param(ids)}::uuid[]) AND starts_on <= ${day}::date AND ends_on >= ${day}::date
            GROUP BY contact_id`,
      ),
      getValueSettings(db),
      can(actor, 'read', 'deals') ? openDealsOf(db, 'contact', ids, 5) : Promise.resolve(new Map()),
      can(actor, 'read', 'cases') ? openCaseCounts(db, ids) : Promise.resolve(new Map<string, number>()),
    ]);
    const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
    const ownerName = new Map(owners.map((o) => [o.id, o.name]));
    const tasksBy = new Map(
      rowsOf<{ contact_id: string; n: number }>(taskCounts).map((r) => [r.contact_id, Number(r.n)]),
    );
    const lastBy = new Map(
      rowsOf<{ contact_id: string; at: string | Date }>(last).map((r) => [
        r.contact_id,
        new Date(r.at).toISOString(),
      ]),
    );
    const ordersBy = new Map<string, Card['openOrders']>();
    for (const o of rowsOf<{
      contact_id: string;
      id: string;
      number: string;
      delivery_status: string;
      estimated_delivery: string | null;
    }>(openOrders)) {
      const list = ordersBy.get(o.contact_id) ?? [];
      if (list.length < 5)
        list.push({
          id: o.id,
          number: o.number,
          deliveryStatus: o.delivery_status,
          estimatedDelivery: o.estimated_delivery,
        });
      ordersBy.set(o.contact_id, list);
    }
    const warrantiesBy = new Map(
      rowsOf<{ contact_id: string; n: number }>(warrantyCounts).map((r) => [r.contact_id, Number(r.n)]),
    );
    const seesValue = can(actor, 'read', 'value');
    return rows.map((c) => ({
      type: 'contact',
      id: c.id,
      title: c.name ?? `${c.firstName} ${c.lastName}`.trim(),
      subtitle: c.jobTitle,
      email: c.primaryEmail,
      phone: c.primaryPhone,
      ownerId: c.ownerId,
      ownerName: c.ownerId ? (ownerName.get(c.ownerId) ?? null) : null,
      accounts: employers.filter((e) => e.contactId === c.id).map((e) => ({ id: e.id, name: e.name })),
      openTasks: tasksBy.get(c.id) ?? 0,
      lastInteractionAt: lastBy.get(c.id) ?? null,
      tier: seesValue ? (values.get(c.id)?.tier ?? null) : null,
      clv: seesValue ? (values.get(c.id)?.clv ?? null) : null,
      currency: settings.currency,
      lifecycleState: seesValue ? (values.get(c.id)?.lifecycleState ?? 'prospect') : null,
      creditScore: c.creditScore,
      openOrders: can(actor, 'read', 'orders') ? (ordersBy.get(c.id) ?? []) : [],
      activeWarranties: can(actor, 'read', 'warranties') ? (warrantiesBy.get(c.id) ?? 0) : 0,
      openDeals: (dealsBy.get(c.id) ?? []) as DealSummary[],
      openCases: caseCounts.get(c.id) ?? 0,
    }));
  }

  return {
    async contact360(actor: Actor, id: string) {
      const c = authorize(actor, 'read', 'contacts', await getContact(db, id), 'Contact');
      const [rels, interactions, tasks, money] = await Promise.all([
        relationshipsOf(id),
        recent('contact', id, actor),
        can(actor, 'read', 'tasks') ? openTasksFor(db, 'contact', id) : Promise.resolve([]),
        commercial(actor, 'contact', id),
      ]);
      const now = deps.clock();
      return {
        profile: presentContact(c),
        relationships: rels,
        interactions,
        openTasks: tasks.map((t) => presentTask(t, now)),
        ...money,
        nps: c.npsCategory
          ? { category: c.npsCategory, score: c.npsScore, answeredAt: c.npsAnsweredAt?.toISOString() ?? null }
          : null,
        consent: (await consentsOf(db, id)).map(presentConsent),
      };
    },
    async account360(actor: Actor, id: string) {
      const a = authorize(actor, 'read', 'accounts', await getAccount(db, id), 'Account');
      const [rels, interactions, tasks, money] = await Promise.all([
        relationshipsOf(id),
        recent('account', id, actor),
        can(actor, 'read', 'tasks') ? openTasksFor(db, 'account', id) : Promise.resolve([]),
        commercial(actor, 'account', id),
      ]);
      const now = deps.clock();
      return {
        profile: presentAccount(a),
        relationships: rels,
        interactions,
        openTasks: tasks.map((t) => presentTask(t, now)),
        ...money,
        nps: presentAccount(a).nps,
        consent: [],
      };
    },
    /** Contacts matching a phone number (any format) or email address, as compact cards. */
    async lookup(
      actor: Actor,
      q: { phone?: string | undefined; email?: string | undefined },
    ): Promise<Card[]> {
      requireCan(actor, 'read', 'contacts');
      const conds = [];
      if (q.phone) {
        const e164 = normalisePhone(q.phone, deps.defaultPhoneCountry ?? null);
        if (!e164)
          throw invalid([{ field: 'phone', code: 'invalid_phone', message: 'is not a phone number' }]);
        conds.push(sql`${contacts.phoneKeys} @> ARRAY[${e164}]::text[]`);
      }
      if (q.email) conds.push(sql`${contacts.emailKeys} @> ARRAY[${q.email.trim().toLowerCase()}]::text[]`);
      if (!conds.length)
        throw invalid([{ field: 'phone', code: 'required', message: 'give phone or email' }]);
      const rows = await db
        .select()
        .from(contacts)
        .where(or(...conds))
        .limit(20);
      return cards(
        actor,
        rows.filter((r) => can(actor, 'read', 'contacts', r)),
      );
    },
    cards,
  };
}
export type CustomerViewService = ReturnType<typeof createCustomerViewService>;
