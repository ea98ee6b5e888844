import { getRouteApi } from '@tanstack/react-router';
import { TasksView } from '../features/tasks/tasks-view.tsx';

const route = getRouteApi('/app/tasks');

export function TasksPage() {
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <TasksView
      tab={tab ?? 'mine'}
      onTabChange={(next) => void navigate({ search: next === 'mine' ? {} : { tab: next }, replace: true })}
    />
  );
}
