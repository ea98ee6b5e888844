/**
 * End to end: customer value in the browser. Thirty-one contacts buy through the ERP feed
 * (POST /orders/bulk), a model run is queued and followed until it succeeds, then the best
 * customer's page shows its tier and CLV in the value card, with open orders, an overdue invoice
 * and a warranty; the Customer value page shows the tier table and Customer flows the flow matrix;
 * the last 90 days of flows link to Customer flows over that range; contact lists show and sort by
 * P(alive) and RFM; a settings save that crossed another admin's is refused with a message to reload.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, type Harness, screenshots, signIn, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && h?.page) {
    await h.page.screenshot({ path: join(screenshots, 'value-failure.png'), fullPage: true }).catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

/** A GET from inside the page (the session cookie goes along). */
async function getFromPage<T>(page: Page, path: string): Promise<{ status: number; data: T }> {
  return page.evaluate(async (p) => {
    const r = await fetch(`/api/v1${p}`);
    return { status: r.status, data: (await r.json()).data };
  }, path);
}

const day = 24 * 3600_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Line = { sku?: string; description?: string; quantity: number; unitPrice?: number };
type OrderInput = {
  externalId: string;
  contactEmail: string;
  orderedAt: string;
  status: 'confirmed' | 'fulfilled';
  deliveryStatus: 'delivered' | 'in_transit' | 'preparing';
  estimatedDelivery?: string;
  channel: string;
  currency: 'EUR';
  lines: Line[];
};

/** A deterministic purchase history: the top customer buys big and often, the others less. */
function orderFeed(now: number, top: string, others: string[]): OrderInput[] {
  const out: OrderInput[] = [];
  const add = (email: string, ageDays: number, amount: number, open = false) =>
    out.push({
      externalId: `erp-${out.length + 1}`,
      contactEmail: email,
      orderedAt: new Date(now - ageDays * day).toISOString(),
      status: open ? 'confirmed' : 'fulfilled',
      deliveryStatus: open ? 'in_transit' : 'delivered',
      ...(open ? { estimatedDelivery: isoDay(now + 4 * day) } : {}),
      channel: out.length % 2 ? 'web' : 'store',
      currency: 'EUR',
      lines: [
        { sku: 'DESK-01', quantity: 1 },
        { description: 'Installation', quantity: 1, unitPrice: amount },
      ],
    });
  for (let i = 0; i < 14; i++) add(top, 5 + i * 24, 150_000, i === 0);
  others.forEach((email, k) => {
    const purchases = 1 + (k % 6);
    const lapsed = k % 5 === 0; // some stopped buying a while ago
    const start = lapsed ? 700 : 420;
    const gap = lapsed ? 60 : Math.floor(360 / purchases);
    for (let i = 0; i < purchases; i++) add(email, start - i * gap - (k % 7), 5_000 + (k % 9) * 4_000);
  });
  return out;
}

