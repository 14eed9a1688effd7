import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { WriteContext } from '../services/write';
import { principalOf } from './auth';
import { HttpProblem, problems } from './problem';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Who writes, and the Idempotency-Key the request carries. The fingerprint covers method, path
 * and body, so the same key sent with a different request is refused instead of replayed.
 */
export function writeContext(req: Request, res: Response): WriteContext {
  const principal = principalOf(res);
  const key = req.get('idempotency-key');
  if (key === undefined) return { principal };
  if (!KEY_PATTERN.test(key)) {
    throw new HttpProblem(problems.invalidBody([{ field: 'Idempotency-Key', message: 'must be 1–255 visible ASCII characters' }]));
  }
  const fingerprint = createHash('sha256')
    .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');
  return { principal, idempotency: { key, fingerprint } };
}
