import { get, needing, post } from './row';

/** Updates held under embargo. */
export const SCHEDULED_ROUTES = needing('editor', [
  get('/api/scheduled', 'Embargoed updates, latest publishAt first', 'ScheduledListResponse', { query: 'ScheduledQuery' }),
  get('/api/scheduled/{id}', 'One embargoed update and what became of it', 'ScheduledResponse'),
  post('/api/scheduled/{id}/cancel', 'Cancel an embargoed update before its time', 'ScheduledResponse', { problems: [409] }),
]);
