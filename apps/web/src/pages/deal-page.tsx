import { getRouteApi } from '@tanstack/react-router';
import { DealView } from '../features/deals/deal-view.tsx';

const route = getRouteApi('/app/deals/$dealId');

export function DealPage() {
  const { dealId } = route.useParams();
  return <DealView key={dealId} dealId={dealId} />;
}
