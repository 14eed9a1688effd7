import { Router } from 'express';
import { postUpdateBodySchema, treatyIdSchema } from '@treaty-watch/shared';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { BoardService } from '../../services/board-service';
import type { TokenService } from '../../services/token-service';
import type { UpdateService } from '../../services/update-service';
import { requireRole } from '../auth';
import { writeContext } from '../write-context';
import { parseBody } from '../parse';
import { HttpProblem, problems } from '../problem';

function treatyIdOf(raw: unknown): string {
  const parsed = treatyIdSchema.safeParse(raw);
  if (!parsed.success) throw new HttpProblem(problems.notFound(`There is no treaty "${String(raw).slice(0, 60)}".`));
  return parsed.data;
}

export function treatiesRoutes(deps: {
  board: BoardService;
  updates: UpdateService;
  tokens: TokenService;
  broadcaster: Broadcaster;
}): Router {
  const router = Router();

  router.get('/treaties', async (_req, res) => {
    res.json(await deps.board.treaties());
  });

  router.get('/treaties/:id', async (req, res) => {
    res.json(await deps.board.detail(treatyIdOf(req.params.id)));
  });

  router.post('/treaties/:id/updates', requireRole(deps.tokens, 'editor'), async (req, res) => {
    const id = treatyIdOf(req.params.id);
    const body = parseBody(postUpdateBodySchema, req.body);
    const written = await deps.updates.post(id, body, writeContext(req, res));
    deps.broadcaster.publish(written.value);
    res.status(written.status).location(`/api/treaties/${id}`).json(written.body);
  });

  return router;
}
