/**
 * End to end: the service desk in the browser. An admin adds a queue in Settings → Service and a
 * routing rule in Settings → Routing (tier A and CLV over €10,000 → Key accounts, high priority,
 * the account manager); the test bench shows the rule firing for a tier-A customer, with the
 * conditions in words; a case created from the case queue for that customer lands in Key
 * accounts with a running SLA timer (the built-in Key accounts policy, on office hours); a reply
 * logged on the case meets its first response.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, type Harness, screenshots, signIn, startHarness } from './harness.ts';

let h: Harness;
let page: Page;
let url: string;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  url = h.url;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await page.screenshot({ path: join(screenshots, 'service-failure.png'), fullPage: true }).catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

/** Picks an option of a Mantine select by its label. */
async function choose(scope: Locator | Page, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('service desk in the browser', () => {
  let accountId = '';
  let contactId = '';
  const customer = 'Kim Nordkap';

  it('adds a queue and a routing rule, and the test bench shows it firing for a tier-A customer', async () => {
    await signIn(page, url);
    // The customer: an account owned by the admin (its account manager) and a person working there.
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).data.id as string);
    const account = await apiFromPage(page, 'POST', '/accounts', { name: 'Nordkap AB', ownerId: me });
    expect(account.status).toBe(201);
    accountId = account.data.id;
    const contact = await apiFromPage(page, 'POST', '/contacts', { firstName: 'Kim', lastName: 'Nordkap' });
    expect(contact.status).toBe(201);
    contactId = contact.data.id;
    const rel = await apiFromPage(page, 'POST', '/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: contactId,
      toType: 'account',
      toId: accountId,
    });
    expect(rel.status).toBe(201);
    // Tier A, CLV €15,000 (minor units), as a value run would have scored the account.
    await h.sql(
      `INSERT INTO customer_values (customer_type, customer_id, first_purchase_on, last_purchase_on, purchases,
         frequency, recency_days, age_days, monetary, historical_value, lifecycle_state, lifecycle_since, clv,
         p_alive, tier)
       VALUES ('account', $1, '2025-01-01', '2026-01-01', 5, 4, 300, 700, 100, 5000000, 'active', '2025-06-01',
         1500000, 0.9, 'A')`,
      [accountId],
    );
    // Settings → Service: a queue.
    await page.goto(`${url}/settings?tab=service`);
    await page.getByRole('button', { name: 'New queue' }).click();
    const queueDialog = page.getByRole('dialog', { name: 'New queue' });
    await queueDialog.getByLabel('Name').fill('Key accounts');
    await queueDialog.getByRole('button', { name: 'Save' }).click();
    await queueDialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Queues' }).getByText('Key accounts').waitFor();

    // Settings → Routing: the rule, built in the editor.
    await page.getByRole('tab', { name: 'Routing' }).click();
    await page.getByRole('button', { name: 'New rule' }).click();
    const editor = page.getByRole('dialog', { name: 'New rule' });
    await editor.getByLabel('Name').fill('Key accounts');
    await editor.getByRole('button', { name: 'Add condition' }).click();
    await choose(editor, 'Value of condition 1', 'A');
    await editor.getByRole('button', { name: 'Add condition' }).click();
    await choose(editor, 'Field of condition 2', 'CLV');
    await choose(editor, 'Operator of condition 2', '>');
    await editor.getByLabel('Value of condition 2').fill('10000');
    await choose(editor, 'Queue', 'Key accounts');
    await choose(editor, 'Priority', 'High');
    await choose(editor, 'Assign to', 'The account manager');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'hidden' });
    const rule = page.getByRole('listitem').filter({ hasText: 'Key accounts' });
    await rule.getByText('When Tier is A and CLV > €10,000').waitFor();
    const saved = await page.evaluate(
      async () => (await (await fetch('/api/v1/routing-rules')).json()).data[0].conditions,
    );
    expect(saved).toEqual([
      { field: 'tier', op: 'eq', value: 'A' },
      { field: 'clv', op: 'gt', value: 1_000_000 },
    ]);

    // The test bench: which rule fires for Kim, and why.
    const bench = page.getByRole('form', { name: 'Test bench' });
    await bench.getByPlaceholder('Search contacts…').fill('Kim');
    await page.getByRole('option', { name: customer }).click();
    await bench.getByLabel('Subject').fill('Espresso machine leaks');
    await bench.getByRole('button', { name: 'Evaluate' }).click();
    const result = page.getByTestId('bench-result');
    await result.getByText('Fires: Key accounts').waitFor();
    await result
      .getByText('Routed to Key accounts, assigned to Administrator: Tier is A and CLV > €10,000')
      .waitFor();
    await result.getByText('(saw €15,000)').waitFor();
    const facts = result.getByRole('table', { name: 'What the engine knows of the customer' });
    expect(await facts.getByRole('row', { name: /^Tier/ }).textContent()).toContain('A');
    await page.screenshot({ path: join(screenshots, 'service-routing.png'), fullPage: true });
  });

  it('creates a case that lands in Key accounts with a running SLA timer; a reply meets the first response', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('table', { name: 'Case queue' }).waitFor();
    await page.getByRole('button', { name: 'New case' }).click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Subject').fill('Espresso machine leaks');
    await dialog.getByLabel('Description').fill('Water under the machine every morning.');
    await dialog.getByPlaceholder('Search contacts…').fill('Kim');
    await page.getByRole('option', { name: customer }).click();
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

    await page.getByRole('heading', { name: 'Espresso machine leaks', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit Queue' }).getByText('Key accounts').waitFor();
    await page.getByRole('button', { name: 'Edit Assignee' }).getByText('Administrator').waitFor();
    await page
      .getByTestId('routing-decision')
      .getByText('Routed to Key accounts, assigned to Administrator: Tier is A and CLV > €10,000')
      .waitFor();
    const firstResponse = page.getByTestId('sla-firstResponse');
    const timer = firstResponse.getByLabel(/^First response: .* left$/);
    await timer.waitFor();
    expect(await timer.getAttribute('data-sla-state')).toBe('running');
    // It counts down live.
    const before = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(before);
    await page.screenshot({ path: join(screenshots, 'service-case.png'), fullPage: true });

    // The queue shows it with its timer.
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    const row = page.getByRole('row', { name: /Espresso machine leaks/ });
    await row.getByText('Key accounts').waitFor();
    await row.getByLabel(/^First response: .* left$/).waitFor();
    await page.screenshot({ path: join(screenshots, 'service-queue.png') });

    // Reply / log: an outbound touch on the case is its first response.
    await row.click();
    await page.getByRole('button', { name: 'Reply / log' }).click();
    const log = page.getByRole('dialog', { name: 'Log interaction' });
    expect(await log.getByLabel('Subject').inputValue()).toBe('Re: Espresso machine leaks');
    await log.getByLabel('Note').fill('Sent a technician booking link.');
    await log.getByRole('button', { name: 'Log interaction' }).click();
    await log.waitFor({ state: 'hidden' });
    await firstResponse.getByLabel('First response: Met').waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('Open');
    await page
      .getByRole('region', { name: 'Interactions' })
      .getByText('Re: Espresso machine leaks')
      .waitFor();
  });
});
