import { getRouteApi } from '@tanstack/react-router';
import { CasesView } from '../features/cases/cases-view.tsx';

const route = getRouteApi('/app/cases');

export function CasesPage() {
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <CasesView
      tab={tab ?? 'queue'}
      onTabChange={(next) => void navigate({ search: next === 'queue' ? {} : { tab: next }, replace: true })}
    />
  );
}
