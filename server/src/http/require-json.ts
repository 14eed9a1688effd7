import type { RequestHandler } from 'express';
import { HttpProblem, problems } from './problem';

/** A write must say it is JSON; anything else is refused before it is read. */
export const requireJson: RequestHandler = (req, _res, next) => {
  // A POST with no body at all (a revoke, a cancel) has nothing to be JSON.
  const length = req.get('content-length');
  const hasBody = (length !== undefined && length !== '0') || req.get('transfer-encoding') !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    throw new HttpProblem(problems.unsupportedMediaType());
  }
  next();
};
