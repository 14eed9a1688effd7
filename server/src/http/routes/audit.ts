import { Router } from 'express';
import { auditQuerySchema } from '@treaty-watch/shared';
import type { AuditService } from '../../services/audit-service';
import type { TokenService } from '../../services/token-service';
import { requireRole } from '../auth';
import { parseQuery } from '../parse';

export function auditRoutes(deps: { audit: AuditService; tokens: TokenService }): Router {
  const router = Router();
  router.get('/audit', requireRole(deps.tokens, 'admin'), async (req, res) => {
    res.json(await deps.audit.entries(parseQuery(auditQuerySchema, req.query)));
  });
  return router;
}
