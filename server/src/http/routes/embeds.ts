import { Router } from 'express';
import { displayStatus, oembedQuerySchema, treatyIdSchema } from '@treaty-watch/shared';
import { statusBadge } from '../../embeds/badge-svg';
import { embedTargetOf, oembedFor } from '../../embeds/oembed';
import type { BoardService } from '../../services/board-service';
import { parseQuery } from '../parse';
import { HttpProblem, problems } from '../problem';

/*
 * An image in someone else's page or mail: any site may load it (helmet's same-origin resource
 * policy would have browsers refuse it), and nothing inside it may run or fetch.
 */
const BADGE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * For pages that run no scripts and for CMSs: `/badge/:id.svg`, a treaty's status as an image,
 * and `/oembed`, which turns a pasted board URL into its widget. Their links start with
 * `publicUrl()`, never with the Host a client sends.
 */
export function embedsRoutes(board: BoardService, publicUrl: () => string, now: () => Date = () => new Date()): Router {
  const router = Router();

  router.get('/badge/:id.svg', async (req, res) => {
    const id = treatyIdSchema.safeParse(req.params.id);
    if (!id.success) throw new HttpProblem(problems.notFound(`There is no treaty "${req.params.id.slice(0, 60)}".`));
    const { treaty } = await board.detail(id.data);
    const status = displayStatus(treaty, now().getTime());
    // A treaty turns `expiring` with no new version, so the status is part of the tag.
    const etag = `"${treaty.version}-${status}"`;
    res
      .set('ETag', etag)
      .set('Cache-Control', 'public, max-age=300')
      .set('Content-Security-Policy', BADGE_POLICY)
      .set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.type('image/svg+xml; charset=utf-8').send(statusBadge(treaty.shortName, status));
  });

  router.get('/oembed', async (req, res) => {
    const query = parseQuery(oembedQuerySchema, req.query);
    if (query.format !== 'json') throw new HttpProblem(problems.notImplemented('This server answers oEmbed in JSON only (format=json).'));
    const origin = publicUrl();
    const target = embedTargetOf(query.url, origin);
    if (!target) throw new HttpProblem(problems.notFound('That URL is not a treaty page or an embed on this board.'));
    const title = target.kind === 'board' ? 'Treaty Watch' : `${(await board.detail(target.treatyId)).treaty.shortName} on Treaty Watch`;
    res.set('Cache-Control', 'public, max-age=300').json(oembedFor(target, title, origin, query));
  });

  return router;
}
