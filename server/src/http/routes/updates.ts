import { Router } from 'express';
import { correctUpdateBodySchema, retractUpdateBodySchema, updatesQuerySchema } from '@treaty-watch/shared';
import type { BoardService } from '../../services/board-service';
import type { TokenService } from '../../services/token-service';
import type { UpdateService } from '../../services/update-service';
import { requireRole } from '../auth';
import { parseBody, parseQuery } from '../parse';
import { statusOf } from '../outcome-status';
import { writeContext } from '../write-context';

export function updatesRoutes(deps: { board: BoardService; updates: UpdateService; tokens: TokenService }): Router {
  const router = Router();
  const editor = requireRole(deps.tokens, 'editor');

  router.get('/updates', async (req, res) => {
    const { after, limit } = parseQuery(updatesQuerySchema, req.query);
    res.json(await deps.board.updatesAfter(after, limit));
  });

  router.patch('/updates/:id', editor, async (req, res) => {
    const body = parseBody(correctUpdateBodySchema, req.body);
    const written = await deps.updates.correct(String(req.params.id), body, writeContext(req, res));
    res.status(statusOf(written.outcome)).json(written.body);
  });

  router.post('/updates/:id/retract', editor, async (req, res) => {
    const { reason } = parseBody(retractUpdateBodySchema, req.body);
    const written = await deps.updates.retract(String(req.params.id), reason, writeContext(req, res));
    res.status(statusOf(written.outcome)).json(written.body);
  });

  return router;
}
