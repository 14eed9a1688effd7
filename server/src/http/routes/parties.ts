import { Router } from 'express';
import { snapshotQuerySchema, treatyIdSchema } from '@treaty-watch/shared';
import type { PartyService } from '../../services/party-service';
import { parseQuery } from '../parse';
import { HttpProblem, problems } from '../problem';

export function partiesRoutes(parties: PartyService): Router {
  const router = Router();

  router.get('/treaties/:id/parties', async (req, res) => {
    const id = treatyIdSchema.safeParse(req.params.id);
    if (!id.success) throw new HttpProblem(problems.notFound(`There is no treaty "${req.params.id.slice(0, 60)}".`));
    const { asOf } = parseQuery(snapshotQuerySchema, req.query);
    res.json(await parties.ofTreaty(id.data, asOf));
  });

  router.get('/parties/:code', async (req, res) => {
    res.json(await parties.ofState(req.params.code));
  });

  return router;
}
