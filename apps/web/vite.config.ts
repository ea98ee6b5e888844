import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const backend = process.env.RELATA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 450,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: an app release does not invalidate the libraries' cache.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|tabbable)/,
            },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack/ },
            { name: 'schemas', test: /node_modules[\\/](zod|libphonenumber-js)[\\/]|packages[\\/]domain/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
      // Survey links: the page itself is the web app's; its JSON requests go to the API.
      '/s/': {
        target: backend,
        changeOrigin: false,
        bypass: (req) => (String(req.headers.accept ?? '').includes('text/html') ? req.url : undefined),
      },
      '/u/': { target: backend, changeOrigin: false },
    },
  },
});
