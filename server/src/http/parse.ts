import type { z } from 'zod';
import { fieldErrors, HttpProblem, problems } from './problem';

/** Parse at the edge: the one place request input meets its schema. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpProblem(problems.invalidBody(fieldErrors(result.error)));
  return result.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const result = schema.safeParse(query);
  if (!result.success) throw new HttpProblem(problems.invalidQuery(fieldErrors(result.error)));
  return result.data;
}
