export type AuditEntry = {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
};
