/**
 * End to end: an NPS survey from the builder to the customer and back. An account and a contact
 * who works there are set up through the API; the survey is written in the builder, a personal
 * link is made for the contact and opened signed out on a phone-sized page, where the customer
 * answers 3. Signed in again, the contact carries the detractor badge and the account's NPS went
 * from nothing to −100.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, type Harness, screenshots, signIn, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && h?.page) {
    await h.page
      .screenshot({ path: join(screenshots, 'surveys-failure.png'), fullPage: true })
      .catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

describe('surveys in the browser', () => {
  let accountId = '';
  let contactId = '';
  let link = '';

  it('builds an NPS survey and makes a personal link for a contact', async () => {
    const { page, url } = h;
    await signIn(page, url);
    const account = await apiFromPage(page, 'POST', '/accounts', { name: 'Fjällbacka Logistik AB' });
    expect(account.status).toBe(201);
    accountId = account.data.id;
    const contact = await apiFromPage(page, 'POST', '/contacts', {
      firstName: 'Ingrid',
      lastName: 'Holm',
      language: 'en',
      emails: [{ address: 'ingrid.holm@fjallbacka.example', primary: true }],
    });
    expect(contact.status).toBe(201);
    contactId = contact.data.id;
    const works = await apiFromPage(page, 'POST', '/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: contactId,
      toType: 'account',
      toId: accountId,
    });
    expect(works.status).toBe(201);

    // No answers yet: the account has no NPS.
    await page.goto(`${url}/accounts/${accountId}`);
    const accountNps = page.getByRole('region', { name: 'Net Promoter Score' });
    await accountNps.getByText("No NPS answers from this account's contacts yet.").waitFor();

    // The builder: a new survey starts with an NPS question in the usual wording.
    await page.getByRole('navigation').getByRole('link', { name: 'Surveys' }).click();
    await page.getByRole('link', { name: 'New survey' }).click();
    await page.getByLabel('Name').fill('Customer NPS');
    const question = page.getByRole('region', { name: 'Question 1' });
    expect(await question.getByLabel(/^Question \(English\)/).inputValue()).toMatch(/recommend us/);
    await page
      .getByRole('region', { name: 'Preview' })
      .getByRole('radio', { name: '10', exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Create survey' }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^Customer NPS/, level: 1 }).waitFor();

    // Send: a link for the contact (no email), shown with a copy button.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const picker = dialog.getByLabel('Contacts');
    await picker.fill('Ingrid');
    await page.getByRole('option', { name: 'Ingrid Holm' }).click();
    await dialog.getByText(/Each contact gets a personal link/).click();
    await dialog.getByRole('button', { name: 'Create 1 link' }).click();
    await dialog.getByText('1 personal link created').waitFor();
    await dialog.getByRole('button', { name: 'Copy the link for Ingrid Holm' }).waitFor();
    link = await dialog.getByRole('textbox', { name: 'Link for Ingrid Holm' }).inputValue();
    expect(link).toMatch(/\/s\/[\w.-]+$/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('tab', { name: 'Invitations (1)' }).click();
    await page.getByRole('table', { name: 'Invitations' }).getByText('Ingrid Holm').waitFor();
  });

  it('takes the answer on the personal link, signed out, on a phone', async () => {
    const browser = h.page.context().browser() as Browser;
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    try {
      const page = await phone.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(link);
      expect(new URL(page.url()).pathname).toMatch(/^\/s\//); // not sent to the sign-in page
      await page.getByRole('heading', { name: 'Customer NPS' }).waitFor();
      await page.getByRole('radio', { name: '3', exact: true }).waitFor();
      await page.screenshot({ path: join(screenshots, 'survey-response-phone.png') });
      // Sending without the required answer is refused on the page.
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByText('Please answer this question.').waitFor();
      await page.getByRole('radio', { name: '3', exact: true }).click();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('status').getByText('Thank you!').waitFor();
      await page.screenshot({ path: join(screenshots, 'survey-response-thanks.png') });
      // Opened again, the link shows the answer given and lets the customer change it.
      await page.reload();
      await page.getByText(/You answered on/).waitFor();
      expect(await page.getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('shows the detractor on the contact and the NPS on the account', async () => {
    const { page, url } = h;
    await page.goto(`${url}/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Ingrid Holm', level: 1 }).waitFor();
    await page.getByLabel('NPS: Detractor, 3 of 10').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Survey: Customer NPS').waitFor();

    await page.goto(`${url}/accounts/${accountId}`);
    const accountNps = page.getByRole('region', { name: 'Net Promoter Score' });
    await accountNps.getByLabel('NPS -100').waitFor();
    expect(await accountNps.textContent()).toContain('Detractors 1');
    await page.screenshot({ path: join(screenshots, 'survey-account-nps.png'), fullPage: true });

    // The survey's results count the answer.
    await page.goto(`${url}/surveys`);
    await page.getByRole('link', { name: 'Customer NPS' }).click();
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.getByRole('img', { name: /Answers to/ }).waitFor();
    await page.getByRole('tab', { name: 'Responses (1)' }).waitFor();
  });
});
