import { getRouteApi } from '@tanstack/react-router';
import { AccountView } from '../features/accounts/account-view.tsx';

const route = getRouteApi('/app/accounts/$accountId');

export function AccountPage() {
  const { accountId } = route.useParams();
  return <AccountView key={accountId} id={accountId} />;
}
