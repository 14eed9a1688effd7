import { HttpProblem, problems } from './problem';

/** The treaty version an If-Match names: `"3"`, `W/"3"` or a bare `3`. */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined) {
    throw new HttpProblem(problems.preconditionRequired('Send If-Match with the version you read (the ETag of GET /api/treaties/:id).'));
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match?.[1]) {
    throw new HttpProblem(problems.invalidBody([{ field: 'If-Match', message: 'must be a treaty version such as "3"' }]));
  }
  return Number(match[1]);
}
