import { text } from '../media';
import { get } from './row';

export const HEALTH_ROUTES = [
  get('/healthz', 'Liveness', 'Health'),
  get('/readyz', 'Readiness: the database answers', 'Ready', { problems: [503] }),
  get('/metrics', 'Prometheus metrics, in its text format', text('text/plain')),
];
