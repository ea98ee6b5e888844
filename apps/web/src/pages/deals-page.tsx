import { getRouteApi } from '@tanstack/react-router';
import { DealsView } from '../features/deals/deals-view.tsx';

const route = getRouteApi('/app/deals');

export function DealsPage() {
  return <DealsView search={route.useSearch()} />;
}
