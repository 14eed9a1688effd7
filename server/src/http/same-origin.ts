import type { Request } from 'express';
import { HttpProblem, problems } from './problem';

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A browser write on the strength of a cookie must come from our own pages: its `Origin` (or,
 * when a browser sends none, its `Referer`) names this server, as the request reached it or as
 * PUBLIC_URL says readers reach it. SameSite=Strict already keeps the cookie off other sites'
 * requests; this holds for browsers that ignore it and for sibling origins of the same site.
 */
export function assertSameOrigin(req: Request, publicUrl: string | undefined): void {
  const own = new Set([`${req.protocol}://${req.get('host') ?? ''}`, `${req.protocol}://${req.host}`]);
  const published = publicUrl && originOf(publicUrl);
  if (published) own.add(published);
  const origin = req.get('origin');
  const claimed = origin !== undefined ? origin : originOf(req.get('referer') ?? '');
  if (claimed !== undefined && own.has(claimed)) return;
  throw new HttpProblem(
    problems.forbidden(
      origin !== undefined
        ? 'This write came from another site’s page; a signed-in browser writes only from this server’s own pages.'
        : 'A signed-in browser’s write must say where it came from (Origin or Referer); send the token as Authorization: Bearer instead from a script.',
    ),
  );
}
