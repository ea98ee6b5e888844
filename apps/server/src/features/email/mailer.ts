/** Sending mail: nodemailer over SMTP_URL, or a JSON transport that only logs (development). */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

export type OutgoingMail = {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html?: string | undefined;
  messageId: string;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string> | undefined;
};

export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function createMailer(opts: {
  smtpUrl: string | undefined;
  log?: (message: string, data: Record<string, unknown>) => void;
}): Mailer {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        cc: mail.cc,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references?.length ? { references: mail.references } : {}),
        ...(mail.headers && Object.keys(mail.headers).length ? { headers: mail.headers } : {}),
      });
      if (!opts.smtpUrl)
        opts.log?.('email not sent: SMTP_URL is unset; logged instead', {
          messageId: mail.messageId,
          message: (info as { message?: unknown }).message,
        });
    },
    close: () => transport.close(),
  };
}

/** The address part of MAIL_FROM ("Relata <crm@example.com>" → "crm@example.com"). */
export function addressOf(mailFrom: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(mailFrom);
  return (m?.[1] ?? 'relata@localhost').toLowerCase();
}

/** A fresh Message-ID on the sender's domain: `<uuid@domain>`. */
export function newMessageId(mailFrom: string): string {
  const domain = addressOf(mailFrom).split('@')[1] || 'localhost';
  return `<${randomUUID()}@${domain}>`;
}

/** SMTP 5xx replies will not get better by retrying. */
export function isPermanent(e: unknown): boolean {
  const code = (e as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
