import { get, patch, post } from './row';

export const UPDATE_ROUTES = [
  get('/api/updates', 'Updates after a seq, in seq order', 'UpdatesResponse', { query: 'UpdatesQuery' }),
  patch('/api/updates/{id}', 'Correct an update; the earlier wording is kept', 'PostUpdateResponse', {
    role: 'editor',
    body: 'CorrectUpdateBody',
    problems: [409],
  }),
  post('/api/updates/{id}/retract', 'Retract an update; it stays visible, and any status it set is taken back', 'PostUpdateResponse', {
    role: 'editor',
    body: 'RetractUpdateBody',
    problems: [409],
  }),
  get(
    '/api/search',
    'Full-text search of every update, newest first, with matches marked; editors find embargoed ones too',
    'SearchResponse',
    { query: 'SearchQuery', problems: [401] },
  ),
];
