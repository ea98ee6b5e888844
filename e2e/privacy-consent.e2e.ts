/**
 * End to end: a customer's consent, withheld data and erasure on the contact page. A contact is
 * set up through the API; in the browser marketing by email is set to denied with its evidence
 * and found in the consent history; the job title and phones are withheld, after which the page
 * says "withheld by the customer" and offers no way to enter them; finally an administrator
 * erases the person with the typed confirmation and the page says so.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, type Harness, screenshots, signIn, startHarness } from './harness.ts';

let h: Harness;
let contactId = '';

beforeAll(async () => {
  h = await startHarness();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && h?.page) {
    await h.page
      .screenshot({ path: join(screenshots, 'privacy-consent-failure.png'), fullPage: true })
      .catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

describe('consent, withheld data and erasure in the browser', () => {
  it('records a denial in the consent matrix and shows it in the history', async () => {
    const { page, url } = h;
    await signIn(page, url);
    const contact = await apiFromPage(page, 'POST', '/contacts', {
      firstName: 'Karin',
      lastName: 'Lindqvist',
      jobTitle: 'Head of purchasing',
      emails: [{ address: 'karin.lindqvist@example.org', primary: true }],
      phones: [{ number: '+46 70 123 45 67' }],
    });
    expect(contact.status).toBe(201);
    contactId = contact.data.id;
    await page.goto(`${url}/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Karin Lindqvist', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Facts' })
      .getByText(/No facts yet/)
      .waitFor();

    const matrix = page.getByRole('table', { name: 'Consent by purpose and channel' });
    await matrix.getByRole('button', { name: 'Marketing by Email: Unknown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Consent for Marketing' });
    await dialog.getByText('Denied', { exact: true }).click();
    await dialog.getByLabel('Evidence').fill('Asked on the phone not to get offers');
    await dialog.getByRole('button', { name: 'Record consent' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await matrix.getByRole('button', { name: 'Marketing by Email: Denied' }).waitFor();

    await page.getByRole('region', { name: 'Consent' }).getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Consent history' });
    await history.getByText('Marketing by Email: denied').waitFor();
    await history.getByText('“Asked on the phone not to get offers”').waitFor();
    await page.screenshot({ path: join(screenshots, 'consent-history.png') });
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });
  });

  it('withholds fields: their values go and no input is offered for them', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Edit Job title' }).waitFor();
    const section = page.getByRole('region', { name: 'Withheld data' });
    await section.getByRole('button', { name: 'Change' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Job title' }).check();
    await dialog.getByRole('checkbox', { name: 'Phones' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Both had values: they are named, and cleared only when confirmed.
    await dialog.getByText('These values will be cleared').waitFor();
    await dialog.getByRole('button', { name: 'Withhold and clear' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await section.getByText('Job title').waitFor();
    expect(await page.getByText('Withheld by the customer').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Edit Job title' }).count()).toBe(0);
    expect(await page.getByText('Head of purchasing').count()).toBe(0);
    expect(await page.getByText('+46 70 123 45 67').count()).toBe(0);
    // The server refuses a value too, whatever the page offers.
    const refused = await apiFromPage(page, 'PATCH', `/contacts/${contactId}`, { jobTitle: 'CEO' });
    expect(refused.status).toBe(422);
    await page.screenshot({ path: join(screenshots, 'withheld-fields.png'), fullPage: true });
  });

  it('erases the person as administrator after the typed confirmation', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
    const dialog = page.getByRole('dialog', { name: /Erase the personal data of Karin Lindqvist/ });
    const erase = dialog.getByRole('button', { name: 'Erase personal data' });
    expect(await erase.isDisabled()).toBe(true);
    const confirm = dialog.getByRole('textbox', { name: /To confirm, type/ });
    await confirm.fill('ERASE');
    expect(await erase.isDisabled()).toBe(true);
    await confirm.fill(`ERASE ${contactId}`);
    await erase.click();
    await dialog.waitFor({ state: 'hidden' });

    const notice = page.getByRole('status').filter({ hasText: 'Personal data erased' });
    await notice.getByText(/anonymous shell/).waitFor();
    await page.getByRole('heading', { name: 'Erased', level: 1 }).waitFor();
    expect(await page.getByText('Karin Lindqvist').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'contact-erased.png'), fullPage: true });
  });
});
