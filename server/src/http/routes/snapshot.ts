import { Router } from 'express';
import { snapshotQuerySchema } from '@treaty-watch/shared';
import type { BoardService } from '../../services/board-service';
import { parseQuery } from '../parse';

export function snapshotRoutes(board: BoardService): Router {
  const router = Router();
  router.get('/snapshot', async (req, res) => {
    const { asOf } = parseQuery(snapshotQuerySchema, req.query);
    res.json(asOf ? await board.snapshotAsOf(asOf) : await board.snapshot());
  });
  return router;
}
