import { Router } from 'express';
import { updatesQuerySchema } from '@treaty-watch/shared';
import type { BoardService } from '../../services/board-service';
import { parseQuery } from '../parse';

export function updatesRoutes(board: BoardService): Router {
  const router = Router();
  router.get('/updates', async (req, res) => {
    const { after, limit } = parseQuery(updatesQuerySchema, req.query);
    res.json(await board.updatesAfter(after, limit));
  });
  return router;
}
