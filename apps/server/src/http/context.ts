/** Request-scoped authentication state and the route auth declaration. */
import type { Actor } from '@relata/domain';
import type { FastifyRequest } from 'fastify';
import type { SessionAuth } from '../features/auth/auth.service.ts';
import { AppError } from './errors.ts';

/** Every route declares one: `public` (anyone) or `user` (a signed-in user or an API key). */
export type RouteAuth = 'public' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionAuth: SessionAuth | null;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

export function sessionOf(req: FastifyRequest): SessionAuth {
  if (!req.sessionAuth) throw new AppError('unauthenticated', 'This needs a browser session');
  return req.sessionAuth;
}
