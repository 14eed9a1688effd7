import { del, get, needing, patch, post } from './row';

export const WEBHOOK_ROUTES = needing('admin', [
  get('/api/webhooks', 'Webhook endpoints (never their secrets)', 'WebhooksResponse'),
  post('/api/webhooks', 'Register a webhook endpoint; its secret is in this answer only', [201, 'CreateWebhookResponse'], {
    body: 'CreateWebhookBody',
  }),
  get('/api/webhooks/{id}', 'One webhook endpoint and its state', 'WebhookResponse'),
  patch('/api/webhooks/{id}', 'Change a webhook endpoint; enabled: true brings a disabled one back', 'WebhookResponse', {
    body: 'ChangeWebhookBody',
  }),
  post(
    '/api/webhooks/{id}/test',
    'Send a sample change to the endpoint, in its format and signed, and answer how it answered; not queued, not in the delivery log',
    'WebhookTestResponse',
  ),
  del('/api/webhooks/{id}', 'Remove a webhook endpoint and its deliveries', 'WebhookResponse'),
  get(
    '/api/webhooks/{id}/deliveries',
    'The delivery log of an endpoint, latest change first: state, attempts, status, latency',
    'DeliveriesResponse',
    { query: 'DeliveriesQuery' },
  ),
]);
