import { get, patch, post } from './row';

export const TREATY_ROUTES = [
  get('/api/treaties', 'The board: every treaty', 'TreatiesResponse'),
  get('/api/treaties/{id}', 'One treaty and its updates, newest first', 'TreatyDetailResponse'),
  post(
    '/api/treaties/{id}/updates',
    'Post a status update, or with a future publishAt hold it under embargo until then',
    [201, 'PostUpdateResponse'],
    {
      role: 'editor',
      body: 'PostUpdateBody',
      alsoOk: [202, 'ScheduledResponse', 'Held under embargo until publishAt; only editors can see it until then'],
      problems: [409],
    },
  ),
  post('/api/treaties', 'Create a treaty', [201, 'TreatyResponse'], { role: 'admin', body: 'CreateTreatyBody', problems: [409] }),
  patch('/api/treaties/{id}', 'Change a treaty, effective from a date', 'TreatyResponse', {
    role: 'admin',
    body: 'ChangeTreatyBody',
    problems: [409, 428],
    headers: { ifMatch: true },
  }),
];
