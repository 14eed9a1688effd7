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
