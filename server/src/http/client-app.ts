import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, Router } from 'express';
import { treatyIdSchema } from '@treaty-watch/shared';
import { xml } from '../feeds/atom';
import { embeddableBy } from './security';

/** Changes with every client build, so a screen left open for weeks knows when to reload. */
export function buildIdOf(clientDist: string): string {
  const index = path.join(clientDist, 'index.html');
  if (!fs.existsSync(index)) return 'no-client-build';
  return createHash('sha256').update(fs.readFileSync(index)).digest('hex').slice(0, 12);
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Treaty Watch</title>
<p>The dashboard has not been built. Run <code>npm start</code> (which builds it) or <code>npm run dev</code>.</p>`;

/**
 * oEmbed discovery for a treaty page, in the HTML itself so a CMS that runs no scripts finds it.
 * https://oembed.com/#section4
 */
function withOEmbedDiscovery(html: string, publicUrl: string, treatyId: string): string {
  const page = `${publicUrl}/treaties/${treatyId}`;
  const href = `${publicUrl}/oembed?url=${encodeURIComponent(page)}&format=json`;
  const link = `<link rel="alternate" type="application/json+oembed" href="${xml(href)}" title="Treaty Watch: ${xml(treatyId)}" />`;
  return html.replace('</head>', `    ${link}\n  </head>`);
}

/** The built dashboard, with every page path answered by its index so client-side routes load directly. */
export function clientApp(clientDist: string, embedOrigins: readonly string[], publicUrl: () => string): Router {
  const router = Router();
  const index = path.join(clientDist, 'index.html');
  const embed = path.join(clientDist, 'embed.html');
  // The widgets readers' articles frame: their own small page, framable by the listed origins.
  router.get(['/embed/board', '/embed/treaty/:id'], embeddableBy(embedOrigins), (_req, res) => {
    if (!fs.existsSync(embed)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(embed);
  });
  router.use('/assets', express.static(path.join(clientDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  // The wall screen's worker (its scope, `/screen`, lies under its own path): every start checks for a new build's.
  router.get('/screen-sw.js', (_req, res, next) => {
    res.set('Cache-Control', 'no-cache');
    next();
  });
  router.use(express.static(clientDist, { index: false }));
  const page: RequestHandler = (req, res, next): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  };
  router.get('/treaties/:id', async (req, res, next) => {
    const id = treatyIdSchema.safeParse(req.params.id);
    if (!id.success || !fs.existsSync(index)) {
      next();
      return;
    }
    const html = await fs.promises.readFile(index, 'utf8');
    res
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(withOEmbedDiscovery(html, publicUrl(), id.data));
  });
  router.use(page);
  return router;
}
