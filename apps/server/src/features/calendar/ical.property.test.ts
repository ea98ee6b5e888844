/** Property tests: any calendar text imports as meetings or is refused with a 400 problem. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { buildCalendar, parseIcsEvents } from './ical.ts';

let t: TestApp;
let agent: Client;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', await t.team('Fuzz'));
  contactId = (await agent.post('/api/v1/contacts', { firstName: 'Ical' })).data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

const real = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:fuzz@example.com',
  'DTSTART:20300101T100000Z',
  'DTEND:20300101T110000Z',
  'SUMMARY:Fuzz <script>alert(1)</script>',
  'DESCRIPTION:<img src=x onerror=alert(1)>',
  'RRULE:FREQ=DAILY;COUNT=3',
  'ATTENDEE:mailto:a@b.se',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

function assertSafe(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect([201, 400], res.body).toContain(res.statusCode);
  if (res.statusCode === 400)
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
}

describe('iCalendar import (property)', () => {
  it('random text: imported or a 400 problem, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000, unit: 'binary' }), async (ics) =>
        assertSafe(await agent.post('/api/v1/calendar/import', { ics: ics || 'x', contactId })),
      ),
      { numRuns: 60 },
    );
  });

  it('mutated real calendars: imported or a 400 problem; notes never carry markup', async () => {
    const mutation = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 15 }),
      insert: fc.oneof(
        fc.string({ maxLength: 15 }),
        fc.constantFrom(
          '\r\n',
          'BEGIN:VEVENT\r\n',
          'END:VEVENT\r\n',
          ';TZID=Nowhere/Zone',
          ':',
          '\u0000',
          'T',
        ),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { maxLength: 5 }), async (mutations) => {
        let ics = real;
        for (const m of mutations) {
          const at = m.at % (ics.length + 1);
          ics = ics.slice(0, at) + m.insert + ics.slice(at + m.cut);
        }
        const res = await agent.post('/api/v1/calendar/import', ics, { 'content-type': 'text/calendar' });
        assertSafe(res);
        if (res.statusCode === 201) {
          for (const { id } of res.json().data as { id: string }[]) {
            const notes = (await agent.get(`/api/v1/interactions/${id}`)).data<{ notes: string }>().notes;
            expect(notes).not.toMatch(/<(script|img)/i);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('what we build, we parse back (unit)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (summary, start) => {
          const text = buildCalendar([{ uid: 'u1@x', summary, start, end: null }], { now: new Date() });
          const [e] = parseIcsEvents(text);
          expect(e?.uid).toBe('u1@x');
          expect(e?.start.getTime()).toBe(Math.floor(start.getTime() / 1000) * 1000);
          expect(e?.summary).toBe(summary.replaceAll('\u0000', '').trim().slice(0, 500));
        },
      ),
      { numRuns: 200 },
    );
  });
});