describe('customer value in the browser', () => {
  let topId = '';

  it('scores customers from an ERP feed and shows the value card on the best customer', async () => {
    const { page, url } = h;
    await signIn(page, url);
    const top = await apiFromPage(page, 'POST', '/contacts', {
      firstName: 'Greta',
      lastName: 'Lindqvist',
      emails: [{ address: 'greta.lindqvist@example.se', primary: true }],
      creditScore: 812,
    });
    expect(top.status).toBe(201);
    topId = top.data.id;
    const others: string[] = [];
    for (let i = 1; i <= 30; i++) {
      const email = `buyer${i}@example.com`;
      const res = await apiFromPage(page, 'POST', '/contacts', {
        firstName: 'Buyer',
        lastName: String(i).padStart(2, '0'),
        emails: [{ address: email, primary: true }],
      });
      expect(res.status).toBe(201);
      others.push(email);
    }
    const product = await apiFromPage(page, 'POST', '/products', {
      sku: 'DESK-01',
      name: 'Standing desk',
      category: 'Furniture',
      price: 79_900,
      currency: 'EUR',
    });
    expect(product.status).toBe(201);

    const now = Date.now();
    const feed = await apiFromPage<{ created: number }>(page, 'POST', '/orders/bulk', {
      records: orderFeed(now, 'greta.lindqvist@example.se', others),
    });
    expect(feed.status).toBe(200);
    expect(feed.data.created).toBeGreaterThan(60);
    const invoice = await apiFromPage(page, 'POST', '/invoices', {
      contactId: topId,
      currency: 'EUR',
      amount: 229_900,
      issuedOn: isoDay(now - 40 * day),
      dueOn: isoDay(now - 10 * day),
    });
    expect(invoice.status).toBe(201);
    const warranty = await apiFromPage(page, 'POST', '/warranties', {
      sku: 'DESK-01',
      contactId: topId,
      serialNumber: 'SD-2041',
      startsOn: isoDay(now - 100 * day),
      endsOn: isoDay(now + 630 * day),
    });
    expect(warranty.status).toBe(201);

    // Queue a model run and follow it until the worker has scored everyone.
    const queued = await apiFromPage<{ id: string; status: string }>(page, 'POST', '/value/runs', {
      customerType: 'contact',
    });
    expect(queued.status).toBe(202);
    await expect
      .poll(
        async () =>
          (await getFromPage<{ status: string }>(page, `/value/runs/${queued.data.id}`)).data.status,
        { timeout: 90_000, interval: 500 },
      )
      .toBe('succeeded');

    const view = await getFromPage<{ value: { tier: string; clv: number } }>(page, `/contacts/${topId}/360`);
    expect(view.data.value.tier).toBe('A');
    const clvText = await page.evaluate(
      (clv) =>
        new Intl.NumberFormat('en', {
          style: 'currency',
          currency: 'EUR',
          minimumFractionDigits: 0,
          maximumFractionDigits: 0,
        }).format(clv / 100),
      view.data.value.clv,
    );

    await page.goto(`${url}/contacts/${topId}`);
    await page.getByRole('heading', { name: 'Greta Lindqvist', level: 1 }).waitFor();
    const card = page.getByRole('region', { name: 'Customer value', exact: true });
    await card.getByLabel('Tier A').waitFor();
    await card.getByText(clvText, { exact: true }).waitFor();
    expect(await card.textContent()).toContain('812');
    const orders = page.getByRole('region', { name: 'Orders', exact: true });
    await orders.getByText('In transit').waitFor();
    await page.getByRole('region', { name: 'Open invoices' }).getByText('Overdue').first().waitFor();
    await page.getByRole('region', { name: 'Warranties in force' }).getByText('Standing desk').waitFor();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(/^Order SO-/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'value-contact.png'), fullPage: true });

    // The order drawer lists the lines.
    await orders
      .getByRole('button', { name: /^Open order SO-/ })
      .first()
      .click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('table', { name: 'Order lines' }).getByText('Standing desk').waitFor();
    // The order names its customer itself; the link leads back to the contact.
    expect(await drawer.getByRole('link', { name: 'Greta Lindqvist' }).getAttribute('href')).toBe(
      `/contacts/${topId}`,
    );
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('shows the tier table on Customer value and the flow matrix on Customer flows', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Customer value' }).click();
    const tiers = page.getByRole('table', { name: 'Value tiers' });
    await tiers.waitFor();
    const rows = tiers.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().textContent()).toContain('A — top 5 %');
    await page.getByRole('img', { name: 'Histogram of customer lifetime value' }).waitFor();
    await page.getByRole('region', { name: 'Model', exact: true }).getByText('BG/NBD').waitFor();
    await page.screenshot({ path: join(screenshots, 'value-page.png'), fullPage: true });

    await page.getByRole('navigation').getByRole('link', { name: 'Customer flows' }).click();
    const matrix = page.getByRole('table', { name: 'Flow matrix' });
    await matrix.waitFor();
    // Every contact is in the matrix once: the total of the footer row.
    expect(await matrix.locator('tfoot th').last().textContent()).toBe('31');
    expect(await matrix.locator('tbody tr').count()).toBeGreaterThan(1);
    await page.getByRole('img', { name: 'Flows between states' }).waitFor();
    await page.getByRole('region', { name: 'Acquire' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'value-flows.png'), fullPage: true });
  });

  it('shows the last 90 days of flows on Customer value, linked to Customer flows over that range', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Customer value' }).click();
    const recent = page.getByRole('region', { name: 'Flows in the last 90 days' });
    await recent.getByRole('group', { name: 'Desired', exact: true }).waitFor();
    await recent.getByRole('group', { name: 'Undesired', exact: true }).waitFor();
    // Buyers whose single purchase passed a year in these 90 days moved from at risk to lapsed.
    const moves = recent.getByRole('list', { name: 'Largest moves' }).getByRole('listitem');
    await moves.first().waitFor();
    expect(await moves.count()).toBeGreaterThan(0);
    expect(await moves.count()).toBeLessThanOrEqual(5);
    expect(await moves.first().textContent()).toMatch(/→/);
    await page.screenshot({ path: join(screenshots, 'value-recent-flows.png'), fullPage: true });

    // The LTV drivers compare NPS categories too (no one has answered yet: one group).
    await page.getByRole('combobox', { name: 'Group customers by' }).click();
    await page.getByRole('option', { name: 'NPS category' }).click();
    await page.getByRole('img', { name: 'Mean CLV by NPS category' }).waitFor();

    await recent.getByRole('link', { name: 'Open customer flows' }).click();
    await page.waitForURL(/\/flows\?/);
    const search = new URL(page.url()).searchParams;
    expect(search.get('type')).toBe('contact');
    const from = await page.getByRole('textbox', { name: 'From', exact: true }).inputValue();
    const to = await page.getByRole('textbox', { name: 'To', exact: true }).inputValue();
    expect([from, to]).toEqual([search.get('from'), search.get('to')]);
    expect(Math.round((Date.parse(to) - Date.parse(from)) / day)).toBe(90);
    const matrix = page.getByRole('table', { name: 'Flow matrix' });
    await matrix.waitFor();
    expect(await matrix.locator('tfoot th').last().textContent()).toBe('31');
  });

  it('lists P(alive) and RFM scores in the contacts list and sorts by them', async () => {
    const { page } = h;
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    const table = page.getByRole('table', { name: 'Contacts' });
    // The list is virtualised: find her through the search box.
    const searchBox = page.getByRole('searchbox', { name: 'Search Contacts' });
    await searchBox.fill('Lindqvist');
    const greta = table.getByRole('row', { name: 'Greta Lindqvist' });
    await greta.waitFor();
    const view = await getFromPage<{ value: { pAlive: number; rfm: { score: string } } }>(
      page,
      `/contacts/${topId}/360`,
    );
    const pAlive = await page.evaluate(
      (p) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(p),
      view.data.value.pAlive,
    );
    expect(await greta.textContent()).toContain(pAlive);
    expect(await greta.textContent()).toContain(view.data.value.rfm.score);

    await searchBox.fill('');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(5);
    // Sorting asks the API for the order: the first row is the API's first by that key.
    const firstBy = async (sort: string) =>
      (
        await getFromPage<{ name: string; value: { rfmScore: string } }[]>(
          page,
          `/contacts?sort=${sort}&limit=1`,
        )
      ).data[0]!;
    const firstRow = table.locator('tbody tr').first();
    const sortBy = async (column: string, direction: 'ascending' | 'descending', key: string) => {
      const header = table.getByRole('columnheader', { name: `Sort by ${column}` });
      while ((await header.getAttribute('aria-sort')) !== direction) await header.getByRole('button').click();
      const first = await firstBy(key);
      await expect.poll(() => firstRow.getAttribute('aria-label')).toBe(first.name);
      return first;
    };
    await sortBy('P(alive)', 'ascending', 'pAlive');
    const best = await sortBy('RFM', 'descending', '-rfmScore');
    expect(best.value.rfmScore).toMatch(/^5/);
    expect(await firstRow.textContent()).toContain(best.value.rfmScore);
    await page.screenshot({ path: join(screenshots, 'value-list-columns.png') });
  });

  it('tells the admin to reload when someone else saved the value settings in between', async () => {
    const { page, url } = h;
    await page.goto(`${url}/settings?tab=value`);
    const horizon = page.getByLabel('Horizon (months)');
    await horizon.waitFor();
    // Another admin saves after this form was loaded.
    expect((await apiFromPage(page, 'PATCH', '/value/settings', { horizonMonths: 18 })).status).toBe(200);
    await horizon.fill('24');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Changed by someone else' });
    await stale.waitFor();
    await page.screenshot({ path: join(screenshots, 'value-settings-stale.png') });
    await page.getByRole('button', { name: 'Reload settings' }).click();
    await stale.waitFor({ state: 'hidden' });
    expect(await horizon.inputValue()).toBe('18');
    // Saved with the reloaded version, the change goes through.
    await horizon.fill('12');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Customer value settings saved').waitFor();
    const saved = await getFromPage<{ horizonMonths: number }>(page, '/value/settings');
    expect(saved.data.horizonMonths).toBe(12);
  });
});
