import { JSON_FEED, text } from '../media';
import { get } from './row';

/** For readers and pages that run no scripts: each answer carries an ETag. */
const conditional = { conditional: true };

export const FEED_ROUTES = [
  get('/feeds/updates.atom', 'Atom feed of the latest updates', text('application/atom+xml'), conditional),
  get('/feeds/updates.json', 'JSON Feed of the latest updates', JSON_FEED, conditional),
  get('/feeds/treaties/{id}.atom', "Atom feed of one treaty's updates", text('application/atom+xml'), conditional),
  get('/feeds/deadlines.ics', 'iCalendar of coming deadlines (expiries, key dates)', text('text/calendar'), conditional),
  get(
    '/badge/{id}.svg',
    "A treaty's status as a small SVG image, for pages and mail that run no scripts",
    text('image/svg+xml'),
    conditional,
  ),
  get('/oembed', 'oEmbed 1.0 (JSON) for a treaty page, a treaty widget or the board widget on this server', 'OEmbedResponse', {
    query: 'OEmbedQuery',
    problems: [400, 404, 501],
  }),
];
