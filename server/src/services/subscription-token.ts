import { randomBytes } from 'node:crypto';
import { hashToken } from './token-service';

/** A link's token: 256 random bits (43 base64url characters), kept only as its SHA-256. */
export function newSubscriptionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export { hashToken as hashSubscriptionToken };
