import { type Actor, loginSchema } from '@relata/domain';
import { type App, publicRoute, user } from '../../http/app-types.ts';
import { actorOf, sessionOf } from '../../http/context.ts';
import type { UserService } from '../users/users.service.ts';
import { type AuthService, SESSION_COOKIE } from './auth.service.ts';

const tags = ['auth'];

export function authRoutes(
  app: App,
  auth: AuthService,
  users: UserService,
  opts: {
    secureCookie: 'auto' | 'true' | 'false';
    ttlHours: number;
    /** The caller's private iCalendar feed URL (created on first use). */
    calendarFeed: (actor: Actor, origin: string) => Promise<{ calendarFeedUrl: string }>;
  },
): void {
  app.post(
    '/api/v1/auth/login',
    { config: publicRoute, schema: { tags, body: loginSchema } },
    async (req, reply) => {
      const { token, csrfToken } = await auth.login(req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? '',
      });
      const secure = opts.secureCookie === 'auto' ? req.protocol === 'https' : opts.secureCookie === 'true';
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: opts.ttlHours * 3600,
      });
      const s = await auth.authenticateSession(token);
      return { data: { user: await users.me(s!.actor), csrfToken } };
    },
  );
  app.post('/api/v1/auth/logout', { config: user, schema: { tags } }, async (req, reply) => {
    await auth.logout(sessionOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  app.get('/api/v1/me', { config: user, schema: { tags } }, async (req) => {
    const actor = actorOf(req);
    const { calendarFeedUrl } = await opts.calendarFeed(actor, `${req.protocol}://${req.host}`);
    return {
      data: { ...(await users.me(actor)), calendarFeedUrl, csrfToken: req.sessionAuth?.csrfToken ?? null },
    };
  });
}
