import { getRouteApi } from '@tanstack/react-router';
import { CaseView } from '../features/cases/case-view.tsx';

const route = getRouteApi('/app/cases/$caseId');

export function CasePage() {
  const { caseId } = route.useParams();
  return <CaseView key={caseId} caseId={caseId} />;
}
