import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Role } from '@treaty-watch/shared';
import type { Store, TokenRecord } from '../store/store';
import { DomainError } from './errors';

export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}

/** Tokens are 192 random bits, so a plain SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** last-used is a hint for the admin, not an audit record; writing it once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function createTokenService(store: Store, adminToken: string | undefined, clock: () => Date = () => new Date()) {
  const adminHash = adminToken ? Buffer.from(hashToken(adminToken), 'hex') : undefined;
  const lastTouched = new Map<string, number>();

  return {
    async create(role: Role, name: string): Promise<{ token: string; record: TokenRecord }> {
      const trimmed = name.trim();
      if (!/^[\w .@-]{1,60}$/.test(trimmed)) {
        throw new DomainError('invalid', 'A token name is 1–60 letters, digits, spaces, dots, dashes or @.', {
          errors: [{ field: 'name', message: 'must be 1–60 letters, digits, spaces, . - _ or @' }],
        });
      }
      const token = `tw_${randomBytes(24).toString('base64url')}`;
      const record: TokenRecord = {
        id: randomUUID(),
        name: trimmed,
        role,
        hash: hashToken(token),
        createdAt: clock().toISOString(),
      };
      await store.createToken(record);
      return { token, record };
    },

    list: () => store.listTokens(),

    async revoke(idOrName: string): Promise<TokenRecord> {
      const record = await store.revokeToken(idOrName, clock().toISOString());
      if (!record) throw new DomainError('not_found', `There is no token "${idOrName}".`);
      return record;
    },

    /** The principal a bearer token stands for, or undefined when it is unknown or revoked. */
    async authenticate(token: string): Promise<Principal | undefined> {
      const hash = hashToken(token);
      if (adminHash && timingSafeEqual(Buffer.from(hash, 'hex'), adminHash)) {
        return { tokenId: 'env:ADMIN_TOKEN', name: 'admin', role: 'admin' };
      }
      const record = await store.findTokenByHash(hash);
      if (!record || record.revokedAt) return undefined;
      const now = clock().getTime();
      if (now - (lastTouched.get(record.id) ?? 0) > TOUCH_INTERVAL_MS) {
        lastTouched.set(record.id, now);
        await store.touchToken(record.id, new Date(now).toISOString());
      }
      return { tokenId: record.id, name: record.name, role: record.role };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
