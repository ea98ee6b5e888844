/**
 * End to end: the pipeline board. Deals made through the API show on the board; a real pointer
 * drag moves one to another stage and the move is still there after a reload; a drop on the lost
 * stage asks for the reason first. Then the deal page shows the stage history and a quote.
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
    await h.page.screenshot({ path: join(screenshots, 'deals-failure.png'), fullPage: true }).catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

const column = (page: Page, stage: string) => page.locator(`li[aria-label="${stage}"]`);

/** Presses on the card, moves in small steps to the target and lets go (a real pointer drag). */
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

describe('deals board in the browser', () => {
  it('drags a deal to another stage and finds it there after a reload', async () => {
    const { page, url } = h;
    await signIn(page, url);
    const account = await apiFromPage(page, 'POST', '/accounts', { name: 'Fjällbacka Kafferosteri AB' });
    expect(account.status).toBe(201);
    const contact = await apiFromPage(page, 'POST', '/contacts', {
      firstName: 'Øystein',
      lastName: 'Brekke',
    });
    const names = ['Espresso bar roll-out', 'Office coffee 2027', 'Barista academy'];
    for (const [i, name] of names.entries()) {
      const d = await apiFromPage(page, 'POST', '/deals', {
        name,
        amount: 1_250_000 * (i + 1),
        accountId: account.data.id,
        contactId: contact.data.id,
        expectedCloseDate: '2027-03-31',
      });
      expect(d.status).toBe(201);
    }
    await page.goto(`${url}/deals`);
    const card = column(page, 'Qualification').locator('[data-deal-id]', {
      hasText: 'Espresso bar roll-out',
    });
    await card.waitFor();
    await expect(
      column(page, 'Qualification').getByText('3', { exact: true }).first().isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'deals-board.png') });

    const moved = page.waitForResponse((r) => r.url().includes('/move') && r.request().method() === 'POST');
    await drag(page, card, column(page, 'Proposal'));
    expect((await moved).status()).toBe(200);
    await column(page, 'Proposal').getByText('Espresso bar roll-out').waitFor();

    await page.reload();
    await column(page, 'Proposal').getByText('Espresso bar roll-out').waitFor();
    expect(await column(page, 'Qualification').getByText('Espresso bar roll-out').count()).toBe(0);
  });

  it('asks why when a deal is dropped on the lost stage', async () => {
    const { page } = h;
    const card = column(page, 'Qualification').locator('[data-deal-id]', { hasText: 'Barista academy' });
    await drag(page, card, column(page, 'Lost'));
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Why was “Barista academy” lost?').waitFor();
    await dialog.getByLabel(/Lost reason/).click();
    await page.getByRole('option', { name: 'Competitor' }).click();
    const moved = page.waitForResponse((r) => r.url().includes('/move'));
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    expect((await moved).status()).toBe(200);
    await column(page, 'Lost').getByText('Barista academy').waitFor();
  });

  it('opens the deal page with its stage history', async () => {
    const { page, url } = h;
    await column(page, 'Proposal').getByRole('link', { name: 'Espresso bar roll-out' }).click();
    await page.getByRole('heading', { name: 'Espresso bar roll-out' }).waitFor();
    await page.getByText('Stage history').waitFor();
    await page.locator('#stage-history').getByText('Proposal').waitFor();
    expect(page.url()).toMatch(new RegExp(`^${url}/deals/[0-9a-f-]{36}$`));
    await page.screenshot({ path: join(screenshots, 'deal-page.png'), fullPage: true });
  });

  it('shows the forecast, and the board on a phone', async () => {
    const { page, url } = h;
    await page.goto(`${url}/forecast?x=1`);
    await page.getByRole('heading', { name: 'Sales forecast' }).waitFor();
    await page.getByText('Weighted forecast').waitFor();
    await page.screenshot({ path: join(screenshots, 'deals-forecast.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/deals`);
    await column(page, 'Proposal').getByText('Espresso bar roll-out').waitFor();
    await page.screenshot({ path: join(screenshots, 'deals-board-phone.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
