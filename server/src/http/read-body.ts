import express, { type RequestHandler } from 'express';
import { HttpProblem, problems } from './problem';

export const BODY_LIMIT = '64kb';

interface BodyError {
  type?: string;
  status?: number;
  charset?: string;
}

/**
 * A body read with one of body-parser's parsers, so that whatever it refuses (bad JSON, an
 * unknown charset, a gzip body that is not gzip, too many bytes) becomes the problem a client
 * can act on.
 */
const readWith =
  (parser: RequestHandler, what: string): RequestHandler =>
  (req, res, next) => {
    parser(req, res, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const { type, status, charset } = error as BodyError;
      if (status === undefined || status >= 500) return next(error);
      const encoding = req.get('content-encoding');
      if (type === 'entity.too.large') return next(new HttpProblem(problems.tooLarge(BODY_LIMIT)));
      if (type === 'charset.unsupported') {
        return next(
          new HttpProblem(problems.unsupportedMediaType(`The charset "${String(charset).slice(0, 40)}" is not supported; send UTF-8.`)),
        );
      }
      if (type === 'encoding.unsupported') {
        return next(
          new HttpProblem(
            problems.unsupportedMediaType(
              `Content-Encoding "${String(encoding).slice(0, 40)}" is not supported; send identity, gzip, deflate or br.`,
            ),
          ),
        );
      }
      const message =
        type === 'entity.parse.failed'
          ? `the body is not valid ${what}`
          : encoding && encoding !== 'identity'
            ? `the body is not valid ${encoding.slice(0, 40)}`
            : 'the body could not be read';
      next(new HttpProblem(status === 400 ? problems.invalidBody([{ field: '', message }]) : problems.statusOnly(status, message)));
    });
  };

export const readJsonBody = readWith(express.json({ limit: BODY_LIMIT }), 'JSON');

/** A form, as mail clients POST for a one-click unsubscribe (RFC 8058). */
export const readFormBody = readWith(express.urlencoded({ limit: BODY_LIMIT, extended: false }), 'form data');

/** A multipart form, read only to its limit: what a one-click POST says is fixed, and the token is in its URL. */
export const readMultipartBody = readWith(express.raw({ type: 'multipart/form-data', limit: BODY_LIMIT }), 'multipart form data');
