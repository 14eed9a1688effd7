import { Router } from 'express';
import type { BoardService } from '../../services/board-service';

export function snapshotRoutes(board: BoardService): Router {
  const router = Router();
  router.get('/snapshot', async (_req, res) => {
    res.json(await board.snapshot());
  });
  return router;
}
