import { FlowsView } from '../features/value/flows-view.tsx';

export function FlowsPage() {
  return <FlowsView />;
}
