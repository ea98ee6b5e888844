import { getRouteApi } from '@tanstack/react-router';
import { RespondView } from '../features/survey-response/respond-view.tsx';

const route = getRouteApi('/s/$token');

export function RespondPage() {
  const { token } = route.useParams();
  return <RespondView key={token} token={token} />;
}
