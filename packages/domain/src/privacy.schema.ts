// Inputs of the privacy rights: exporting everything held on a person, and erasing it.
import { z } from 'zod';

export const privacyExportQuerySchema = z
  .object({ format: z.enum(['json', 'zip']).default('json') })
  .strict();

/** Erasure is irreversible: the caller types `ERASE <contact id>`. */
export const privacyEraseSchema = z.object({ confirm: z.string().max(200) }).strict();
export const erasureConfirmation = (contactId: string) => `ERASE ${contactId}`;
