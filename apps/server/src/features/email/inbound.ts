/** Parsing an incoming message (mailparser) into what we store: addresses, ids, safe HTML, files. */
import { createHash } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';
import { invalid } from '../../http/errors.ts';
import { escapeHtml, htmlToText, sanitizeRichText } from '../../http/html.ts';

export type ParsedMessage = {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  date: Date | null;
  attachments: { filename: string | undefined; content: Buffer }[];
};

const MAX_BODY = 1_000_000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: addresses never hold control characters
const ADDR = /^[^\s@<>\u0000-\u001f]+@[^\s@<>\u0000-\u001f]+$/;
const MAX_ATTACHMENTS = 20;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ids never hold control characters
const MSGID = /<[^<>\s\u0000-\u001f]{1,900}>/g;
/** PostgreSQL text cannot hold NUL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing NUL is the point
const noNul = (s: string) => s.replace(/\u0000/g, '');

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  const out: string[] = [];
  const visit = (v: AddressObject['value']) => {
    for (const a of v) {
      if (a.group) visit(a.group);
      const addr = a.address?.trim().toLowerCase();
      if (addr && ADDR.test(addr) && addr.length <= 320) out.push(addr);
    }
  };
  for (const f of list) visit(f.value);
  return [...new Set(out)].slice(0, 100);
}

/** Message-IDs in `<…>` form from a header value (one or several). */
export function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const found = text.match(MSGID) ?? [];
  // mailparser may hand ids over without brackets.
  const bare = noNul(text.trim());
  if (!found.length && bare && !/[\s<>]/.test(bare) && bare.length < 900) return [`<${bare}>`];
  return [...new Set(found)].slice(-100);
}

export async function parseMessage(raw: Buffer, envelopeFrom?: string): Promise<ParsedMessage> {
  const mail = await simpleParser(raw, {
    skipImageLinks: true,
    skipTextLinks: true,
    maxHtmlLengthToParse: 4_000_000,
  });
  const from = addresses(mail.from)[0] ?? envelopeFrom?.trim().toLowerCase();
  if (!from || !ADDR.test(from) || from.length > 320) {
    throw invalid(
      [{ field: 'from', code: 'required', message: 'the message has no valid From address' }],
      'Not an email message',
    );
  }
  const messageId =
    messageIds(mail.messageId)[0] ??
    `<${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@relata.invalid>`;
  const html = typeof mail.html === 'string' ? sanitizeRichText(noNul(mail.html.slice(0, 4 * MAX_BODY))) : '';
  const text = noNul((mail.text ?? '').trim() ? (mail.text ?? '') : htmlToText(html));
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
  return {
    messageId,
    inReplyTo: messageIds(mail.inReplyTo)[0] ?? null,
    references: messageIds(mail.references),
    from,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: noNul(mail.subject ?? '')
      .replace(/[\r\n]+/g, ' ')
      .trim()
      .slice(0, 998),
    text: text.slice(0, MAX_BODY),
    html: html.length > MAX_BODY ? sanitizeRichText(html.slice(0, MAX_BODY)) : html,
    date,
    attachments: mail.attachments
      .filter((a) => Buffer.isBuffer(a.content))
      .slice(0, MAX_ATTACHMENTS)
      .map((a) => ({ filename: a.filename && noNul(a.filename), content: a.content })),
  };
}

/** A short plain-text preview for an interaction's notes (the full message stays on the email). */
export function notesPreview(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' ').trim().slice(0, 1000));
}
