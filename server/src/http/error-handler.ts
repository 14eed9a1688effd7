import type { ErrorRequestHandler } from 'express';
import { DomainError } from '../services/errors';
import { IdempotentReplay } from '../services/write';
import { StoreUnavailableError } from '../store/store-unavailable';
import { HttpProblem, problems, sendProblem } from './problem';

export const BODY_LIMIT = '64kb';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Every failure ends here as problem+json. A stack trace or an SQL message never reaches a
 * client; unexpected errors are logged with the request that caused them.
 */
export function errorHandler(onStoreError: () => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpProblem) return sendProblem(res, error.problem);
    if (error instanceof IdempotentReplay) {
      res.status(error.status).set('Idempotent-Replayed', 'true').json(error.body);
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
    // The router could not decode a path parameter (a bad percent-escape): no resource has that name.
    if (error instanceof URIError) return sendProblem(res, problems.notFound('The path has a malformed percent-escape.'));
    const parserError = error as BodyParserError;
    if (parserError.type === 'entity.too.large') return sendProblem(res, problems.tooLarge(BODY_LIMIT));
    if (parserError.type === 'entity.parse.failed') {
      return sendProblem(res, problems.invalidBody([{ field: '', message: 'the body is not valid JSON' }]));
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      return sendProblem(res, problems.unsupportedMediaType());
    }
    if (parserError.status === 404) return sendProblem(res, problems.notFound(`Nothing at ${req.path}.`));
    req.log.error({ err: error }, `${req.method} ${req.originalUrl} failed`);
    sendProblem(res, problems.internal());
  };
}
