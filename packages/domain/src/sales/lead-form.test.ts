import { describe, expect, it } from 'vitest';
import { leadConvertSchema, leadCreateSchema } from './lead.schema.ts';
import { leadFormCreateSchema, parseLeadSubmission } from './lead-form.schema.ts';
import { leadFormEmbed } from './lead-form-embed.ts';

const form = leadFormCreateSchema.parse({
  name: 'Contact us',
  fields: [
    { key: 'firstName', required: true },
    { key: 'lastName' },
    { key: 'email', required: true },
    { key: 'phone' },
    { key: 'country' },
    { key: 'message' },
  ],
  consentText: 'Send me news by email',
});

describe('lead form submissions', () => {
  it('normalises the values: email lower-cased, phone to E.164, country upper-cased', () => {
    const r = parseLeadSubmission(
      form,
      {
        firstName: ' Anna ',
        email: 'Anna@Example.COM',
        phone: '070-123 45 67',
        country: 'se',
        consent: 'on',
        extra: 'ignored',
        utm_campaign: 'Spring',
      },
      'NO',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        firstName: 'Anna',
        email: 'anna@example.com',
        phone: '+46701234567',
        country: 'SE',
        consent: true,
        utmCampaign: 'Spring',
      },
    });
  });

  it('lists every field error: missing, wrong types, formats and lengths', () => {
    const r = parseLeadSubmission(form, {
      firstName: 42,
      email: 'not-an-email',
      phone: 'abc',
      country: 'Sweden',
      message: 'x'.repeat(5001),
      consent: { yes: true },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'consent:invalid_type',
      'country:too_big',
      'email:invalid_format',
      'firstName:invalid_type',
      'message:too_big',
      'phone:invalid_phone',
    ]);
    const empty = parseLeadSubmission(form, {});
    expect(empty.ok ? [] : empty.errors.map((e) => e.field)).toEqual(['firstName', 'email']);
  });

  it('requires the consent box when the form says so; ignores it on forms without one', () => {
    const strict = { ...form, consentRequired: true };
    const r = parseLeadSubmission(strict, { firstName: 'A', email: 'a@b.se' });
    expect(r.ok ? [] : r.errors).toEqual([
      { field: 'consent', code: 'required', message: 'must be accepted' },
    ]);
    expect(parseLeadSubmission(strict, { firstName: 'A', email: 'a@b.se', consent: true }).ok).toBe(true);
    const none = parseLeadSubmission(
      { ...form, consentText: null },
      { firstName: 'A', email: 'a@b.se', consent: 'on' },
    );
    expect(none.ok && none.value.consent).toBe(false);
  });

  it('a form needs an email or phone field and distinct fields', () => {
    const r = leadFormCreateSchema.safeParse({
      name: 'x',
      fields: [{ key: 'firstName' }, { key: 'firstName' }],
    });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['fields', 'fields.1.key']);
  });
});

describe('embed snippet', () => {
  it('posts to the public endpoint with the honeypot and consent box, escaping the texts', () => {
    const { html, script } = leadFormEmbed(
      { ...form, key: 'abc123', consentText: 'I agree to <news> & "offers"' },
      'https://crm.example.com/',
    );
    expect(html).toContain('action="https://crm.example.com/f/abc123" method="post"');
    expect(html).toContain('name="website" tabindex="-1"');
    expect(html).toContain('<input type="email" name="email" autocomplete="email" required>');
    expect(html).toContain('I agree to &lt;news&gt; &amp; &quot;offers&quot;');
    expect(html).not.toContain('<news>');
    expect(script.startsWith(html)).toBe(true);
    expect(script).toContain('getElementById("relata-form-abc123")');
  });
});

describe('lead input', () => {
  it('needs an email or a phone; lower-cases the email and source', () => {
    expect(leadCreateSchema.safeParse({ firstName: 'A' }).success).toBe(false);
    expect(leadCreateSchema.parse({ email: 'A@B.SE', source: 'Event' })).toMatchObject({
      email: 'a@b.se',
      source: 'event',
      status: 'new',
    });
    expect(leadCreateSchema.safeParse({ email: 'a@b.se', status: 'converted' }).success).toBe(false);
  });

  it('conversion: an amount needs its currency', () => {
    expect(leadConvertSchema.safeParse({ createDeal: true, amount: 1000 }).success).toBe(false);
    expect(leadConvertSchema.parse({ createDeal: true, amount: 1000, currency: 'SEK' }).createAccount).toBe(
      true,
    );
  });
});
