import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type FieldError, type PartyAction, type Problem, type Status } from '@treaty-watch/shared';
import type { ZodError } from 'zod';

/** An error that already knows the problem+json it becomes. */
export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = 'HttpProblem';
  }
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // An unknown key is itself the field at fault, not the object that holds it.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...at, key]) : [at];
    return paths.map((path) => ({ field: path.join('.'), message: issue.message }));
  });
}

export const problems = {
  invalidBody: (errors: FieldError[]): Problem => ({
    type: PROBLEM_TYPES.invalidBody,
    title: 'The request body is not valid',
    status: 400,
    detail: errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '),
    errors,
  }),
  invalidQuery: (errors: FieldError[]): Problem => ({
    type: PROBLEM_TYPES.invalidQuery,
    title: 'The query string is not valid',
    status: 400,
    errors,
  }),
  invalidPath: (detail: string): Problem => ({
    type: PROBLEM_TYPES.invalidPath,
    title: 'The URL path cannot be read',
    status: 400,
    detail,
    errors: [{ field: 'path', message: detail }],
  }),
  unauthorized: (detail: string): Problem => ({
    type: PROBLEM_TYPES.unauthorized,
    title: 'A valid token is required',
    status: 401,
    detail,
  }),
  forbidden: (detail: string): Problem => ({
    type: PROBLEM_TYPES.forbidden,
    title: 'This token may not do that',
    status: 403,
    detail,
  }),
  notFound: (detail: string): Problem => ({ type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail }),
  /** `allowed` is what may follow the current status; absent when the conflict is with later history. */
  invalidTransition: (detail: string, allowed: readonly Status[] | undefined): Problem => ({
    type: PROBLEM_TYPES.invalidTransition,
    title: 'That status cannot follow the current one',
    status: 409,
    detail,
    ...(allowed ? { allowed: [...allowed] } : {}),
  }),
  /** `allowedActions` is what the state can do now; absent when the conflict is with its later record. */
  invalidPartyMove: (detail: string, allowedActions: readonly PartyAction[] | undefined): Problem => ({
    type: PROBLEM_TYPES.invalidTransition,
    title: 'The state cannot take that action now',
    status: 409,
    detail,
    ...(allowedActions ? { allowedActions: [...allowedActions] } : {}),
  }),
  conflict: (detail: string): Problem => ({ type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409, detail }),
  unprocessable: (detail: string): Problem => ({
    type: PROBLEM_TYPES.unprocessable,
    title: 'The request cannot be processed as sent',
    status: 422,
    detail,
  }),
  preconditionRequired: (detail: string): Problem => ({
    type: PROBLEM_TYPES.preconditionRequired,
    title: 'This change needs If-Match',
    status: 428,
    detail,
  }),
  rateLimited: (detail: string): Problem => ({
    type: PROBLEM_TYPES.rateLimited,
    title: 'Too many requests',
    status: 429,
    detail,
  }),
  statusOnly: (status: number, detail: string): Problem => ({
    type: PROBLEM_TYPES.statusOnly,
    title: STATUS_CODES[status] ?? 'Request refused',
    status,
    detail,
  }),
  tooLarge: (limit: string): Problem => ({
    type: PROBLEM_TYPES.tooLarge,
    title: 'The request body is too large',
    status: 413,
    detail: `Bodies are limited to ${limit}.`,
  }),
  unsupportedMediaType: (detail = 'Send Content-Type: application/json.'): Problem => ({
    type: PROBLEM_TYPES.unsupportedMediaType,
    title: 'The request body must be JSON',
    status: 415,
    detail,
  }),
  unavailable: (): Problem => ({
    type: PROBLEM_TYPES.unavailable,
    title: 'The board cannot take writes right now',
    status: 503,
    detail: 'The database refused the write, so nothing was stored. Reading still works; try again shortly.',
  }),
  alertsNotSetUp: (): Problem => ({
    type: PROBLEM_TYPES.alertsNotSetUp,
    title: 'Email alerts are not set up on this server',
    status: 503,
    detail: 'The server has no mail server to send through (SMTP_URL is not set).',
  }),
  notReady: (detail: string): Problem => ({ type: PROBLEM_TYPES.unavailable, title: 'Not ready', status: 503, detail }),
  notImplemented: (detail: string): Problem => ({ type: PROBLEM_TYPES.statusOnly, title: 'Not Implemented', status: 501, detail }),
  internal: (): Problem => ({
    type: PROBLEM_TYPES.internal,
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'The error was logged. Nothing was changed.',
  }),
};
