import { z } from 'zod';

export const ROLES = ['editor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** `admin` may do everything an `editor` may. */
export function roleAllows(held: Role, needed: Role): boolean {
  return held === 'admin' || held === needed;
}
