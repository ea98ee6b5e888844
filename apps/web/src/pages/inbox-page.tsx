import { InboxView } from '../features/email/inbox-view.tsx';

export function InboxPage() {
  return <InboxView />;
}
