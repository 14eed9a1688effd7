import { Router } from 'express';
import { scheduledQuerySchema, type ScheduledResponse } from '@treaty-watch/shared';
import type { EmbargoService } from '../../services/embargo-service';
import type { TokenService } from '../../services/token-service';
import { principalOf, requireRole } from '../auth';
import { parseQuery } from '../parse';
import { statusOf } from '../outcome-status';
import { writeContext } from '../write-context';

/** Embargoed updates: editors only, since nobody else may know of them before their time. */
export function scheduledRoutes(deps: { embargoes: EmbargoService; tokens: TokenService }): Router {
  const router = Router();
  const editor = requireRole(deps.tokens, 'editor');

  router.get('/scheduled', editor, async (req, res) => {
    res.json(await deps.embargoes.list(principalOf(res), parseQuery(scheduledQuerySchema, req.query)));
  });

  router.get('/scheduled/:id', editor, async (req, res) => {
    const response: ScheduledResponse = { scheduled: await deps.embargoes.get(principalOf(res), String(req.params.id)) };
    res.json(response);
  });

  router.post('/scheduled/:id/cancel', editor, async (req, res) => {
    const written = await deps.embargoes.cancel(String(req.params.id), writeContext(req, res));
    res.status(statusOf(written.outcome)).json(written.body);
  });

  return router;
}
