import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';

type Interaction = {
  id: string;
  channel: string;
  status: string;
  occurredAt: string;
  endsAt: string | null;
  subject: string;
  contactId: string;
  participants: { type: string; id: string }[];
};

let t: TestApp;
let agent: Client;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', await t.team('Field'));
  const c = await agent.post('/api/v1/contacts', {
    firstName: 'Lena',
    lastName: 'Nord',
    emails: [{ address: 'lena@nord.se' }],
  });
  contactId = c.data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

const feedPath = (url: string) => new URL(url, 'http://x').pathname;
const invite = (uid: string, start: string, summary = 'Demo at Nord AB') =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'METHOD:REQUEST',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Stockholm',
    'BEGIN:STANDARD',
    'DTSTART:19701025T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20300101T000000Z',
    `DTSTART;TZID=Europe/Stockholm:${start}`,
    'DURATION:PT1H',
    `SUMMARY:${summary}`,
    'LOCATION:Storgatan 1\\, Umeå',
    'DESCRIPTION:Bring the <b>demo</b> laptop',
    'ORGANIZER:mailto:someone@partner.se',
    'ATTENDEE;CN=Lena:mailto:LENA@nord.se',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('calendar', () => {
  it('serves a private feed of planned meetings and open tasks; a reset revokes the old URL', async () => {
    const m = await agent.post('/api/v1/interactions', {
      channel: 'meeting',
      direction: 'outbound',
      status: 'planned',
      contactId,
      subject: 'Quarterly review',
      occurredAt: '2031-03-01T09:00:00Z',
      endsAt: '2031-03-01T10:00:00Z',
      location: 'Office',
    });
    expect(m.statusCode).toBe(201);
    await agent.post('/api/v1/tasks', { title: 'Send contract', dueAt: '2031-03-02T12:00:00Z', contactId });
    const url = (await agent.get('/api/v1/me/calendar')).data<{ calendarFeedUrl: string }>().calendarFeedUrl;
    expect(url).toMatch(/^http:\/\/.+\/cal\/[A-Za-z0-9_-]{32}\.ics$/);
    expect((await agent.get('/api/v1/me/calendar')).data<{ calendarFeedUrl: string }>().calendarFeedUrl).toBe(
      url,
    );
    const feed = await t.anonymous.get(feedPath(url));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('SUMMARY:Quarterly review');
    expect(feed.body).toContain('DTSTART:20310301T090000Z');
    expect(feed.body).toContain('SUMMARY:Task: Send contract');
    expect(feed.body).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:lena@nord.se');
    const other = await t.userClient('agent');
    const otherFeed = (await other.get('/api/v1/me/calendar')).data<{ calendarFeedUrl: string }>()
      .calendarFeedUrl;
    expect((await t.anonymous.get(feedPath(otherFeed))).body).not.toContain('Quarterly review');

    const reset = await agent.post('/api/v1/me/calendar/reset');
    const next = reset.data<{ calendarFeedUrl: string }>().calendarFeedUrl;
    expect(next).not.toBe(url);
    expect((await t.anonymous.get(feedPath(url))).statusCode).toBe(404);
    expect((await t.anonymous.get(feedPath(next))).statusCode).toBe(200);
    expect((await t.anonymous.get('/cal/short.ics')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/me/calendar')).statusCode).toBe(401);
  });

  it('round-trips a meeting through .ics: export, then import updates the same meeting', async () => {
    const m = await agent.post('/api/v1/interactions', {
      channel: 'meeting',
      direction: 'outbound',
      status: 'planned',
      contactId,
      subject: 'Site visit',
      occurredAt: '2031-04-01T08:00:00Z',
      endsAt: '2031-04-01T09:30:00Z',
    });
    const id = m.data<Interaction>().id;
    const ics = await agent.get(`/api/v1/interactions/${id}/ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-disposition']).toContain('attachment');
    expect(ics.body).toContain(`UID:${id}@relata`);
    const moved = ics.body
      .replace('DTSTART:20310401T080000Z', 'DTSTART:20310401T100000Z')
      .replace('DTEND:20310401T093000Z', 'DTEND:20310401T113000Z');
    const r = await agent.post('/api/v1/calendar/import', moved, { 'content-type': 'text/calendar' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.data<{ id: string; created: boolean }[]>()).toEqual([
      { id, uid: `${id}@relata`, created: false },
    ]);
    const after = (await agent.get(`/api/v1/interactions/${id}`)).data<Interaction>();
    expect(after).toMatchObject({
      occurredAt: '2031-04-01T10:00:00.000Z',
      endsAt: '2031-04-01T11:30:00.000Z',
    });
  });

  it('imports an invitation as a planned meeting with the attendee contact; re-import updates it', async () => {
    const r = await agent.post('/api/v1/calendar/import', {
      ics: invite('inv-1@partner.se', '20310505T100000'),
    });
    expect(r.statusCode, r.body).toBe(201);
    const [{ id, created }] = r.data<{ id: string; created: boolean }[]>() as [
      { id: string; created: boolean },
    ];
    expect(created).toBe(true);
    const m = (await agent.get(`/api/v1/interactions/${id}`)).data<
      Interaction & { location: string; notes: string }
    >();
    expect(m).toMatchObject({
      channel: 'meeting',
      status: 'planned',
      contactId,
      subject: 'Demo at Nord AB',
      occurredAt: '2031-05-05T09:00:00.000Z',
      endsAt: '2031-05-05T10:00:00.000Z',
      location: 'Storgatan 1, Umeå',
    });
    expect(m.notes).toBe('Bring the &lt;b&gt;demo&lt;/b&gt; laptop');
    const again = await agent.post(
      '/api/v1/calendar/import',
      invite('inv-1@partner.se', '20310506T100000', 'Demo moved'),
      { 'content-type': 'text/calendar' },
    );
    expect(again.data<{ id: string; created: boolean }[]>()[0]).toMatchObject({ id, created: false });
    expect((await agent.get(`/api/v1/interactions/${id}`)).data<Interaction>().subject).toBe('Demo moved');
    const list = await agent.get(
      `/api/v1/interactions?filter[contactId][eq]=${contactId}&filter[channel][eq]=meeting`,
    );
    expect((list.json().data as Interaction[]).filter((x) => x.subject.startsWith('Demo')).length).toBe(1);
  });

  it('refuses invalid calendars and unknown attendees with 400, and read_only users with 403', async () => {
    expect((await agent.post('/api/v1/calendar/import', { ics: 'hello' })).statusCode).toBe(400);
    expect(
      (
        await agent.post('/api/v1/calendar/import', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', {
          'content-type': 'text/calendar',
        })
      ).statusCode,
    ).toBe(400);
    const stranger = invite('inv-2@partner.se', '20310505T100000').replace('LENA@nord.se', 'nobody@x.se');
    const r = await agent.post('/api/v1/calendar/import', { ics: stranger });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('contactId');
    expect((await agent.post('/api/v1/calendar/import', { ics: stranger, contactId })).statusCode).toBe(201);
    const ro = await t.userClient('read_only');
    expect(
      (await ro.post('/api/v1/calendar/import', { ics: invite('inv-3@p.se', '20310505T100000') })).statusCode,
    ).toBe(403);
  });
});
