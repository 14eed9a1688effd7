import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { FeedService } from '../../services/feed-service';

/** Answers 304 when the reader already has this version; otherwise sends `build`'s result. */
function conditional(version: () => Promise<string>, type: string, build: (req: Request) => Promise<string | object>): RequestHandler {
  return async (req: Request, res: Response) => {
    const etag = await version();
    res.set('ETag', etag).set('Cache-Control', 'no-cache');
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    const body = await build(req);
    res.type(type).send(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

/**
 * Atom and JSON Feed of the latest updates, Atom per treaty, and an iCalendar of deadlines.
 * Their links start with `publicUrl()`, never with the Host or X-Forwarded-* a client sends.
 */
export function feedsRoutes(feeds: FeedService, publicUrl: () => string): Router {
  const router = Router();
  const byLog = () => feeds.version();
  router.get(
    '/feeds/updates.atom',
    conditional(byLog, 'application/atom+xml; charset=utf-8', () => feeds.atom(publicUrl())),
  );
  router.get(
    '/feeds/updates.json',
    conditional(byLog, 'application/feed+json; charset=utf-8', () => feeds.json(publicUrl())),
  );
  router.get(
    '/feeds/treaties/:id.atom',
    conditional(byLog, 'application/atom+xml; charset=utf-8', (req) => feeds.atom(publicUrl(), String(req.params.id))),
  );
  router.get(
    '/feeds/deadlines.ics',
    conditional(
      () => feeds.calendarVersion(),
      'text/calendar; charset=utf-8',
      () => feeds.deadlines(publicUrl()),
    ),
  );
  return router;
}
