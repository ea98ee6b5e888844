import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessCalendarSchema,
  businessMinutesBetween,
} from './business-hours.ts';
import { canMoveCase, caseCreateSchema } from './case.schema.ts';
import { defaultDisputeSettings, describeDispute, detectDispute } from './disputes.ts';
import { type SlaPolicy, selectSlaPolicy, slaClockState, slaDue } from './sla.ts';

const office: BusinessCalendar = {
  timezone: 'Europe/Stockholm',
  hours: {
    mon: [['08:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  holidays: ['2026-12-24', '2026-12-25'],
};
const allDay: BusinessCalendar = {
  timezone: 'Europe/Stockholm',
  hours: Object.fromEntries(
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]]),
  ),
  holidays: [],
};
const at = (iso: string) => new Date(iso);

describe('business hours', () => {
  it.each([
    ['within a day', '2026-12-01T08:00:00Z', 60, '2026-12-01T09:00:00Z'], // Tue 09:00 → 10:00 CET
    ['before opening', '2026-11-30T04:00:00Z', 30, '2026-11-30T07:30:00Z'], // Mon 05:00 → 08:30
    ['over the night', '2026-12-01T15:30:00Z', 60, '2026-12-02T07:30:00Z'], // Tue 16:30 → Wed 08:30
    ['over the weekend', '2026-12-04T15:00:00Z', 120, '2026-12-07T08:00:00Z'], // Fri 16:00 → Mon 09:00
    ['over lunch', '2026-12-04T10:30:00Z', 60, '2026-12-04T12:30:00Z'], // Fri 11:30 → 13:30
    ['over holidays', '2026-12-23T15:30:00Z', 60, '2026-12-28T07:30:00Z'], // Wed 16:30 → Mon 08:30
    ['zero minutes', '2026-12-05T12:00:00Z', 0, '2026-12-05T12:00:00Z'],
  ])('%s', (_what, start, minutes, due) => {
    expect(addBusinessMinutes(office, at(start), minutes).toISOString()).toBe(at(due).toISOString());
  });

  it('runs in real time across a daylight-saving change (the 23-hour Sunday)', () => {
    const start = at('2026-03-28T11:00:00Z'); // Saturday 12:00 CET
    const due = addBusinessMinutes(allDay, start, 24 * 60);
    expect(due.toISOString()).toBe('2026-03-29T11:00:00.000Z'); // Sunday 13:00 CEST
    expect(businessMinutesBetween(allDay, start, due)).toBe(24 * 60);
  });

  it('opens at local time after the clocks change', () => {
    const mondayAfter = addBusinessMinutes(office, at('2026-03-27T16:30:00Z'), 30); // Fri 17:30 CET
    expect(mondayAfter.toISOString()).toBe('2026-03-30T06:30:00.000Z'); // Mon 08:30 CEST
  });

  it('runs around the clock without a calendar', () => {
    expect(addBusinessMinutes(null, at('2026-12-05T12:00:00Z'), 90).toISOString()).toBe(
      '2026-12-05T13:30:00.000Z',
    );
    expect(businessMinutesBetween(null, at('2026-12-05T12:00:00Z'), at('2026-12-05T12:45:00Z'))).toBe(45);
  });

  it('measures business minutes between two instants', () => {
    // Fri 11:00 → Mon 09:00: 1 h before lunch, 4 h after, 1 h on Monday.
    expect(businessMinutesBetween(office, at('2026-12-04T10:00:00Z'), at('2026-12-07T08:00:00Z'))).toBe(360);
    expect(businessMinutesBetween(office, at('2026-12-07T08:00:00Z'), at('2026-12-04T10:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(office, at('2026-12-24T08:00:00Z'), at('2026-12-25T16:00:00Z'))).toBe(0);
  });

  it('adding and measuring agree (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 20_000 }),
        (start, minutes) => {
          const due = addBusinessMinutes(office, start, minutes);
          expect(due.getTime()).toBeGreaterThan(start.getTime());
          expect(businessMinutesBetween(office, start, due)).toBeCloseTo(minutes, 6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses calendars that cannot work', () => {
    const base = { name: 'Office', timezone: 'Europe/Oslo', hours: { mon: [['08:00', '16:00']] } };
    expect(businessCalendarSchema.parse(base).hours.tue).toEqual([]);
    const errors = (v: unknown) =>
      businessCalendarSchema.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(errors({ ...base, timezone: 'Mars/Olympus' })).toEqual([
      'timezone: must be an IANA time zone, e.g. Europe/Stockholm',
    ]);
    expect(errors({ ...base, hours: {} })[0]).toContain('at least one day needs opening hours');
    expect(errors({ ...base, hours: { mon: [['09:00', '08:00']] } })[0]).toContain(
      'must end after it starts',
    );
    expect(
      errors({
        ...base,
        hours: {
          mon: [
            ['08:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      })[0],
    ).toContain('must not overlap');
    expect(errors({ ...base, hours: { mon: [['8:00', '16:00']] } })[0]).toContain('HH:MM');
    expect(errors({ ...base, holidays: ['24/12'] })[0]).toContain('YYYY-MM-DD');
  });
});

const targets = (first: number, resolve: number) => ({
  low: { firstResponseMinutes: first * 4, resolutionMinutes: resolve * 4 },
  normal: { firstResponseMinutes: first * 2, resolutionMinutes: resolve * 2 },
  high: { firstResponseMinutes: first, resolutionMinutes: resolve },
  urgent: { firstResponseMinutes: first / 2, resolutionMinutes: null },
});
const policy = (id: string, tiers: string[], active = true): SlaPolicy => ({
  id,
  active,
  tiers,
  targets: targets(60, 480),
  warnAtPercent: 75,
});

describe('SLA', () => {
  const standard = policy('standard', []);
  const keyAccounts = policy('key', ['A', 'B']);
  const old = policy('old', ['A'], false);

  it('picks the policy routing chose, else the first serving the tier, else the general one', () => {
    const all = [old, keyAccounts, standard];
    expect(selectSlaPolicy(all, { tier: 'a' })?.id).toBe('key');
    expect(selectSlaPolicy(all, { tier: 'C' })?.id).toBe('standard');
    expect(selectSlaPolicy(all, { tier: null })?.id).toBe('standard');
    expect(selectSlaPolicy(all, { tier: 'C', chosenId: 'key' })?.id).toBe('key');
    expect(selectSlaPolicy(all, { tier: 'A', chosenId: 'old' })?.id).toBe('key'); // inactive
    expect(selectSlaPolicy([keyAccounts], { tier: 'D' })).toBeNull();
  });

  it('sets due and warning times on business hours; waiting on the customer moves resolution', () => {
    const opened = at('2026-12-04T15:30:00Z'); // Friday 16:30, half an hour before closing
    const due = slaDue(keyAccounts, office, 'high', opened);
    expect(due.firstResponseDueAt!.toISOString()).toBe('2026-12-07T07:30:00.000Z'); // Mon 08:30
    expect(due.firstResponseWarnAt!.toISOString()).toBe('2026-12-07T07:15:00.000Z'); // 45 of 60 min
    expect(due.resolutionDueAt!.toISOString()).toBe('2026-12-07T14:30:00.000Z'); // Mon 15:30
    const paused = slaDue(keyAccounts, office, 'high', opened, 120);
    expect(paused.firstResponseDueAt).toEqual(due.firstResponseDueAt);
    expect(paused.resolutionDueAt!.toISOString()).toBe('2026-12-08T07:30:00.000Z'); // Tue 08:30
    const urgent = slaDue(keyAccounts, null, 'urgent', opened);
    expect(urgent.firstResponseDueAt!.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(urgent.resolutionDueAt).toBeNull();
    expect(slaDue(null, office, 'high', opened).firstResponseDueAt).toBeNull();
  });

  it('tells where a clock stands', () => {
    const c = { dueAt: at('2026-12-07T10:00:00Z'), warnAt: at('2026-12-07T09:00:00Z'), stoppedAt: null };
    expect(slaClockState(c, at('2026-12-07T08:00:00Z'))).toBe('running');
    expect(slaClockState(c, at('2026-12-07T09:30:00Z'))).toBe('warning');
    expect(slaClockState(c, at('2026-12-07T10:00:00Z'))).toBe('breached');
    expect(slaClockState({ ...c, stoppedAt: at('2026-12-07T09:59:00Z') }, at('2026-12-09T00:00:00Z'))).toBe(
      'met',
    );
    expect(slaClockState({ ...c, stoppedAt: at('2026-12-07T10:01:00Z') }, at('2026-12-09T00:00:00Z'))).toBe(
      'missed',
    );
    expect(slaClockState({ ...c, pausedAt: at('2026-12-07T09:10:00Z') }, at('2026-12-07T11:00:00Z'))).toBe(
      'paused',
    );
    expect(slaClockState({ dueAt: null, warnAt: null, stoppedAt: null }, at('2026-12-07T11:00:00Z'))).toBe(
      'none',
    );
  });
});

describe('disputes', () => {
  const now = at('2026-12-06T12:00:00Z');
  const quiet = {
    subject: 'Question',
    text: 'When does my order arrive?',
    npsCategory: null,
    npsScore: null,
    npsAnsweredAt: null,
    recentContacts: 1,
    now,
  };

  it('flags keywords, recent detractors and repeated contact, with reasons', () => {
    expect(detectDispute(quiet, defaultDisputeSettings)).toEqual([]);
    const angry = { ...quiet, subject: 'Refund!', text: 'I will file a chargeback' };
    expect(detectDispute(angry, defaultDisputeSettings)).toEqual([
      { rule: 'keywords', words: ['refund', 'chargeback'] },
    ]);
    const swedish = { ...quiet, text: 'Jag vill ha återbetalning' };
    expect(detectDispute(swedish, defaultDisputeSettings)[0]).toEqual({
      rule: 'keywords',
      words: ['återbetalning'],
    });
    const russian = { ...quiet, text: 'Это официальная претензия' };
    expect(detectDispute(russian, defaultDisputeSettings)[0]).toMatchObject({ rule: 'keywords' });
    const detractor = {
      ...quiet,
      npsCategory: 'detractor',
      npsScore: 3,
      npsAnsweredAt: at('2026-11-20T00:00:00Z'),
    };
    const reasons = detectDispute({ ...detractor, recentContacts: 3 }, defaultDisputeSettings);
    expect(reasons.map((r) => r.rule)).toEqual(['detractor', 'repeat']);
    expect(describeDispute(reasons)).toBe('NPS detractor (3); 3 contacts in 7 days');
    const stale = { ...detractor, npsAnsweredAt: at('2026-09-01T00:00:00Z') };
    expect(detectDispute(stale, defaultDisputeSettings)).toEqual([]);
  });

  it('follows the settings', () => {
    const angry = { ...quiet, text: 'refund', recentContacts: 9 };
    expect(detectDispute(angry, { ...defaultDisputeSettings, enabled: false })).toEqual([]);
    expect(detectDispute(angry, { ...defaultDisputeSettings, keywords: [], repeatCount: 0 })).toEqual([]);
    expect(
      detectDispute(angry, { ...defaultDisputeSettings, keywords: ['refund'], repeatCount: 10 }),
    ).toEqual([{ rule: 'keywords', words: ['refund'] }]);
  });
});

describe('cases', () => {
  it('moves between statuses: closed is final, solved may reopen', () => {
    expect(canMoveCase('new', 'open')).toBe(true);
    expect(canMoveCase('open', 'pending')).toBe(true);
    expect(canMoveCase('pending', 'open')).toBe(true);
    expect(canMoveCase('solved', 'open')).toBe(true);
    expect(canMoveCase('solved', 'pending')).toBe(false);
    expect(canMoveCase('closed', 'open')).toBe(false);
    expect(canMoveCase('closed', 'closed')).toBe(true);
  });

  it('needs a subject; leaves priority to routing', () => {
    const c = caseCreateSchema.parse({ subject: 'Broken fridge' });
    expect(c).toMatchObject({ status: 'new', channel: 'email', tags: [], description: '' });
    expect(c.priority).toBeUndefined();
    expect(caseCreateSchema.safeParse({ subject: '' }).success).toBe(false);
    expect(caseCreateSchema.safeParse({ subject: 'x', status: 'closed' }).success).toBe(false);
    expect(caseCreateSchema.safeParse({ subject: 'x', priority: 'critical' }).success).toBe(false);
  });
});
