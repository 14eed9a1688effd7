import { z } from 'zod';
import { instantSchema } from './time';
import { treatyIdSchema } from './treaty';

export const ROLES = ['editor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** `admin` may do everything an `editor` may. */
export function roleAllows(held: Role, needed: Role): boolean {
  return held === 'admin' || held === needed;
}

export const tokenNameSchema = z
  .string()
  .trim()
  .regex(/^[\w .@-]{1,60}$/, 'must be 1–60 letters, digits, spaces, . - _ or @');

/** A token as an admin sees it: never its value, which is shown once at creation. */
export const tokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  /** When set, the token may write only to these treaties. */
  treaties: z.array(treatyIdSchema).optional(),
  createdAt: instantSchema,
  lastUsedAt: instantSchema.optional(),
  revokedAt: instantSchema.optional(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/**
 * Scopes are for editors: an admin's routes (tokens, webhooks, treaty administration, the
 * audit trail) act on every treaty, so a scope on an admin token could never hold.
 */
export const createTokenBodySchema = z
  .strictObject({
    role: roleSchema,
    name: tokenNameSchema,
    treaties: z.array(treatyIdSchema).min(1).max(100).optional(),
  })
  .refine((body) => !(body.role === 'admin' && body.treaties), {
    path: ['treaties'],
    error: 'only editor tokens can be limited to treaties; an admin token acts on every treaty',
  });
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

export const createTokenResponseSchema = z.object({ token: z.string(), info: tokenInfoSchema });
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

export const tokensResponseSchema = z.object({ tokens: z.array(tokenInfoSchema) });
export type TokensResponse = z.infer<typeof tokensResponseSchema>;

export const AUDIT_ACTIONS = [
  'update.posted',
  'update.corrected',
  'update.retracted',
  'update.scheduled',
  'update.published',
  'update.cancelled',
  'treaty.created',
  'treaty.changed',
  'treaty.expired',
  'token.created',
  'token.revoked',
  'session.started',
  'session.ended',
  'webhook.created',
  'webhook.changed',
  'webhook.deleted',
  'webhook.tested',
] as const;

/** Who did what, when, with which token. */
export const auditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: instantSchema,
  actor: z.string(),
  tokenId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** The treaty, update or token acted on (for signing in and out, the session's token). */
  target: z.string(),
  seq: z.number().int().positive().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only what this token id did. */
  token: z
    .string()
    .regex(/^[\w:.-]{1,100}$/, 'must be a token id')
    .optional(),
  /** Only what concerns this treaty: the treaty itself, its updates and its embargoes. */
  treaty: treatyIdSchema.optional(),
  /** Only this kind of action. */
  kind: z.enum(AUDIT_ACTIONS).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditFilter = Pick<AuditQuery, 'token' | 'treaty' | 'kind'>;

export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditResponse = z.infer<typeof auditResponseSchema>;

export const revokeTokenResponseSchema = z.object({ info: tokenInfoSchema });
export type RevokeTokenResponse = z.infer<typeof revokeTokenResponseSchema>;
