import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers with a strict Content-Security-Policy: only our own scripts, styles and
 * connections, no inline script, no framing. Requests are not upgraded to https, because a
 * newsroom often serves the board over plain http on its own network.
 */
const directives = (frameAncestors: string[]) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  // The wall screen's service worker, from our own origin only.
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors,
});

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: directives(["'none'"]) },
    strictTransportSecurity: false,
  });
}

/**
 * The embed pages may be framed, but only by the origins an operator lists (EMBED_ORIGINS):
 * the same policy, with those as frame ancestors and no X-Frame-Options to contradict it.
 */
export function embeddableBy(origins: readonly string[]): RequestHandler {
  const policy = helmet.contentSecurityPolicy({ useDefaults: false, directives: directives(["'self'", ...origins]) });
  return (req, res, next) => {
    res.removeHeader('X-Frame-Options');
    policy(req, res, next);
  };
}

/**
 * CORS for the API, for the origins an operator lists (CORS_ORIGINS); everyone else gets no
 * CORS headers, so browsers on other sites cannot call it.
 */
export function cors(origins: readonly string[]): RequestHandler {
  return (req, res, next): void => {
    const origin = req.get('origin');
    if (!origin || !origins.includes(origin)) return next();
    res.vary('Origin');
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Expose-Headers', 'ETag, Location, Retry-After, RateLimit, RateLimit-Policy, Idempotent-Replayed');
    if (req.method !== 'OPTIONS') return next();
    res.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
    res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, If-Match');
    res.set('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
