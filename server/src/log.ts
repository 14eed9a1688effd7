import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { destination, pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type { Logger };

/** JSON lines on stderr, so a log shipper reads them and stdout stays free for commands' output. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'treaty-watch' } }, destination(2));
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Logs each request once it is answered, with an id: the caller's X-Request-Id when it sends a
 * sane one (a proxy's), a fresh one otherwise. The id is echoed so a desk can quote it.
 */
export function requestLogger(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Only what an operator needs; never the Authorization header or a body.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.replace(/([?&]token=)[^&]*/g, '$1***'),
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
  });
}
