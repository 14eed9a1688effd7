import express, { type RequestHandler } from 'express';
import { HttpProblem, problems } from './problem';

export const BODY_LIMIT = '64kb';

interface BodyError {
  type?: string;
  status?: number;
  charset?: string;
}

const json = express.json({ limit: BODY_LIMIT });

/**
 * The JSON body, read here so that whatever body-parser refuses (bad JSON, an unknown charset,
 * a gzip body that is not gzip, too many bytes) becomes the problem a client can act on.
 */
export const readJsonBody: RequestHandler = (req, res, next) => {
  // Express's request is a Node IncomingMessage that Express re-prototyped, which this rule cannot see.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  json(req, res, (error?: unknown) => {
    if (error === undefined || error === null) return next();
    const { type, status, charset } = error as BodyError;
    if (status === undefined || status >= 500) return next(error);
    const encoding = req.get('content-encoding');
    if (type === 'entity.too.large') return next(new HttpProblem(problems.tooLarge(BODY_LIMIT)));
    if (type === 'charset.unsupported') {
      return next(new HttpProblem(problems.unsupportedMediaType(`The charset "${String(charset).slice(0, 40)}" is not supported; send UTF-8.`)));
    }
    if (type === 'encoding.unsupported') {
      return next(new HttpProblem(problems.unsupportedMediaType(`Content-Encoding "${String(encoding).slice(0, 40)}" is not supported; send identity, gzip, deflate or br.`)));
    }
    const message =
      type === 'entity.parse.failed'
        ? 'the body is not valid JSON'
        : encoding && encoding !== 'identity'
          ? `the body is not valid ${encoding.slice(0, 40)}`
          : 'the body could not be read';
    next(new HttpProblem(status === 400 ? problems.invalidBody([{ field: '', message }]) : problems.statusOnly(status, message)));
  });
};
