import { getRouteApi } from '@tanstack/react-router';
import { ContactsList } from '../features/contacts/contacts-list.tsx';

const route = getRouteApi('/app/contacts');

export function ContactsPage() {
  const { q } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <ContactsList
      q={q}
      onQChange={(next) => void navigate({ search: next ? { q: next } : {}, replace: true })}
    />
  );
}
