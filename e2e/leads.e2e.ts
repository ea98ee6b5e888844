/**
 * End to end: a lead form is made in Settings, its HTML embed code is put on a "website" page and
 * filled in by a visitor (a plain form post, no JavaScript); the lead shows on the Leads page
 * with its score, its page explains the score, and it is converted into a contact and account.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, screenshots, signIn, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && h?.page) {
    await h.page.screenshot({ path: join(screenshots, 'leads-failure.png'), fullPage: true }).catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

describe('leads in the browser', () => {
  let embed = '';

  it('creates a lead form in Settings and shows its embed code', async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.goto(`${url}/settings?tab=lead-forms`);
    await page.getByRole('button', { name: 'New form' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Website contact');
    await dialog.getByRole('checkbox', { name: 'Phone' }).check();
    await dialog.getByLabel('Consent checkbox text').fill('Send me news by email');
    await dialog.getByLabel('Campaign').fill('Spring 2026');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Form Website contact saved').waitFor();
    await page.getByRole('cell', { name: 'Website contact', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Embed code of Website contact' }).click();
    const code = page.getByRole('dialog');
    await code.getByText('Posts to').waitFor();
    embed = (await code.locator('pre').first().textContent()) ?? '';
    expect(embed).toContain(`action="${url}/f/`);
    await page.screenshot({ path: join(screenshots, 'leads-embed.png') });
    await code.getByRole('tab', { name: 'Preview' }).click();
    await code.frameLocator('iframe').getByRole('button', { name: 'Send' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'leads-form-preview.png') });
  });

  it('a visitor fills in the embedded form on a website; the lead arrives scored', async () => {
    const { page, url } = h;
    const site = await page.context().newPage();
    await site.setContent(`<!doctype html><html><body><h1>Acme — contact us</h1>${embed}</body></html>`);
    await site.getByLabel('First name *').fill('Frida');
    await site.getByLabel('Last name').fill('Lind');
    await site.getByLabel('Email *').fill('Frida.Lind@Nordbygg.se');
    await site.getByLabel('Phone').fill('+46 70 765 43 21');
    await site.getByLabel('Company').fill('Nordbygg AB');
    await site.getByLabel('Message').fill('We need 40 licences before summer.');
    await site.getByRole('checkbox', { name: 'Send me news by email' }).check();
    await site.getByRole('button', { name: 'Send' }).click();
    await site.getByText('Thank you! We will be in touch soon.').waitFor();
    await site.close();

    await page.goto(`${url}/leads`);
    const row = page.getByRole('row', { name: /Frida Lind/ });
    await row.waitFor();
    // Default rules: company +10, phone +5, a form sent +10.
    await expect(row.getByLabel('Score 25').textContent()).resolves.toBe('25');
    await row.getByText('Spring 2026').waitFor();
    await page.screenshot({ path: join(screenshots, 'leads-list.png') });
  });

  it('an admin changes a scoring rule; open leads are re-scored', async () => {
    const { page, url } = h;
    await page.goto(`${url}/settings?tab=lead-scoring`);
    const rules = page.getByRole('table', { name: 'Attribute rules' });
    const company = rules.getByRole('row').nth(1);
    await company.getByRole('textbox', { name: 'Points' }).fill('20');
    await page.getByRole('button', { name: 'Save and re-score' }).click();
    await page.getByText('Scoring rules saved; open leads are being re-scored').waitFor();
    await page.screenshot({ path: join(screenshots, 'leads-scoring.png'), fullPage: true });
    await page.goto(`${url}/leads`);
    const row = page.getByRole('row', { name: /Frida Lind/ });
    await expect
      .poll(
        async () => {
          await page.reload();
          return row.getByLabel(/^Score/).textContent();
        },
        { timeout: 20_000 },
      )
      .toBe('35');
  });

  it('the lead page explains the score; converting makes a contact and an account', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Frida Lind' }).click();
    await page.getByRole('heading', { name: 'Frida Lind', level: 1 }).waitFor();
    const score = page.getByRole('region', { name: 'Score' });
    await score.getByText('Company is given').waitFor();
    await score.getByText('+20').waitFor();
    await score.getByText('Form submitted').waitFor();
    await page
      .getByRole('region', { name: 'Consent on the form' })
      .getByText('Recorded when the lead is converted')
      .waitFor();
    await page
      .getByRole('region', { name: 'History' })
      .getByText('We need 40 licences before summer.')
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'leads-page.png'), fullPage: true });

    await page.getByRole('button', { name: 'Convert' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('A new contact: Frida Lind').waitFor();
    await dialog.getByRole('checkbox', { name: 'Create the account Nordbygg AB' }).waitFor();
    await dialog.getByRole('button', { name: 'Convert lead' }).click();
    await page.getByText('Frida Lind was converted').waitFor();
    const converted = page.getByRole('region', { name: 'Converted' });
    await converted.getByRole('link', { name: 'Nordbygg AB' }).waitFor();
    await page
      .getByRole('region', { name: 'Consent on the form' })
      .getByText('Recorded on the contact')
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'leads-converted.png'), fullPage: true });
    await converted.getByRole('link', { name: 'Frida Lind' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Frida Lind', level: 1 }).waitFor();
  });
});
