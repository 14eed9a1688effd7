import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Problem } from '@treaty-watch/shared';
import { DomainError } from '../services/errors';
import { IdempotentReplay } from '../services/write';
import { StoreUnavailableError } from '../store/store-unavailable';
import { statusOf } from './outcome-status';
import { HttpProblem, problems, sendProblem } from './problem';

/** The 4xx an http-errors style error carries (the router, body-parser, send), if it carries one. */
function clientStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = status ?? statusCode;
  return typeof code === 'number' && Number.isInteger(code) && code >= 400 && code < 500 ? code : undefined;
}

/** What a refused request reads back: its path cut short, since it may be long and is the client's own. */
function refusal(status: number, path: string): Problem {
  const shown = path.length > 100 ? `${path.slice(0, 100)}…` : path;
  if (status === 400) return problems.invalidPath(`The path ${shown} has a malformed percent-escape or a NUL.`);
  if (status === 404) return problems.notFound(`Nothing at ${shown}.`);
  if (status === 403) return problems.statusOnly(403, `The path ${shown} points outside what is served.`);
  return problems.statusOnly(status, `${STATUS_CODES[status] ?? 'Refused'}: ${shown}.`);
}

/**
 * Every failure ends here as problem+json. A stack trace or an SQL message never reaches a
 * client; unexpected errors are logged with the request that caused them.
 */
export function errorHandler(onStoreError: () => void): ErrorRequestHandler {
  return (error: unknown, req, res, next): void => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpProblem) return sendProblem(res, error.problem);
    if (error instanceof IdempotentReplay) {
      res.status(statusOf(error.outcome)).set('Idempotent-Replayed', 'true').json(error.body);
      return;
    }
    if (error instanceof DomainError) {
      const errors = error.details.errors ?? [];
      switch (error.code) {
        case 'not_found':
          return sendProblem(res, problems.notFound(error.message));
        case 'invalid':
          return sendProblem(res, { ...problems.invalidBody(errors), detail: error.message });
        case 'invalid_query':
          return sendProblem(res, { ...problems.invalidQuery(errors), detail: error.message });
        case 'invalid_party_move':
          return sendProblem(res, problems.invalidPartyMove(error.message, error.details.allowedActions));
        case 'invalid_transition':
          return sendProblem(res, problems.invalidTransition(error.message, error.details.allowed));
        case 'conflict':
          return sendProblem(res, problems.conflict(error.message));
        case 'forbidden':
          return sendProblem(res, problems.forbidden(error.message));
        case 'unprocessable':
          return sendProblem(res, problems.unprocessable(error.message));
      }
    }
    if (error instanceof StoreUnavailableError) {
      onStoreError();
      req.log.warn({ err: error.cause }, error.message);
      res.set('Retry-After', '5');
      return sendProblem(res, problems.unavailable());
    }
    // A library refused the request itself: the client's mistake, logged at info with the request.
    const status = clientStatusOf(error);
    if (status !== undefined) return sendProblem(res, refusal(status, req.path));
    req.log.error({ err: error }, `${req.method} ${req.originalUrl} failed`);
    sendProblem(res, problems.internal());
  };
}
