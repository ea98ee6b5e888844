import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers, queryClient } from './app/providers.tsx';
import { router } from './app/router.tsx';
import { initI18n } from './i18n/index.ts';
import { setUnauthenticatedHandler } from './lib/api-client.ts';

initI18n();

setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  queryClient.clear();
  void router.navigate({ to: '/login', search: { redirect: pathname + search } });
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}
