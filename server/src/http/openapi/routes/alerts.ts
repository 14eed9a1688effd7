import { get, patch, post } from './row';

/** Email alerts: a subscription link's token, never in a URL, finds the subscription (404 when it finds none). */
export const ALERT_ROUTES = [
  get('/api/alerts', 'Whether this server sends email alerts (it needs SMTP_URL)', 'AlertsStatus'),
  post(
    '/api/subscriptions',
    'Ask for email alerts: only a confirmation is mailed until its link is followed; the same answer whether the address is new or not',
    [202, 'SubscribeResponse'],
    { body: 'SubscribeBody' },
  ),
  post(
    '/api/subscriptions/confirm',
    'Confirm an address with the token from the confirmation email; alerts start with the next change',
    'SubscriptionResponse',
    { body: 'SubscriptionTokenBody', problems: [404] },
  ),
  post(
    '/api/subscriptions/manage',
    'The subscription a link in an alert manages (its token in the body, never in the URL)',
    'SubscriptionResponse',
    { body: 'SubscriptionTokenBody', problems: [404] },
  ),
  patch('/api/subscriptions/manage', 'Change which treaties, how often and at what hour (UTC)', 'SubscriptionResponse', {
    body: 'ChangeSubscriptionBody',
    problems: [404],
  }),
  post(
    '/api/subscriptions/unsubscribe',
    'Unsubscribe and delete the address: the one-click address of List-Unsubscribe (RFC 8058), or the manage page with the token in a JSON body',
    'UnsubscribedResponse',
    { query: 'UnsubscribeQuery', oneClick: true, problems: [404] },
  ),
  get(
    '/api/subscriptions/counts',
    'How many readers get alerts, and the outbox: counts only, never addresses',
    'SubscriptionCountsResponse',
    {
      role: 'admin',
    },
  ),
  post(
    '/api/subscriptions/lookup',
    'One address’s subscription, when an admin asks for that address (there is no list)',
    'SubscriptionResponse',
    { role: 'admin', body: 'SubscriptionLookupBody', problems: [404] },
  ),
];
