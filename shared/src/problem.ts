import { z } from 'zod';
import { statusSchema } from './status';
import { partyActionSchema } from './party';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field, e.g. `sourceUrl` or `limits.0.value`; empty for the body itself. */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, with the extensions our clients read. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  allowed: z.array(statusSchema).optional(),
  /** For a refused party move: the actions the state can take now. */
  allowedActions: z.array(partyActionSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Stable problem types; a client branches on these, never on `title`. */
export const PROBLEM_TYPES = {
  invalidBody: '/problems/invalid-body',
  invalidQuery: '/problems/invalid-query',
  invalidPath: '/problems/invalid-path',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  notFound: '/problems/not-found',
  conflict: '/problems/conflict',
  unprocessable: '/problems/unprocessable',
  preconditionRequired: '/problems/precondition-required',
  invalidTransition: '/problems/invalid-transition',
  tooLarge: '/problems/body-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  rateLimited: '/problems/rate-limited',
  unavailable: '/problems/unavailable',
  alertsNotSetUp: '/problems/alerts-not-set-up',
  internal: '/problems/internal',
  /** RFC 9457's type for a problem that means no more than its HTTP status (a 416 on a file, say). */
  statusOnly: 'about:blank',
} as const;
