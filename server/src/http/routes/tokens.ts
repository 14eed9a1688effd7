import { Router } from 'express';
import { createTokenBodySchema, type TokensResponse } from '@treaty-watch/shared';
import type { TokenSockets } from '../../realtime/token-sockets';
import type { TokenService } from '../../services/token-service';
import { requireRole } from '../auth';
import { parseBody } from '../parse';
import { statusOf } from '../outcome-status';
import { writeContext } from '../write-context';

export function tokensRoutes(deps: { tokens: TokenService; tokenSockets: TokenSockets }): Router {
  const router = Router();
  const admin = requireRole(deps.tokens, 'admin');

  router.get('/tokens', admin, async (_req, res) => {
    const response: TokensResponse = { tokens: await deps.tokens.list() };
    res.json(response);
  });

  router.post('/tokens', admin, async (req, res) => {
    const body = parseBody(createTokenBodySchema, req.body);
    const written = await deps.tokens.create(body, writeContext(req, res));
    res.status(statusOf(written.outcome)).json(written.body);
  });

  router.post('/tokens/:id/revoke', admin, async (req, res) => {
    const written = await deps.tokens.revoke(String(req.params.id), writeContext(req, res));
    deps.tokenSockets.disconnect(written.value.id);
    res.status(statusOf(written.outcome)).json(written.body);
  });

  return router;
}
