import { PROBLEM_CONTENT_TYPE, problemSchema, type Problem } from '@treaty-watch/shared';

/** A failed call, carrying the server's problem details (or a stand-in when the server was unreachable). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

const unauthorizedListeners = new Set<() => void>();

/** Called whenever the server says nobody is signed in: the session has ended (revoked, idle, signed out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const unreachable = (detail: string): Problem => ({ type: 'about:blank', title: 'The server cannot be reached', status: 0, detail });

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(unreachable(error instanceof Error ? error.message : String(error)));
  }
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : undefined;
  if (response.ok) return body as T;
  if (response.status === 401) unauthorizedListeners.forEach((listener) => listener());
  const problem = type.includes(PROBLEM_CONTENT_TYPE) ? problemSchema.safeParse(body) : undefined;
  throw new ApiError(
    problem?.success ? problem.data : { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status },
  );
}

/**
 * A write as the signed-in editor or admin: the session cookie goes with it (same origin), the
 * token never does. JSON in, JSON out, the problem thrown as an ApiError.
 */
export function sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> {
  return apiFetch<T>(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', path, body);
}

/** What a failed call says, in a sentence for the page. */
export function problemText(error: unknown): string {
  return error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error);
}
