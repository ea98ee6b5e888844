import { getRouteApi } from '@tanstack/react-router';
import { AccountsList } from '../features/accounts/accounts-list.tsx';

const route = getRouteApi('/app/accounts');

export function AccountsPage() {
  const { q } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <AccountsList
      q={q}
      onQChange={(next) => void navigate({ search: next ? { q: next } : {}, replace: true })}
    />
  );
}
