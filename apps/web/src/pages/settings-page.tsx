import { getRouteApi } from '@tanstack/react-router';
import { SettingsView } from '../features/settings/settings-view.tsx';

const route = getRouteApi('/app/settings');

export function SettingsPage() {
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <SettingsView tab={tab ?? 'users'} onTabChange={(next) => void navigate({ search: { tab: next } })} />
  );
}
