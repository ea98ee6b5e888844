import { ForecastView } from '../features/deals/forecast-view.tsx';

export function ForecastPage() {
  return <ForecastView />;
}
