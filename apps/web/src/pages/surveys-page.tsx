import { SurveysList } from '../features/surveys/surveys-list.tsx';

export function SurveysPage() {
  return <SurveysList />;
}
