import { getRouteApi } from '@tanstack/react-router';
import { SurveyView } from '../features/surveys/survey-view.tsx';

const route = getRouteApi('/app/surveys/$surveyId');

export function SurveyPage() {
  const { surveyId } = route.useParams();
  return <SurveyView key={surveyId} id={surveyId} />;
}
