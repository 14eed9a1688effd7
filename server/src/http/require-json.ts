import type { RequestHandler } from 'express';
import { HttpProblem, problems } from './problem';

/** A write must say it is JSON; anything else is refused before it is read. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = req.get('content-length') !== '0' || req.get('transfer-encoding') !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    throw new HttpProblem(problems.unsupportedMediaType());
  }
  next();
};
