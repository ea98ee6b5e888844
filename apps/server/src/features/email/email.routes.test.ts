import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { startCapture } from './email.test-helper.ts';
import { createEmailSender, EMAIL_SEND_JOB } from './email-send.ts';
import { createMailer } from './mailer.ts';

type Email = {
  id: string;
  status: string;
  messageId: string;
  threadId: string;
  inReplyTo: string | null;
  references: string[];
  to: string[];
  html: string;
  interactionId: string;
  attempts: number;
  lastError: string | null;
};
type Interaction = {
  id: string;
  channel: string;
  direction: string;
  outcome: string | null;
  emailId: string;
};

const MAIL_FROM = 'Relata <crm@relata.test>';
let t: TestApp;
let agent: Client;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', await t.team('Sales'));
  const c = await agent.post('/api/v1/contacts', {
    firstName: 'Karin',
    lastName: 'Berg',
    emails: [{ address: 'Karin.Berg@kund.se' }],
  });
  contactId = c.data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

const senderTo = (url: string) =>
  createEmailSender({
    db: t.services.database.db,
    clock: () => new Date(),
    mailer: createMailer({ smtpUrl: url }),
    mailFrom: MAIL_FROM,
  });

describe('outbound email', () => {
  it('queues an email with its interaction and job in one transaction, sends it once', async () => {
    const r = await agent.post('/api/v1/emails', {
      contactId,
      subject: 'Your offer',
      html: '<p>Hello <b>Karin</b><script>alert(1)</script><img src=x onerror=alert(1)></p>',
    });
    expect(r.statusCode, r.body).toBe(201);
    const e = r.data<Email>();
    expect(e).toMatchObject({
      status: 'queued',
      to: ['karin.berg@kund.se'],
      html: '<p>Hello <b>Karin</b></p>',
    });
    expect(e.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    const jobs = await t.services.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'emailId' = $2`,
      [EMAIL_SEND_JOB, e.id],
    );
    expect(jobs[0]!.n).toBe(1);
    const i = (await agent.get(`/api/v1/interactions/${e.interactionId}`)).data<Interaction>();
    expect(i).toMatchObject({ channel: 'email', direction: 'outbound', outcome: null, emailId: e.id });

    const smtp = await startCapture();
    try {
      const sender = senderTo(smtp.url);
      const runs = await Promise.all([sender.sendOne(e.id), sender.sendOne(e.id)]);
      expect(runs.sort()).toEqual(['sent', 'skipped']);
      expect(await sender.sendOne(e.id)).toBe('skipped');
      expect(smtp.messages.length).toBe(1);
      expect(smtp.messages[0]!.to).toEqual(['karin.berg@kund.se']);
      expect(smtp.messages[0]!.raw).toContain(`Message-ID: ${e.messageId}`);
      expect(smtp.messages[0]!.raw).not.toContain('<script');
    } finally {
      await smtp.close();
    }
    const sent = (await agent.get(`/api/v1/emails/${e.id}`)).data<Email & { sentAt: string }>();
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent.sentAt).not.toBeNull();
    expect((await agent.get(`/api/v1/interactions/${e.interactionId}`)).data<Interaction>().outcome).toBe(
      'sent',
    );
    const list = await agent.get(`/api/v1/emails?filter[contactId][eq]=${contactId}`);
    expect((list.json().data as Email[]).map((x) => x.id)).toContain(e.id);
  });

  it('threads a reply under the replied-to email', async () => {
    const first = (
      await agent.post('/api/v1/emails', { contactId, subject: 'One', text: 'first' })
    ).data<Email>();
    const reply = await agent.post('/api/v1/emails', {
      contactId,
      subject: 'Re: One',
      text: 'second',
      inReplyToEmailId: first.id,
    });
    const second = reply.data<Email>();
    expect(second).toMatchObject({
      threadId: first.threadId,
      inReplyTo: first.messageId,
      references: [first.messageId],
    });
    const thread = (await agent.get(`/api/v1/emails/${second.id}/thread`)).data<Email[]>();
    expect(thread.map((x) => x.id)).toEqual([first.id, second.id]);
  });

  it('retries transient failures and gives up on permanent ones', async () => {
    const e = (await agent.post('/api/v1/emails', { contactId, subject: 'Retry', text: 'x' })).data<Email>();
    const down = senderTo('smtp://127.0.0.1:1');
    await expect(down.sendOne(e.id)).rejects.toThrow();
    expect((await agent.get(`/api/v1/emails/${e.id}`)).data<Email>()).toMatchObject({
      status: 'queued',
      attempts: 1,
    });
    const smtp = await startCapture({ rejectWith: 550 });
    try {
      expect(await senderTo(smtp.url).sendOne(e.id)).toBe('failed');
    } finally {
      await smtp.close();
    }
    const failed = (await agent.get(`/api/v1/emails/${e.id}`)).data<Email>();
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(failed.lastError).toContain('550');
  });

  it('validates input and authorises the sender', async () => {
    const none = (await agent.post('/api/v1/contacts', { firstName: 'No', lastName: 'Mail' })).data<{
      id: string;
    }>();
    const noAddress = await agent.post('/api/v1/emails', { contactId: none.id, subject: 'Hi', text: 'x' });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().errors[0].field).toBe('to');
    expect((await agent.post('/api/v1/emails', { contactId, subject: 'Hi' })).statusCode).toBe(400);
    expect(
      (await agent.post('/api/v1/emails', { contactId, subject: 'Hi', text: 'x', to: ['not-an-address'] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await agent.post('/api/v1/emails', { contactId, subject: 'Hi', html: '<script>x</script>' }))
        .statusCode,
    ).toBe(400);
    const ro = await t.userClient('read_only');
    expect((await ro.post('/api/v1/emails', { contactId, subject: 'Hi', text: 'x' })).statusCode).toBe(403);
    expect((await ro.get(`/api/v1/emails?filter[contactId][eq]=${contactId}`)).statusCode).toBe(200);
  });
});
