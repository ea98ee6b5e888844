/**
 * End to end: log a call from the keyboard with outcome "callback requested" → the callback task
 * shows in the open-tasks card, on the Tasks page and on the timeline; the search palette finds
 * the contact; a telephony event pops the caller's card; notes, attachments, .ics import and the
 * private calendar feed work from the contact page and the user menu.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, apiFromPage, type Harness, screenshots, signIn, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && h?.page) {
    await h.page
      .screenshot({ path: join(screenshots, 'interactions-failure.png'), fullPage: true })
      .catch(() => {});
  }
});

afterAll(async () => {
  await h?.close();
});

describe('interactions in the browser', () => {
  let contactId = '';

  it('logs a call from the keyboard and shows the callback task everywhere', async () => {
    const { page, url } = h;
    await signIn(page, url);
    const contact = await apiFromPage(page, 'POST', '/contacts', {
      firstName: 'Astrid',
      lastName: 'Lindqvist',
      jobTitle: 'Head of Procurement',
      emails: [{ address: 'astrid.lindqvist@example.se', primary: true }],
      phones: [{ number: '+46 70 111 22 33', primary: true }],
    });
    expect(contact.status).toBe(201);
    contactId = contact.data.id;
    const earlier = await apiFromPage(page, 'POST', '/interactions', {
      channel: 'email',
      direction: 'inbound',
      contactId,
      subject: 'Price list request',
      notes: '<p>Asked for the <strong>2026 price list</strong>.</p><script>alert(1)</script>',
      outcome: 'replied',
      occurredAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
    });
    expect(earlier.status).toBe(201);

    await page.goto(`${url}/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Astrid Lindqvist', level: 1 }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Price list request').waitFor();
    expect(await timeline.locator('script').count()).toBe(0);

    // Keyboard only: L opens the dialog with the channel (phone) focused.
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log interaction' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Channel').inputValue()).toBe('Phone');
    await page.keyboard.press('Tab'); // direction
    await page.keyboard.press('ArrowRight'); // inbound
    await page.keyboard.press('Tab'); // outcome
    await page.keyboard.type('callback');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByLabel('Outcome').inputValue()).toBe('Callback requested');
    await page.keyboard.press('Tab'); // subject
    await page.keyboard.type('Invoice question');
    await page.keyboard.press('Tab'); // note
    await page.keyboard.type('Wants a call after lunch about invoice 4711.');
    await page.keyboard.press('Tab'); // call back at
    await dialog.getByLabel('Call back at').waitFor();
    await page.screenshot({ path: join(screenshots, 'log-interaction.png') });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/A callback task was created/).waitFor();

    const openTasks = page.getByRole('region', { name: 'Open tasks' });
    await openTasks.getByText('Call back Astrid Lindqvist').waitFor();
    await timeline.getByText('Invoice question').waitFor();
    await timeline.getByText('Call back Astrid Lindqvist').waitFor();
    const timelineText = await timeline.textContent();
    expect(timelineText).toContain('Callback requested');
    expect(timelineText).toContain('Wants a call after lunch');
    await page.screenshot({ path: join(screenshots, 'contact-timeline.png'), fullPage: true });

    // The Tasks page lists it under "My tasks".
    await page.getByRole('navigation').getByRole('link', { name: 'Tasks' }).click();
    const table = page.getByRole('table', { name: 'Tasks' });
    const row = table.getByRole('row', { name: 'Call back Astrid Lindqvist' });
    await row.waitFor();
    await row.getByRole('link', { name: 'Astrid Lindqvist' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'tasks-page.png') });

    // A task made in the dialog shows up too, and completing one removes it from the open list.
    await page.getByRole('button', { name: 'New task' }).click();
    const newTask = page.getByRole('dialog', { name: 'New task' });
    await newTask.getByLabel('Title').fill('Send the signed contract');
    await newTask.getByRole('button', { name: 'Create task' }).click();
    await table.getByRole('row', { name: 'Send the signed contract' }).waitFor();
    await table.getByRole('checkbox', { name: 'Mark “Send the signed contract” as done' }).click();
    await expect.poll(() => table.getByRole('row', { name: 'Send the signed contract' }).count()).toBe(0);
  });

  it('finds records and interactions in the search palette', async () => {
    const { page } = h;
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search' });
    await palette.waitFor();
    // Type only once the palette's field has the focus (it takes it as the dialog opens).
    const field = palette.locator('input').first();
    await expect
      .poll(() => field.evaluate((el) => el === document.activeElement), { timeout: 10_000 })
      .toBe(true);
    await page.keyboard.type('invoice');
    await palette.getByRole('option', { name: /Invoice question/ }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('lindq');
    await palette.getByRole('option', { name: /Astrid Lindqvist/ }).waitFor();
    await page.screenshot({ path: join(screenshots, 'search-palette.png') });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Astrid Lindqvist', level: 1 }).waitFor();
    expect(page.url()).toContain(`/contacts/${contactId}`);
  });

  it('pops the caller’s card when the phone system reports a call', async () => {
    const { page, url } = h;
    const key = await apiFromPage<{ secret: string }>(page, 'POST', '/api-keys', {
      name: 'PBX',
      scopes: ['read', 'write'],
    });
    expect(key.status).toBe(201);
    const ring = (callId: string, callerNumber: string) =>
      fetch(`${url}/api/v1/telephony/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key.data.secret}` },
        body: JSON.stringify({ event: 'call.ringing', callId, callerNumber, agent: adminEmail }),
      });
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    // The event stream connects when the shell mounts; give it a moment before ringing.
    await page.waitForTimeout(500);
    expect((await ring('e2e-call-1', '+46 70-111 22 33')).status).toBe(202);
    const pop = page.getByRole('alert').filter({ hasText: 'Incoming call from' });
    await pop.waitFor();
    await pop.getByText('Astrid Lindqvist', { exact: true }).waitFor();
    expect(await pop.textContent()).toMatch(/1 open task/);
    expect((await ring('e2e-call-2', '+46 8 999 99 99')).status).toBe(202);
    await page.getByRole('alert').filter({ hasText: 'Unknown caller' }).waitFor();
    await page.waitForTimeout(600); // let the notifications finish sliding in
    await page.screenshot({ path: join(screenshots, 'screen-pop.png') });
    await pop.getByRole('button', { name: 'Open Astrid Lindqvist' }).click();
    await page.getByRole('heading', { name: 'Astrid Lindqvist', level: 1 }).waitFor();
  });

  it('emails a contact, shows the thread and files unmatched mail from the inbox', async () => {
    const { page, url } = h;
    await page.goto(`${url}/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Astrid Lindqvist', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Email', exact: true }).click();
    const compose = page.getByRole('dialog', { name: 'New email' });
    expect(await compose.getByLabel('To').inputValue()).toBe('astrid.lindqvist@example.se');
    await compose.getByLabel('Subject').fill('Your invoice 4711');
    await compose
      .getByLabel('Message')
      .fill('Hi Astrid,\n\nthe corrected invoice is attached.\n\nBest regards');
    await compose.getByRole('button', { name: 'Send' }).click();
    await compose.waitFor({ state: 'hidden' });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Your invoice 4711' }).click();
    const thread = page.getByRole('dialog', { name: 'Your invoice 4711' });
    await thread.getByText('the corrected invoice is attached.', { exact: false }).waitFor();
    await page.screenshot({ path: join(screenshots, 'email-thread.png') });
    await page.keyboard.press('Escape');
    await thread.waitFor({ state: 'hidden' });

    // Mail from an unknown sender lands in the inbox; assigning it files it on the contact.
    const imported = await page.evaluate(async () => {
      const me = await fetch('/api/v1/me').then((r) => r.json());
      const raw = [
        'From: Stranger <someone@unknown.example>',
        'To: sales@relata.local',
        'Subject: Question about delivery',
        'Message-ID: <e2e-unmatched-1@unknown.example>',
        'Date: Mon, 2 Mar 2026 10:00:00 +0100',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'When will my order arrive?',
      ].join('\r\n');
      const r = await fetch('/api/v1/emails/import', {
        method: 'POST',
        headers: { 'Content-Type': 'message/rfc822', 'X-CSRF-Token': me.data.csrfToken },
        body: raw,
      });
      return r.status;
    });
    expect(imported).toBe(201);
    await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).click();
    const item = page.getByRole('listitem', { name: 'Question about delivery' });
    await item.waitFor();
    await page.screenshot({ path: join(screenshots, 'inbox.png') });
    await item.getByRole('button', { name: 'Assign to contact' }).click();
    const assign = page.getByRole('dialog', { name: /Assign/ });
    await assign.getByLabel('Contact').fill('Astrid');
    await page.getByRole('option', { name: 'Astrid Lindqvist' }).click();
    await assign.getByRole('button', { name: 'Assign to contact' }).click();
    await item.waitFor({ state: 'detached' });
    await page.goto(`${url}/contacts/${contactId}`);
    await timeline.getByText('Question about delivery').waitFor();
  });

  it('adds and edits a note, attaches files and imports a meeting on the contact page', async () => {
    const { page, url } = h;
    await page.goto(`${url}/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'Astrid Lindqvist', level: 1 }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });

    // A note: Ctrl+Enter saves, the composer empties and the note is on the timeline.
    const composer = timeline.getByRole('textbox', { name: 'New note' });
    await composer.fill('Prefers email over phone.\n\nAsk about the Q3 <budget>.');
    await composer.press('Control+Enter');
    await timeline.getByText('Prefers email over phone.').waitFor();
    await expect.poll(() => composer.inputValue()).toBe('');
    expect(await timeline.textContent()).toContain('Ask about the Q3 <budget>.');
    await timeline.getByRole('button', { name: 'Edit note' }).click();
    const editor = timeline.getByRole('textbox', { name: 'Note text' });
    expect(await editor.inputValue()).toBe('Prefers email over phone.\n\nAsk about the Q3 <budget>.');
    await editor.fill('Prefers email over phone, mornings only.');
    await editor.press('Control+Enter');
    await timeline.getByText('Prefers email over phone, mornings only.').waitFor();

    // Attachments: a text file is listed with a download link; HTML is refused with the reason.
    const files = page.getByRole('region', { name: 'Attachments' });
    await files.getByLabel('Choose a file to attach').setInputFiles({
      name: 'price-list-2026.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Article;Price\nWidget;120 SEK\n'),
    });
    const link = files.getByRole('link', { name: 'price-list-2026.txt' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/attachments\/[0-9a-f-]{36}\/download$/);
    const download = await page.evaluate(async (path) => {
      const r = await fetch(path);
      return { disposition: r.headers.get('content-disposition'), body: await r.text() };
    }, href ?? '');
    expect(download.disposition).toMatch(/^attachment;/);
    expect(download.body).toContain('Widget;120 SEK');
    expect(await files.textContent()).toContain('29 B · by ');

    await files.getByLabel('Choose a file to attach').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await files.getByRole('alert').filter({ hasText: 'This file type is not allowed' }).waitFor();
    await files.getByLabel('Choose a file to attach').setInputFiles({
      name: 'huge.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(26 * 1024 * 1024, 'a'),
    });
    await files.getByRole('alert').filter({ hasText: 'The file is too large' }).waitFor();
    expect(await files.getByRole('alert').textContent()).toContain('25 MB');
    await files.getByRole('button', { name: 'Dismiss' }).click();
    await files.getByLabel('Choose a file to attach').setInputFiles({
      name: 'old-offer.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Superseded offer'),
    });
    await files.getByRole('link', { name: 'old-offer.txt' }).waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, 'record-attachments.png'), fullPage: true });
    await files.getByRole('button', { name: 'Delete old-offer.txt' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete attachment' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await files.getByRole('link', { name: 'old-offer.txt' }).waitFor({ state: 'detached' });
    await files.getByRole('link', { name: 'price-list-2026.txt' }).waitFor();

    // An invitation (.ics) becomes a planned meeting on this contact, with its own .ics download.
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//E2E//EN',
      'BEGIN:VEVENT',
      'UID:e2e-meeting-1@example.se',
      'DTSTAMP:20300101T000000Z',
      'DTSTART:20310310T090000Z',
      'DTEND:20310310T100000Z',
      'SUMMARY:Contract walkthrough',
      'LOCATION:Storgatan 1',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await timeline.getByLabel('Choose an .ics file to import').setInputFiles({
      name: 'invite.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(ics),
    });
    await page.getByText('1 meeting imported').waitFor();
    await timeline.getByText('Contract walkthrough').waitFor();
    const icsLink = timeline.getByRole('link', { name: 'Download .ics for Contract walkthrough' });
    expect(await icsLink.getAttribute('href')).toMatch(/^\/api\/v1\/interactions\/[0-9a-f-]{36}\/ics$/);
  });

  it('shows the private calendar feed in the user menu and resets it', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Calendar feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your calendar feed' });
    const input = dialog.getByRole('textbox', { name: 'Feed URL' });
    await input.waitFor();
    const feedUrl = await input.inputValue();
    expect(feedUrl).toMatch(/^https?:\/\/.+\/cal\/[A-Za-z0-9_-]{20,}\.ics$/);
    await dialog.getByRole('button', { name: 'Copy link' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'calendar-feed.png') });
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    const body = await feed.text();
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toContain('Contract walkthrough');

    await dialog.getByRole('button', { name: 'Reset link' }).click();
    const confirm = page.getByRole('dialog', { name: 'Reset the calendar link?' });
    await confirm.getByRole('button', { name: 'Reset link' }).click();
    await page.getByText('A new calendar link was created.').waitFor();
    await expect.poll(() => input.inputValue()).not.toBe(feedUrl);
    expect(await input.inputValue()).toMatch(/\/cal\/[A-Za-z0-9_-]{20,}\.ics$/);
    expect((await fetch(feedUrl)).status).toBe(404);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
