import { Router } from 'express';
import {
  changeWebhookBodySchema,
  createWebhookBodySchema,
  deliveriesQuerySchema,
  type DeliveriesResponse,
  type WebhookResponse,
  type WebhooksResponse,
} from '@treaty-watch/shared';
import type { TokenService } from '../../services/token-service';
import type { WebhookService } from '../../services/webhook-service';
import { requireRole } from '../auth';
import { parseBody, parseQuery } from '../parse';
import { statusOf } from '../outcome-status';
import { writeContext } from '../write-context';

/** Webhook endpoints and their delivery logs: admin only, since an endpoint receives every change. */
export function webhooksRoutes(deps: { webhooks: WebhookService; tokens: TokenService }): Router {
  const router = Router();
  const admin = requireRole(deps.tokens, 'admin');

  router.get('/webhooks', admin, async (_req, res) => {
    const response: WebhooksResponse = { endpoints: await deps.webhooks.list() };
    res.json(response);
  });

  router.post('/webhooks', admin, async (req, res) => {
    const body = parseBody(createWebhookBodySchema, req.body);
    const written = await deps.webhooks.create(body, writeContext(req, res));
    res.status(statusOf(written.outcome)).location(`/api/webhooks/${written.value.endpoint.id}`).json(written.body);
  });

  router.get('/webhooks/:id', admin, async (req, res) => {
    const response: WebhookResponse = { endpoint: await deps.webhooks.get(String(req.params.id)) };
    res.json(response);
  });

  router.patch('/webhooks/:id', admin, async (req, res) => {
    const body = parseBody(changeWebhookBodySchema, req.body);
    const written = await deps.webhooks.change(String(req.params.id), body, writeContext(req, res));
    res.status(statusOf(written.outcome)).json(written.body);
  });

  router.delete('/webhooks/:id', admin, async (req, res) => {
    const written = await deps.webhooks.remove(String(req.params.id), writeContext(req, res));
    res.status(statusOf(written.outcome)).json(written.body);
  });

  router.post('/webhooks/:id/test', admin, async (req, res) => {
    const written = await deps.webhooks.test(String(req.params.id), writeContext(req, res));
    res.status(statusOf(written.outcome)).json(written.body);
  });

  router.get('/webhooks/:id/deliveries', admin, async (req, res) => {
    const query = parseQuery(deliveriesQuerySchema, req.query);
    const response: DeliveriesResponse = { deliveries: await deps.webhooks.deliveries(String(req.params.id), query) };
    res.json(response);
  });

  return router;
}
