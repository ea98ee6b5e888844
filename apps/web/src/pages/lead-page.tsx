import { getRouteApi } from '@tanstack/react-router';
import { LeadView } from '../features/leads/lead-view.tsx';

const route = getRouteApi('/app/leads/$leadId');

export function LeadPage() {
  const { leadId } = route.useParams();
  return <LeadView key={leadId} id={leadId} />;
}
