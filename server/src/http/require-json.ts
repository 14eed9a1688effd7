import type { RequestHandler } from 'express';
import { HttpProblem, problems } from './problem';

/** Mail clients POST a form to the one-click unsubscribe address (RFC 8058): the one write that is not JSON. */
export const ONE_CLICK_PATH = '/subscriptions/unsubscribe';
export const ONE_CLICK_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A write must say it is JSON; anything else is refused before it is read. */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (req.path === ONE_CLICK_PATH && req.method === 'POST' && req.is(ONE_CLICK_TYPES)) {
    next();
    return;
  }
  // A POST with no body at all (a revoke, a cancel) has nothing to be JSON.
  const length = req.get('content-length');
  const hasBody = (length !== undefined && length !== '0') || req.get('transfer-encoding') !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    throw new HttpProblem(problems.unsupportedMediaType());
  }
  next();
};
