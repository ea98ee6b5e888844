import { getRouteApi } from '@tanstack/react-router';
import { LeadsList } from '../features/leads/leads-list.tsx';

const route = getRouteApi('/app/leads');

export function LeadsPage() {
  const { q } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <LeadsList
      q={q}
      onQChange={(next) => void navigate({ search: next ? { q: next } : {}, replace: true })}
    />
  );
}
