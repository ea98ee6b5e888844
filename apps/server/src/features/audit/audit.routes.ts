import { idSchema } from '@relata/domain';
import { z } from 'zod';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { AuditService } from './audit.service.ts';

const query = z.object({
  recordId: idSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function auditRoutes(app: App, s: AuditService): void {
  app.get('/api/v1/audit', { config: user, schema: { tags: ['audit'], querystring: query } }, async (req) =>
    s.list(actorOf(req), req.query),
  );
}
