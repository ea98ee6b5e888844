/**
 * Authenticates each request (session cookie or Bearer API key), enforces the route's auth
 * declaration and CSRF protection for cookie sessions.
 */
import type { FastifyInstance } from 'fastify';
import { type AuthService, SESSION_COOKIE, safeEqual } from '../features/auth/auth.service.ts';
import { AppError } from './errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RouteEntry = { method: string; url: string; auth: string | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionAuth', null);
  app.decorate('routeTable', [] as RouteEntry[]);

  app.addHook('onRoute', (route) => {
    const declared = (route.config as { auth?: string } | undefined)?.auth;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) app.routeTable.push({ method, url: route.url, auth: declared });
    // The API docs plugin registers its own static routes; everything else must declare.
    if (declared !== 'public' && declared !== 'user' && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its auth`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const declared = req.routeOptions.config.auth ?? 'public';
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await auth.authenticateApiKey(header.slice(7).trim());
      if (!actor) throw new AppError('unauthenticated', 'The API key is not valid');
      req.actor = actor;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const s = await auth.authenticateSession(token);
        if (s) {
          req.sessionAuth = s;
          req.actor = s.actor;
          if (!safeMethods.has(req.method) && declared === 'user') {
            const sent = req.headers['x-csrf-token'];
            if (typeof sent !== 'string' || !safeEqual(sent, s.csrfToken)) throw new AppError('csrf_failed');
          }
        }
      }
    }
    if (declared === 'user' && !req.actor) throw new AppError('unauthenticated');
  });
}
