import { Router } from 'express';
import { changeTreatyBodySchema, createTreatyBodySchema, postUpdateBodySchema, treatyIdSchema } from '@treaty-watch/shared';
import type { BoardService } from '../../services/board-service';
import { dataExchangesOf } from '../../services/data-exchanges';
import type { TokenService } from '../../services/token-service';
import type { TreatyService } from '../../services/treaty-service';
import type { UpdateService } from '../../services/update-service';
import { requireRole } from '../auth';
import { statusOf } from '../outcome-status';
import { writeContext } from '../write-context';
import { parseBody } from '../parse';
import { HttpProblem, problems } from '../problem';
import { versionFromIfMatch } from '../if-match';

function treatyIdOf(raw: unknown): string {
  const parsed = treatyIdSchema.safeParse(raw);
  if (!parsed.success) throw new HttpProblem(problems.notFound(`There is no treaty "${String(raw).slice(0, 60)}".`));
  return parsed.data;
}

export function treatiesRoutes(deps: {
  board: BoardService;
  updates: UpdateService;
  treaties: TreatyService;
  tokens: TokenService;
}): Router {
  const router = Router();

  router.get('/treaties', async (_req, res) => {
    res.json(await deps.board.treaties());
  });

  router.get('/treaties/:id', async (req, res) => {
    const detail = await deps.board.detail(treatyIdOf(req.params.id));
    res.set('ETag', `"${detail.treaty.version}"`).json(detail);
  });

  router.get('/treaties/:id/data-exchanges', (req, res) => {
    res.json(dataExchangesOf(treatyIdOf(req.params.id)));
  });

  router.post('/treaties', requireRole(deps.tokens, 'admin'), async (req, res) => {
    const body = parseBody(createTreatyBodySchema, req.body);
    const written = await deps.treaties.create(body, writeContext(req, res));
    res.status(statusOf(written.outcome)).location(`/api/treaties/${written.value.treaty.id}`).json(written.body);
  });

  router.patch('/treaties/:id', requireRole(deps.tokens, 'admin'), async (req, res) => {
    const id = treatyIdOf(req.params.id);
    const version = versionFromIfMatch(req.get('if-match'));
    const body = parseBody(changeTreatyBodySchema, req.body);
    const written = await deps.treaties.change(id, body, version, writeContext(req, res));
    res.status(statusOf(written.outcome)).set('ETag', `"${written.value.treaty.version}"`).json(written.body);
  });

  router.post('/treaties/:id/updates', requireRole(deps.tokens, 'editor'), async (req, res) => {
    const id = treatyIdOf(req.params.id);
    const body = parseBody(postUpdateBodySchema, req.body);
    const written = await deps.updates.post(id, body, writeContext(req, res));
    const posted = written.value;
    res
      .status(statusOf(written.outcome))
      .location('change' in posted ? `/api/treaties/${id}` : `/api/scheduled/${posted.scheduled.id}`)
      .json(written.body);
  });

  return router;
}
