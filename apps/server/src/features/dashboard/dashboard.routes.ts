import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { DashboardService } from './dashboard.service.ts';

export function dashboardRoutes(app: App, s: DashboardService): void {
  app.get('/api/v1/dashboard', { config: user, schema: { tags: ['dashboard'] } }, async (req) => ({
    data: await s.summary(actorOf(req)),
  }));
}
