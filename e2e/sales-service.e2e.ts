/**
 * End to end, the way sales and value meet: a tier-A account's buyer fills in the web form on
 * the company's website; the lead is routed to the account's manager by the routing rules, the
 * manager sees why, converts it into a deal, and drags the deal to Won on the pipeline board.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, type Harness, screenshots, signIn, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && h?.page) {
    await h.page
      .screenshot({ path: join(screenshots, 'sales-service-failure.png'), fullPage: true })
      .catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

const column = (page: Page, stage: string) => page.locator(`li[aria-label="${stage}"]`);

/** A real pointer drag: press on the card, move in steps, let go over the column. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag or no place to drop');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height - 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 20 });
  await page.mouse.move(b.x + b.width / 2, b.y + 70, { steps: 4 });
  await page.mouse.up();
}

describe('a web-form lead from a tier-A account', () => {
  let embed = '';
  let dealId = '';

  it('sets the scene: an account manager, a tier-A account, a routing rule and a form', async () => {
    const { page, url } = h;
    await signIn(page, url);
    const anna = await apiFromPage(page, 'POST', '/users', {
      email: 'anna.berg@example.com',
      name: 'Anna Berg',
      role: 'manager',
      password: 'anna-password-123',
    });
    expect(anna.status).toBe(201);
    const account = await apiFromPage(page, 'POST', '/accounts', {
      name: 'Nordkap Kaffe AB',
      domain: 'nordkap.se',
      ownerId: anna.data.id,
    });
    expect(account.status).toBe(201);
    // The account's value as a model run leaves it: tier A, CLV 48 000 EUR.
    await h.sql(
      `INSERT INTO customer_values (customer_type, customer_id, first_purchase_on, last_purchase_on, purchases,
         frequency, recency_days, age_days, monetary, historical_value, lifecycle_state, lifecycle_since, clv,
         p_alive, tier)
       VALUES ('account', $1, '2024-01-10', '2026-11-20', 24, 23, 1000, 1050, 150000, 3600000, 'active',
         '2024-03-01', 4800000, 0.97, 'A')`,
      [account.data.id],
    );
    const rule = await apiFromPage(page, 'POST', '/routing-rules', {
      name: 'Tier-A leads to their account manager',
      kinds: ['lead'],
      conditions: [
        { field: 'tier', op: 'eq', value: 'A' },
        { field: 'clv', op: 'gt', value: 1_000_000 },
      ],
      actions: { assign: { to: 'account_manager' } },
    });
    expect(rule.status).toBe(201);
    const form = await apiFromPage<{ embed: { html: string } }>(page, 'POST', '/lead-forms', {
      name: 'Website',
      fields: [
        { key: 'firstName', required: true },
        { key: 'lastName', required: true },
        { key: 'email', required: true },
        { key: 'company', required: false },
        { key: 'message', required: false },
      ],
    });
    expect(form.status).toBe(201);
    embed = form.data.embed.html;
    expect(embed).toContain(`${url}/f/`);
  });

  it("routes the buyer's web-form lead to the account manager and says why", async () => {
    const { page, url } = h;
    const site = await page.context().newPage();
    await site.setContent(`<!doctype html><html><body><h1>Contact us</h1>${embed}</body></html>`);
    await site.getByLabel('First name *').fill('Lars');
    await site.getByLabel('Last name *').fill('Nordkap');
    await site.getByLabel('Email *').fill('lars@nordkap.se');
    await site.getByLabel('Company').fill('Nordkap Kaffe AB');
    await site.getByLabel('Message').fill('We would like espresso machines for our six cafés.');
    await site.getByRole('button', { name: 'Send' }).click();
    await site.getByText('Thank you! We will be in touch soon.').waitFor();
    await site.close();

    await page.goto(`${url}/leads`);
    await page.getByRole('link', { name: 'Lars Nordkap' }).click();
    await page.getByRole('heading', { name: 'Lars Nordkap', level: 1 }).waitFor();
    const assignment = page.getByRole('region', { name: 'Assignment' });
    await assignment.getByText('Tier-A leads to their account manager').waitFor();
    await assignment
      .getByText(/Anna Berg/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'sales-service-lead.png'), fullPage: true });
  });

  it('converts the lead into a deal and drags the deal to Won', async () => {
    const { page, url } = h;
    await page.getByRole('button', { name: 'Convert' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('A new contact: Lars Nordkap').waitFor();
    await dialog.getByRole('checkbox', { name: 'Open a deal' }).check();
    await dialog.getByLabel('Deal name').fill('Nordkap – espresso machines');
    await dialog.getByLabel('Amount').fill('18000');
    const converted = page.waitForResponse((r) => r.url().includes('/convert'));
    await dialog.getByRole('button', { name: 'Convert lead' }).click();
    const res = await converted;
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { data: { convertedDealId?: string; deal?: { id: string } } };
    dealId = body.data.deal?.id ?? body.data.convertedDealId ?? '';
    await page.getByText('Lars Nordkap was converted').waitFor();

    await page.goto(`${url}/deals`);
    const card = page.locator('[data-deal-id]', { hasText: 'Nordkap – espresso machines' });
    await card.waitFor();
    const moved = page.waitForResponse((r) => r.url().includes('/move') && r.request().method() === 'POST');
    await drag(page, card, column(page, 'Won'));
    expect((await moved).status()).toBe(200);
    await column(page, 'Won').getByText('Nordkap – espresso machines').waitFor();
    await page.reload();
    await column(page, 'Won').getByText('Nordkap – espresso machines').waitFor();
    await page.screenshot({ path: join(screenshots, 'sales-service-won.png') });

    const deal = await page.evaluate(async () => {
      const list = await fetch('/api/v1/deals?limit=10').then((r) => r.json());
      return (
        list.data as { id: string; name: string; status: string; ownerId: string; accountId: string }[]
      ).find((d) => d.name === 'Nordkap – espresso machines');
    });
    expect(deal).toMatchObject({ status: 'won' });
    if (dealId) expect(deal?.id).toBe(dealId);
  });
});
