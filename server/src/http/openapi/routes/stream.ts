import { text } from '../media';
import { get } from './row';

/** What a reader starts from, and the changes after it as they happen. */
export const STREAM_ROUTES = [
  get('/api/snapshot', 'The board and the latest 50 updates, now or as of a date', 'Snapshot', { query: 'SnapshotQuery' }),
  get(
    '/api/stream',
    'Server-Sent Events: a snapshot (or, with Last-Event-ID, the changes missed), then every change as it happens (id: its seq; event: change); a comment every 25 s',
    text('text/event-stream'),
    { query: 'StreamQuery' },
  ),
];
