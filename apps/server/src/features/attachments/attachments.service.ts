/**
 * Attachments on contacts, accounts, interactions, tasks and emails. Bytes go to storage
 * first, then the row commits in a transaction; a failed transaction removes the bytes.
 */
import { Readable } from 'node:stream';
import {
  type Actor,
  type AttachmentCreate,
  type AttachmentRecordType,
  attachmentCreateSchema,
  attachmentRecordTypes,
  FilterError,
  type ListQuery,
  parseFilters,
} from '@relata/domain';
import { fileTypeFromStream } from 'file-type';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { authorize } from '../shared/guards.ts';
import { type AttachmentView, presentAttachment } from './attachments.presenter.ts';
import * as repo from './attachments.repository.ts';
import { classifyUpload, cleanFilename } from './file-types.ts';
import { recordRef } from './record-access.ts';
import { type Storage, StorageLimitError, type StoredFile } from './storage.ts';

/** A file in storage whose type has been checked, not yet attached to a record. */
export type StagedFile = StoredFile & { filename: string; contentType: string };

const HEAD_BYTES = 64 * 1024;

async function headOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    n += (chunk as Buffer).length;
    if (n >= HEAD_BYTES) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

export function createAttachmentService(deps: { db: Db; storage: Storage; maxBytes: number }) {
  const { db, storage } = deps;

  async function authorizeRecord(
    ex: Executor,
    actor: Actor,
    action: 'read' | 'update',
    type: AttachmentRecordType,
    id: string,
  ) {
    const ref = await recordRef(ex, type, id);
    if (!ref) throw notFound(type[0]!.toUpperCase() + type.slice(1));
    authorize(actor, action, ref.resource, ref.owned, ref.what);
  }

  /** Streams a file into storage and checks its type by content; nothing is kept on failure. */
  async function stage(data: Readable, name: string | undefined): Promise<StagedFile> {
    let stored: StoredFile;
    try {
      stored = await storage.write(data, deps.maxBytes);
    } catch (e) {
      if (e instanceof StorageLimitError) throw tooLarge(deps.maxBytes);
      throw e;
    }
    try {
      const filename = cleanFilename(name);
      const detected = await fileTypeFromStream(
        Readable.toWeb(storage.read(stored.key)) as ReadableStream<Uint8Array>,
      );
      const verdict = classifyUpload(filename, detected, await headOf(storage.read(stored.key)));
      if (!verdict.ok) {
        throw new AppError('unsupported_media_type', `This file type is not accepted: ${verdict.reason}`, {
          errors: [{ field: 'file', code: 'unsupported_type', message: verdict.reason }],
        });
      }
      return { ...stored, filename, contentType: verdict.contentType };
    } catch (e) {
      await storage.remove(stored.key);
      throw e;
    }
  }

  async function insertInTx(
    tx: Executor,
    actor: Actor,
    f: StagedFile,
    record: { recordType: AttachmentRecordType; recordId: string },
  ) {
    const row = await repo.insertAttachment(tx, {
      ...record,
      filename: f.filename,
      contentType: f.contentType,
      sizeBytes: f.size,
      sha256: f.sha256,
      storageKey: f.key,
      uploadedBy: actor.userId,
    });
    await insertAudit(
      tx,
      auditEntry(
        actor,
        'create',
        'attachment',
        row.id,
        { filename: { from: null, to: row.filename } },
        { recordType: record.recordType, recordId: record.recordId },
      ),
    );
    return row;
  }

  async function discard(files: StagedFile[]): Promise<void> {
    await Promise.all(files.map((f) => storage.remove(f.key).catch(() => {})));
  }

  return {
    stage,
    insertInTx,
    discard,
    /**
     * Removes attachments whose record is gone, row first, then the file: a crash in between
     * leaves an unreferenced file, never a row without its file. Run by a job.
     */
    async collectOrphans(limit = 500): Promise<number> {
      const rows = await repo.orphanAttachments(db, limit);
      for (const row of rows) {
        await repo.deleteAttachment(db, row.id);
        await storage.remove(row.storageKey).catch(() => {});
      }
      return rows.length;
    },
    maxBytes: deps.maxBytes,

    async create(
      actor: Actor,
      fields: Record<string, unknown>,
      file: StagedFile | null,
    ): Promise<AttachmentView> {
      try {
        const parsed = attachmentCreateSchema.safeParse(fields);
        if (!parsed.success) {
          throw invalid(
            parsed.error.issues.map((i) => ({
              field: i.path.join('.') || 'body',
              code: i.code,
              message: i.message,
            })),
          );
        }
        if (!file) throw invalid([{ field: 'file', code: 'required', message: 'attach a file' }]);
        const input: AttachmentCreate = parsed.data;
        const row = await db.transaction(async (tx) => {
          const ref = await recordRef(tx, input.recordType, input.recordId);
          if (!ref)
            throw invalid([{ field: 'recordId', code: 'not_found', message: `no such ${input.recordType}` }]);
          authorize(actor, 'update', ref.resource, ref.owned, ref.what);
          return insertInTx(tx, actor, file, input);
        });
        return presentAttachment(row);
      } catch (e) {
        if (file) await discard([file]);
        throw e;
      }
    },

    async list(actor: Actor, query: ListQuery & Record<string, unknown>) {
      let recordId: string | undefined;
      try {
        const conds = parseFilters(query, {
          recordId: { kind: 'uuid' },
          recordType: { kind: 'enum', values: attachmentRecordTypes },
        });
        recordId = conds.find((c) => c.field === 'recordId' && c.op === 'eq')?.value as string | undefined;
      } catch (e) {
        if (e instanceof FilterError) throw new AppError('invalid_filter', e.message, { errors: e.errors });
        throw e;
      }
      if (!recordId) {
        throw new AppError('invalid_filter', 'Attachments are listed per record', {
          errors: [{ field: 'recordId', code: 'required', message: 'filter[recordId][eq] is required' }],
        });
      }
      const rows = await repo.attachmentsOf(db, recordId, undefined, query.limit);
      for (const type of new Set(rows.map((r) => r.recordType)))
        await authorizeRecord(db, actor, 'read', type as AttachmentRecordType, recordId);
      return { data: rows.map(presentAttachment), nextCursor: null };
    },

    /** The bytes of a stored file, for callers that already checked access (the privacy export). */
    readStored: (storageKey: string) => storage.read(storageKey),

    /** The row and a stream of its bytes, for a reader of the record it hangs off. */
    async open(actor: Actor, id: string) {
      const row = await repo.getAttachment(db, id);
      if (!row) throw notFound('Attachment');
      await authorizeRecord(db, actor, 'read', row.recordType as AttachmentRecordType, row.recordId);
      return { row, stream: storage.read(row.storageKey) };
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const row = await db.transaction(async (tx) => {
        const cur = await repo.getAttachment(tx, id, true);
        if (!cur) throw notFound('Attachment');
        await authorizeRecord(tx, actor, 'update', cur.recordType as AttachmentRecordType, cur.recordId);
        await repo.deleteAttachment(tx, id);
        await insertAudit(
          tx,
          auditEntry(
            actor,
            'delete',
            'attachment',
            id,
            { filename: { from: cur.filename, to: null } },
            { recordType: cur.recordType, recordId: cur.recordId },
          ),
        );
        return cur;
      });
      // Bytes go after the commit: a crash in between leaves an orphan file, never a dangling row.
      await storage.remove(row.storageKey);
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;

export const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', `Files may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB`);
