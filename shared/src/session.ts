import { z } from 'zod';
import { roleSchema } from './auth';
import { instantSchema } from './time';
import { treatyIdSchema } from './treaty';

/** Tokens are `tw_` and 32 base64url characters; ADMIN_TOKEN is whatever the operator chose. */
export const signInBodySchema = z.strictObject({
  token: z
    .string()
    .trim()
    .min(1, 'paste your token')
    .max(500, 'is longer than any token')
    .regex(/^[\x21-\x7e]+$/, 'is not a token: tokens are visible ASCII characters'),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** Who a browser is signed in as: the token's name, role and scope, never the token. */
export const sessionSchema = z.object({
  tokenId: z.string(),
  name: z.string(),
  role: roleSchema,
  /** When set, the session may write only to these treaties. */
  treaties: z.array(treatyIdSchema).optional(),
  signedInAt: instantSchema,
  /** When the session ends unless it is used before then. */
  idleExpiresAt: instantSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionResponseSchema = z.object({ session: sessionSchema });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const signedOutResponseSchema = z.object({ signedOut: z.literal(true) });
export type SignedOutResponse = z.infer<typeof signedOutResponseSchema>;
