import { getRouteApi } from '@tanstack/react-router';
import { ContactView } from '../features/contacts/contact-view.tsx';

const route = getRouteApi('/app/contacts/$contactId');

export function ContactPage() {
  const { contactId } = route.useParams();
  return <ContactView key={contactId} id={contactId} />;
}
