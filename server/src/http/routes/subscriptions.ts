import { Router, type RequestHandler } from 'express';
import {
  changeSubscriptionBodySchema,
  subscribeBodySchema,
  subscriptionLookupBodySchema,
  subscriptionTokenBodySchema,
  unsubscribeQuerySchema,
  type AlertsStatus,
  type SubscribeResponse,
  type SubscriptionCountsResponse,
  type SubscriptionResponse,
  type UnsubscribedResponse,
} from '@treaty-watch/shared';
import type { SubscriptionService } from '../../services/subscription-service';
import type { TokenService } from '../../services/token-service';
import { requireRole } from '../auth';
import { parseBody, parseQuery } from '../parse';
import { HttpProblem, problems } from '../problem';
import { readFormBody, readMultipartBody } from '../read-body';

/** What a mail client's one-click POST sends is read (to its limit) and otherwise ignored: the token is in the URL. */
const readOneClickBody: RequestHandler = (req, res, next) => {
  if (req.is('application/x-www-form-urlencoded')) return readFormBody(req, res, next);
  if (req.is('multipart/form-data')) return readMultipartBody(req, res, next);
  next();
};

/**
 * Readers' email alerts: anyone subscribes (rate limited), the links in the mail confirm,
 * manage and end a subscription, and an admin sees counts, or one address when asked for it.
 */
export function subscriptionsRoutes(deps: {
  subscriptions: SubscriptionService;
  tokens: TokenService;
  subscribeLimit: RequestHandler;
}): Router {
  const router = Router();
  const admin = requireRole(deps.tokens, 'admin');
  const { subscriptions } = deps;

  router.get('/alerts', (_req, res) => {
    const response: AlertsStatus = { enabled: subscriptions.enabled };
    res.json(response);
  });

  router.post('/subscriptions', deps.subscribeLimit, async (req, res) => {
    const body = parseBody(subscribeBodySchema, req.body);
    if (!subscriptions.enabled) throw new HttpProblem(problems.alertsNotSetUp());
    await subscriptions.subscribe(body);
    const response: SubscribeResponse = { state: 'confirmation-sent' };
    res.status(202).json(response);
  });

  router.post('/subscriptions/confirm', async (req, res) => {
    const { token } = parseBody(subscriptionTokenBodySchema, req.body);
    const response: SubscriptionResponse = { subscription: await subscriptions.confirm(token) };
    res.json(response);
  });

  router.post('/subscriptions/manage', async (req, res) => {
    const { token } = parseBody(subscriptionTokenBodySchema, req.body);
    const response: SubscriptionResponse = { subscription: await subscriptions.view(token) };
    res.json(response);
  });

  router.patch('/subscriptions/manage', async (req, res) => {
    const response: SubscriptionResponse = { subscription: await subscriptions.change(parseBody(changeSubscriptionBodySchema, req.body)) };
    res.json(response);
  });

  router.post('/subscriptions/unsubscribe', readOneClickBody, async (req, res) => {
    const query = parseQuery(unsubscribeQuerySchema, req.query);
    const fromBody = req.is('application/json') ? parseBody(subscriptionTokenBodySchema, req.body).token : undefined;
    const token = query.token ?? fromBody;
    if (!token)
      throw new HttpProblem(problems.invalidQuery([{ field: 'token', message: 'must be the token from the link in your email' }]));
    await subscriptions.unsubscribe(token);
    const response: UnsubscribedResponse = { unsubscribed: true };
    res.json(response);
  });

  router.get('/subscriptions/counts', admin, async (_req, res) => {
    const response: SubscriptionCountsResponse = { enabled: subscriptions.enabled, counts: await subscriptions.counts() };
    res.json(response);
  });

  router.post('/subscriptions/lookup', admin, async (req, res) => {
    const { email } = parseBody(subscriptionLookupBodySchema, req.body);
    const response: SubscriptionResponse = { subscription: await subscriptions.lookup(email) };
    res.json(response);
  });

  return router;
}
