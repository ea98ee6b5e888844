/** Inputs of email, attachments and calendar import. */
import { z } from 'zod';
import { idSchema } from './common.ts';

const address = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }));
const addresses = z.array(address).max(50);

/** A new outbound email; `to` defaults to the contact's primary address. */
export const emailCreateSchema = z
  .object({
    contactId: idSchema,
    to: addresses.min(1).optional(),
    cc: addresses.optional(),
    subject: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .refine((s) => !/[\r\n]/.test(s), 'must be one line'),
    html: z.string().max(500_000).optional(),
    text: z.string().max(500_000).optional(),
    inReplyToEmailId: idSchema.optional(),
  })
  .strict()
  .refine((e) => Boolean(e.html?.trim() || e.text?.trim()), {
    message: 'give html or text',
    path: ['text'],
  });
export type EmailCreate = z.infer<typeof emailCreateSchema>;

export const emailAssignSchema = z.object({ contactId: idSchema }).strict();
export type EmailAssign = z.infer<typeof emailAssignSchema>;

export const attachmentRecordTypes = ['contact', 'account', 'interaction', 'task', 'email'] as const;
export type AttachmentRecordType = (typeof attachmentRecordTypes)[number];

/** The form fields that come with an uploaded file. */
export const attachmentCreateSchema = z
  .object({ recordType: z.enum(attachmentRecordTypes), recordId: idSchema })
  .strict();
export type AttachmentCreate = z.infer<typeof attachmentCreateSchema>;

export const calendarImportSchema = z
  .object({ ics: z.string().min(1).max(1_000_000), contactId: idSchema.optional() })
  .strict();
export type CalendarImport = z.infer<typeof calendarImportSchema>;
