import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { LoginForm } from '../features/auth/login-form.tsx';

const route = getRouteApi('/login');

export function LoginPage() {
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const target = redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';
  return <LoginForm onSuccess={() => void navigate({ to: target, replace: true })} />;
}
