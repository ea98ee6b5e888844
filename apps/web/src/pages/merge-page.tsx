import type { RecordType } from '@relata/domain';
import { useParams } from '@tanstack/react-router';
import { MergeView } from '../features/records/merge-view.tsx';

export function MergePage({ type }: { type: RecordType }) {
  const params = useParams({ strict: false }) as { contactId?: string; accountId?: string; otherId?: string };
  const targetId = (type === 'contact' ? params.contactId : params.accountId) ?? '';
  return (
    <MergeView
      key={`${targetId}-${params.otherId}`}
      type={type}
      targetId={targetId}
      sourceId={params.otherId ?? ''}
    />
  );
}
