/** Reads a multipart upload: form fields plus at most one file, streamed into staging. */
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../http/errors.ts';
import { type AttachmentService, type StagedFile, tooLarge } from './attachments.service.ts';

export type Upload = { fields: Record<string, string>; file: StagedFile | null };

function multipartError(e: unknown, maxBytes: number): unknown {
  if (e instanceof AppError) return e;
  const err = e as { statusCode?: number; code?: string; message?: string };
  if (err.statusCode === 413) return tooLarge(maxBytes);
  if (err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new AppError('unsupported_media_type', 'Send multipart/form-data');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return invalid([{ field: 'body', code: 'invalid_multipart', message: err.message ?? 'bad multipart' }]);
  return e;
}

export async function readUpload(req: FastifyRequest, s: AttachmentService): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: StagedFile | null = null;
  try {
    const parts = req.parts({ limits: { files: 1, fields: 20, fileSize: s.maxBytes, fieldSize: 10_000 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        throw invalid([
          { field: part.fieldname, code: 'unexpected_file', message: 'send one file as "file"' },
        ]);
      }
      file = await s.stage(part.file, part.filename);
      if (part.file.truncated) throw tooLarge(s.maxBytes);
    }
    return { fields, file };
  } catch (e) {
    if (file) await s.discard([file]);
    throw multipartError(e, s.maxBytes);
  }
}
