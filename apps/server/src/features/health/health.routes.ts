import type { Database } from '../../db/connection.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { type App, publicRoute } from '../../http/app-types.ts';

export function healthRoutes(app: App, database: Database): void {
  app.get('/healthz', { config: publicRoute, schema: { tags: ['health'] } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: publicRoute, schema: { tags: ['health'] } }, async (_req, reply) => {
    try {
      await database.query('SELECT 1');
      const pending = await pendingMigrations(database);
      if (pending.length) return reply.code(503).send({ status: 'migrations pending', pending });
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
}
