import { NpsView } from '../features/nps/nps-view.tsx';

export function NpsPage() {
  return <NpsView />;
}
