import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { multipart } from '../attachments/multipart.test-helper.ts';
import { type SmtpReceiver, startSmtpReceiver } from './smtp-receiver.ts';

type Email = {
  id: string;
  status: string;
  messageId: string;
  threadId: string;
  contactId: string | null;
  interactionId: string | null;
  html: string;
  text: string;
  duplicate?: boolean;
};

let t: TestApp;
let agent: Client;
let contactId: string;
let receiver: SmtpReceiver;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', await t.team('Support'));
  const c = await agent.post('/api/v1/contacts', {
    firstName: 'Olle',
    lastName: 'Ek',
    emails: [{ address: 'olle@work.se' }, { address: 'Olle.Private@home.se' }],
  });
  contactId = c.data<{ id: string }>().id;
  receiver = await startSmtpReceiver({
    host: '127.0.0.1',
    port: 0,
    maxBytes: 5 * 1024 * 1024,
    onMessage: (raw, envelopeFrom) => t.services.emails.receive(raw, { envelopeFrom }),
  });
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

const smtp = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true });

const emailsOf = async (id: string) =>
  (await agent.get(`/api/v1/emails?filter[contactId][eq]=${id}&sort=createdAt`)).json().data as Email[];

describe('inbound email', () => {
  it('receives over SMTP, threads, dedupes and logs on the contact timeline', async () => {
    const transport = smtp();
    await transport.sendMail({
      from: 'Olle Ek <OLLE.PRIVATE@home.se>',
      to: 'support@relata.test',
      subject: 'Broken delivery',
      messageId: '<m1@home.se>',
      html: '<p>It arrived <a href="javascript:alert(1)" onclick="x()">broken</a></p><script>alert(1)</script>',
      attachments: [
        { filename: 'photo.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
        { filename: 'virus.exe', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) },
      ],
    });
    const [first] = await emailsOf(contactId);
    expect(first).toMatchObject({ status: 'received', messageId: '<m1@home.se>', contactId });
    expect(first!.html).toContain('broken');
    expect(first!.html).not.toMatch(/<script|onclick|javascript:/);
    const files = await agent.get(`/api/v1/attachments?filter[recordId][eq]=${first!.id}`);
    expect((files.json().data as { filename: string }[]).map((f) => f.filename)).toEqual(['photo.pdf']);

    // the same message again, then a reply that references it
    await transport.sendMail({
      from: 'olle.private@home.se',
      to: 'x@relata.test',
      subject: 'Broken delivery',
      messageId: '<m1@home.se>',
      text: 'dup',
    });
    await transport.sendMail({
      from: 'olle@work.se',
      to: 'support@relata.test',
      subject: 'Re: Broken delivery',
      messageId: '<m2@work.se>',
      inReplyTo: '<m1@home.se>',
      references: ['<m0@unknown>', '<m1@home.se>'],
      text: 'Any news?',
    });
    const all = await emailsOf(contactId);
    expect(all.map((e) => e.messageId)).toEqual(['<m1@home.se>', '<m2@work.se>']);
    expect(all[1]!.threadId).toBe(first!.threadId);
    const thread = (await agent.get(`/api/v1/emails/${all[1]!.id}/thread`)).data<Email[]>();
    expect(thread.map((e) => e.messageId)).toEqual(['<m1@home.se>', '<m2@work.se>']);

    const timeline = await agent.get(`/api/v1/contacts/${contactId}/timeline?filter[kind][in]=interaction`);
    const items = timeline.json().data as {
      channel: string;
      direction: string;
      initiative: string;
      emailId: string;
    }[];
    const logged = items
      .filter((i) => i.channel === 'email')
      .map((i) => [i.direction, i.initiative, i.emailId]);
    // both arrived within the same second (the Date header), so compare without order
    expect(logged.sort()).toEqual(
      [
        ['inbound', 'customer', all[1]!.id],
        ['inbound', 'customer', first!.id],
      ].sort(),
    );
  });

  it('keeps mail from unknown senders in the unmatched inbox until assigned', async () => {
    await smtp().sendMail({
      from: 'stranger@else.where',
      to: 'a@relata.test',
      subject: 'Who am I',
      text: 'hello',
      messageId: '<u1@else.where>',
    });
    const inbox = await agent.get('/api/v1/emails/unmatched?limit=10');
    const mail = (inbox.json().data as Email[]).find((e) => e.messageId === '<u1@else.where>')!;
    expect(mail).toMatchObject({ status: 'unmatched', contactId: null, interactionId: null });
    const ro = await t.userClient('read_only');
    expect((await ro.post(`/api/v1/emails/${mail.id}/assign`, { contactId })).statusCode).toBe(403);
    const r = await agent.post(`/api/v1/emails/${mail.id}/assign`, { contactId });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data<Email>()).toMatchObject({ status: 'received', contactId });
    expect(r.data<Email>().interactionId).not.toBeNull();
    expect((await agent.post(`/api/v1/emails/${mail.id}/assign`, { contactId })).statusCode).toBe(409);
    const left = (await agent.get('/api/v1/emails/unmatched')).json().data as Email[];
    expect(left.map((e) => e.id)).not.toContain(mail.id);
  });

  it('imports .eml uploads (raw or multipart), once', async () => {
    const eml = [
      'From: Olle <olle@work.se>',
      'To: support@relata.test',
      'Subject: =?UTF-8?Q?R=C3=A4kning?=',
      'Message-ID: <eml-1@work.se>',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p onmouseover="steal()">Invoice <iframe src="https://evil"></iframe>attached</p>',
      '',
    ].join('\r\n');
    const r = await agent.post('/api/v1/emails/import', Buffer.from(eml), {
      'content-type': 'message/rfc822',
    });
    expect(r.statusCode, r.body).toBe(201);
    const e = r.data<Email & { subject: string }>();
    expect(e).toMatchObject({
      subject: 'Räkning',
      contactId,
      duplicate: false,
    });
    expect(e.html.trim()).toBe('<p>Invoice attached</p>');
    const m = multipart({}, { name: 'mail.eml', content: Buffer.from(eml), type: 'message/rfc822' });
    const again = await agent.post('/api/v1/emails/import', m.body, m.headers);
    expect(again.statusCode).toBe(200);
    expect(again.data<Email>()).toMatchObject({ id: e.id, duplicate: true });
    const junk = await agent.post('/api/v1/emails/import', Buffer.from('no headers at all'), {
      'content-type': 'message/rfc822',
    });
    expect(junk.statusCode).toBe(400);
    expect((await agent.post('/api/v1/emails/import', { eml })).statusCode).toBe(415);
    const ro = await t.userClient('read_only');
    expect(
      (await ro.post('/api/v1/emails/import', Buffer.from(eml), { 'content-type': 'message/rfc822' }))
        .statusCode,
    ).toBe(403);
  });

  it('joins the thread of an email we sent when the customer replies', async () => {
    const out = (
      await agent.post('/api/v1/emails', { contactId, subject: 'Offer', text: 'Here it is' })
    ).data<Email>();
    await smtp().sendMail({
      from: 'olle@work.se',
      to: 'crm@relata.test',
      subject: 'Re: Offer',
      inReplyTo: out.messageId,
      references: [out.messageId],
      text: 'Thanks!',
    });
    const thread = (await agent.get(`/api/v1/emails/${out.id}/thread`)).data<
      (Email & { direction: string })[]
    >();
    expect(thread.map((e) => e.direction)).toEqual(['outbound', 'inbound']);
  });
});
