import { Router } from 'express';
import { searchQuerySchema } from '@treaty-watch/shared';
import type { SearchService } from '../../services/search-service';
import type { TokenService } from '../../services/token-service';
import { identifyOptionally, maybePrincipalOf } from '../auth';
import { parseQuery } from '../parse';

export function searchRoutes(deps: { search: SearchService; tokens: TokenService }): Router {
  const router = Router();

  router.get('/search', identifyOptionally(deps.tokens), async (req, res) => {
    const query = parseQuery(searchQuerySchema, req.query);
    res.json(await deps.search.search(maybePrincipalOf(res), query));
  });

  return router;
}
