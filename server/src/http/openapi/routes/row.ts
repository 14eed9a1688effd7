import type { Role } from '@treaty-watch/shared';
import type { ApiRoute } from '../api-route';
import type { Media } from '../media';
import type { SchemaName } from '../schemas';

type Success = SchemaName | Media;
type Options = Omit<ApiRoute, 'method' | 'path' | 'summary' | 'ok'>;

/** One row of the table: its success is a 200 unless given with its status. */
const row =
  (method: ApiRoute['method']) =>
  (path: string, summary: string, ok: Success | ApiRoute['ok'], options: Options = {}): ApiRoute => ({
    method,
    path,
    summary,
    ok: Array.isArray(ok) ? ok : [200, ok],
    ...options,
  });

export const get = row('get');
export const post = row('post');
export const patch = row('patch');
export const del = row('delete');

/** The routes of an area that all need one role. */
export const needing = (role: Role, routes: ApiRoute[]): ApiRoute[] => routes.map((route) => ({ ...route, role }));
