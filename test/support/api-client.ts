import type { CreateTokenResponse, Role } from '@treaty-watch/shared';
import { ADMIN_TOKEN } from './in-process-server';

export interface JsonResponse<T = unknown> {
  status: number;
  contentType: string;
  body: T;
  headers: Headers;
}

export async function request<T = unknown>(url: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: response.headers,
  };
}

/** POST an update as an editor would, with the admin token unless told otherwise. */
export function postUpdate<T = unknown>(base: string, treatyId: string, body: unknown, token: string | null = ADMIN_TOKEN) {
  return request<T>(`${base}/api/treaties/${treatyId}/updates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

type Sent = { token?: string | null; headers?: Record<string, string> };

/**
 * The API as an editor calls it: bodies sent as JSON (a string is sent as it is), the admin
 * token unless `token` says otherwise (`null`: none), paths relative to the server.
 */
export function api(target: string | { url: string }, defaults: Sent = {}) {
  const base = () => (typeof target === 'string' ? target : target.url);
  const send = <T>(method: string, path: string, body: unknown, sent: Sent = {}) => {
    const token = sent.token === undefined ? (defaults.token === undefined ? ADMIN_TOKEN : defaults.token) : sent.token;
    const headers: Record<string, string> = {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...defaults.headers,
      ...sent.headers,
    };
    return request<T>(`${base()}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  };
  return {
    /** Any method by name, for tests that walk a table of routes. */
    send: <T = unknown>(method: string, path: string, body?: unknown, sent?: Sent) => send<T>(method.toUpperCase(), path, body, sent),
    get: <T = unknown>(path: string, sent?: Sent) => send<T>('GET', path, undefined, sent),
    post: <T = unknown>(path: string, body?: unknown, sent?: Sent) => send<T>('POST', path, body, sent),
    put: <T = unknown>(path: string, body?: unknown, sent?: Sent) => send<T>('PUT', path, body, sent),
    patch: <T = unknown>(path: string, body?: unknown, sent?: Sent) => send<T>('PATCH', path, body, sent),
    delete: <T = unknown>(path: string, sent?: Sent) => send<T>('DELETE', path, undefined, sent),
    /** A new token, as an admin makes one for a desk; throws unless it was created. */
    async createToken(body: { name: string; role: Role; treaties?: string[] }, sent?: Sent): Promise<CreateTokenResponse> {
      const created = await send<CreateTokenResponse>('POST', '/api/tokens', body, sent);
      if (created.status !== 201)
        throw new Error(`creating token ${body.name} answered ${created.status}: ${JSON.stringify(created.body)}`);
      return created.body;
    },
    /** POST an update to a treaty, as the desk's form does. */
    postUpdate: <T = unknown>(treatyId: string, body: unknown, sent?: Sent) =>
      send<T>('POST', `/api/treaties/${treatyId}/updates`, body, sent),
  };
}

export type Api = ReturnType<typeof api>;
