import { Router } from 'express';
import { correctUpdateBodySchema, retractUpdateBodySchema, updatesQuerySchema, type PostUpdateResponse } from '@treaty-watch/shared';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { BoardService } from '../../services/board-service';
import type { TokenService } from '../../services/token-service';
import type { UpdateChange, UpdateService } from '../../services/update-service';
import { principalOf, requireRole } from '../auth';
import { parseBody, parseQuery } from '../parse';

const respond = (change: UpdateChange): PostUpdateResponse => ({ update: change.update, treaty: change.treaty });

export function updatesRoutes(deps: {
  board: BoardService;
  updates: UpdateService;
  tokens: TokenService;
  broadcaster: Broadcaster;
}): Router {
  const router = Router();
  const editor = requireRole(deps.tokens, 'editor');

  router.get('/updates', async (req, res) => {
    const { after, limit } = parseQuery(updatesQuerySchema, req.query);
    res.json(await deps.board.updatesAfter(after, limit));
  });

  router.patch('/updates/:id', editor, async (req, res) => {
    const body = parseBody(correctUpdateBodySchema, req.body);
    const change = await deps.updates.correct(String(req.params.id), body, principalOf(res));
    deps.broadcaster.publish(change);
    res.json(respond(change));
  });

  router.post('/updates/:id/retract', editor, async (req, res) => {
    const { reason } = parseBody(retractUpdateBodySchema, req.body);
    const change = await deps.updates.retract(String(req.params.id), reason, principalOf(res));
    deps.broadcaster.publish(change);
    res.json(respond(change));
  });

  return router;
}
