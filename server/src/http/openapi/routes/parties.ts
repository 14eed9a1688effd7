import { get } from './row';

export const PARTY_ROUTES = [
  get(
    '/api/treaties/{id}/parties',
    'Who stands where in a treaty, state by state with history and sources, now or as of a date',
    'TreatyPartiesResponse',
    { query: 'SnapshotQuery' },
  ),
  get('/api/parties/{code}', 'One state (ISO 3166-1 alpha-2 code) in every treaty whose record names it', 'StateTreatiesResponse'),
  get('/api/treaties/{id}/data-exchanges', 'New START data exchanges from the fact sheet, with sources', 'DataExchangesResponse'),
];
