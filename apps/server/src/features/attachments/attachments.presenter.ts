import type { AttachmentRow } from './attachments.repository.ts';

export function presentAttachment(r: AttachmentRow) {
  return {
    id: r.id,
    recordType: r.recordType,
    recordId: r.recordId,
    filename: r.filename,
    contentType: r.contentType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    uploadedBy: r.uploadedBy,
    createdAt: r.createdAt.toISOString(),
    downloadUrl: `/api/v1/attachments/${r.id}/download`,
  };
}
export type AttachmentView = ReturnType<typeof presentAttachment>;
