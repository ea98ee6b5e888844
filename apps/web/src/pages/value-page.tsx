import { ValueView } from '../features/value/value-view.tsx';

export function ValuePage() {
  return <ValueView />;
}
