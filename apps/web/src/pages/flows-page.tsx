import { getRouteApi } from '@tanstack/react-router';
import { FlowsView } from '../features/value/flows-view.tsx';

const route = getRouteApi('/app/flows');

export function FlowsPage() {
  return <FlowsView initial={route.useSearch()} />;
}
