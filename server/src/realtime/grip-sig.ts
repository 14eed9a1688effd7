import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Pushpin's `sig_iss` in deploy/pushpin/pushpin.conf. */
export const GRIP_SIG_ISSUER = 'pushpin';

const headerSchema = z.object({ alg: z.literal('HS256') });
const claimsSchema = z.object({ iss: z.literal(GRIP_SIG_ISSUER), exp: z.number() });

const decoded = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

/**
 * Whether a Grip-Sig header is the JWT Pushpin signs each forwarded request with (HS256 with its
 * `sig_key`, issued by `sig_iss`, not yet expired). Only then may the answer be a GRIP hold: anyone
 * reaching the origin directly could send the header, and a hold answered to them is a stream
 * they never get.
 */
export function validGripSig(token: string | undefined, key: string, nowMs: number): boolean {
  const [header, claims, signature, ...rest] = (token ?? '').split('.');
  if (!header || !claims || !signature || rest.length > 0) return false;
  const expected = createHmac('sha256', key).update(`${header}.${claims}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  if (!headerSchema.safeParse(decoded(header)).success) return false;
  const parsed = claimsSchema.safeParse(decoded(claims));
  return parsed.success && parsed.data.exp * 1000 > nowMs;
}
