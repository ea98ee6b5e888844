/**
 * End to end: the real server (in-process, embedded database in a temp folder) serving the built
 * web app, driven by Chromium. Log in → create a contact → find it via search → open it → edit a
 * field inline → see the change on the timeline.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '@relata/server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = join(here, 'screenshots');
const adminEmail = 'admin@relata.local';
const adminPassword = 'e2e-admin-password-1';

let server: { url: string; close(): Promise<void> };
let dataDir: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'relata-e2e-'));
  await mkdir(screenshots, { recursive: true });
  server = await startServer({ port: 0, dataDir, adminPassword, demo: false });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await page.screenshot({ path: join(screenshots, 'failure.png'), fullPage: true }).catch(() => {});
  }
});

/** A JSON request from inside the page, with the session cookie and CSRF token. */
async function post(path: string, body: unknown): Promise<{ status: number; data: { id: string } }> {
  return page.evaluate(
    async ({ path, body }) => {
      const me = await fetch('/api/v1/me').then((r) => r.json());
      const r = await fetch(`/api/v1${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.data.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: r.status, data: (await r.json()).data };
    },
    { path, body },
  );
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('CRM in the browser', () => {
  it('logs in, creates a contact, finds it, edits it inline and shows the change in history', async () => {
    // Log in.
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Welcome back/ }).waitFor();

    // Create a contact.
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Astrid');
    await dialog.getByLabel('Last name').fill('Lindqvist');
    await dialog.getByLabel('Email').fill('astrid.lindqvist@example.se');
    await dialog.getByLabel('Phone').fill('+46 8 123 456 78');
    await dialog.getByRole('button', { name: /^(Create contact|Create anyway)$/ }).click();
    // The app opens the new contact; go back to the list to find it through search.
    await page.getByRole('heading', { name: 'Astrid Lindqvist', level: 1 }).waitFor();

    // A few more contacts so the list has something to look at.
    for (const [first, last, email] of [
      ['Björn', 'Eriksson', 'bjorn@example.no'],
      ['Olga', 'Ivanova', 'olga@example.ru'],
      ['Maria', 'Berg', 'maria.berg@example.com'],
    ] as const) {
      const res = await post('/contacts', {
        firstName: first,
        lastName: last,
        emails: [{ address: email, primary: true }],
      });
      expect(res.status).toBe(201);
    }

    // Find it in the list through the search box.
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    const table = page.getByRole('table', { name: 'Contacts' });
    await table.getByRole('row', { name: 'Maria Berg' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'contacts-list.png') });
    await page.getByRole('searchbox', { name: 'Search Contacts' }).fill('lindqvist');
    await expect.poll(() => table.getByRole('row', { name: 'Maria Berg' }).count()).toBe(0);
    const row = table.getByRole('row', { name: 'Astrid Lindqvist' });
    await row.waitFor();
    expect(await row.textContent()).toContain('astrid.lindqvist@example.se');

    // Open it.
    await row.click();
    await page.getByRole('heading', { name: 'Astrid Lindqvist', level: 1 }).waitFor();

    // Edit the job title inline: click, type, Enter.
    await page.getByRole('button', { name: 'Edit Job title' }).click();
    const input = page.getByRole('textbox', { name: 'Job title' });
    await input.fill('Head of Procurement');
    await input.press('Enter');
    await page
      .getByRole('button', { name: 'Edit Job title' })
      .filter({ hasText: 'Head of Procurement' })
      .waitFor();

    // The timeline shows who changed what, from → to.
    const history = page.getByRole('region', { name: 'Timeline' });
    await history.getByText('Head of Procurement').waitFor();
    const historyText = await history.textContent();
    expect(historyText).toContain('Job title');
    expect(historyText).toMatch(/updated/);
    await page.screenshot({ path: join(screenshots, 'contact-page.png'), fullPage: true });
  });

  it('lists accounts and shows the settings pages', async () => {
    // Continues the signed-in session of the test above.
    const owner = await post('/users', {
      email: 'kristina@example.se',
      name: 'Kristina Johansson-Lindberg',
      role: 'agent',
      teamId: null,
      language: 'sv',
      password: 'e2e-agent-password-1',
    });
    expect(owner.status).toBe(201);
    for (const [name, domain, type, industry, ownerId] of [
      ['Nordvind Logistik AB', 'nordvind.se', 'customer', 'Logistics', owner.data.id],
      ['Fjordkraft Consulting AS', 'fjordkraft.no', 'prospect', 'Consulting', null],
      ['ООО Северный Ветер', null, 'partner', null, owner.data.id],
    ] as const) {
      const res = await post('/accounts', { name, domain, type, industry, ownerId });
      expect(res.status).toBe(201);
    }

    // The app caches the user list; load it afresh to see the user made through the API.
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Accounts' }).click();
    const table = page.getByRole('table', { name: 'Accounts' });
    await table.getByRole('row', { name: 'Nordvind Logistik AB' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'accounts-list.png') });

    await table.getByRole('row', { name: 'Nordvind Logistik AB' }).click();
    await page.getByRole('heading', { name: 'Nordvind Logistik AB', level: 1 }).waitFor();
    await page.screenshot({ path: join(screenshots, 'account-page.png'), fullPage: true });

    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('table', { name: 'Users' }).getByText('Kristina Johansson-Lindberg').waitFor();
    await page.screenshot({ path: join(screenshots, 'settings-users.png') });

    await page.getByRole('tab', { name: 'Custom fields' }).click();
    await page.getByRole('table', { name: 'Custom fields' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'settings-custom-fields.png') });
  });
});
