import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CreateTokenBody, TokenInfo } from '@treaty-watch/shared';
import type { Store, TokenRecord } from '../store/store';
import { DomainError } from './errors';
import type { Principal } from './principal';
import { write, type WriteContext, type Written } from './write';

/** Tokens are 192 random bits, so a plain SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenInfo(record: TokenRecord): TokenInfo {
  const { hash: _hash, ...info } = record;
  return info;
}

/** last-used is a hint for the admin, not an audit record; writing it once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function createTokenService(store: Store, adminToken: string | undefined, clock: () => Date = () => new Date()) {
  const adminHash = adminToken ? Buffer.from(hashToken(adminToken), 'hex') : undefined;
  const lastTouched = new Map<string, number>();

  return {
    /** Makes a token; its value is in the result and nowhere else, ever. */
    create(body: CreateTokenBody, ctx: WriteContext): Promise<Written<{ token: string; info: TokenInfo }>> {
      const now = clock();
      return write(store, ctx, now, {
        async work(tx) {
          const token = `tw_${randomBytes(24).toString('base64url')}`;
          const record: TokenRecord = {
            id: randomUUID(),
            name: body.name,
            role: body.role,
            ...(body.treaties ? { treaties: [...new Set(body.treaties)] } : {}),
            hash: hashToken(token),
            createdAt: now.toISOString(),
          };
          await tx.createToken(record);
          return { token, info: tokenInfo(record) };
        },
        audit: ({ info }) => ({ action: 'token.created', target: info.id }),
        answer: (created) => ({ outcome: 'created', body: created }),
      });
    },

    async list(): Promise<TokenInfo[]> {
      return (await store.listTokens()).map(tokenInfo);
    },

    revoke(idOrName: string, ctx: WriteContext): Promise<Written<TokenInfo>> {
      const now = clock();
      return write(store, ctx, now, {
        async work(tx) {
          const record = await tx.revokeToken(idOrName, now.toISOString());
          if (!record) throw new DomainError('not_found', `There is no token "${idOrName}".`);
          return tokenInfo(record);
        },
        audit: (info) => ({ action: 'token.revoked', target: info.id }),
        answer: (info) => ({ outcome: 'done', body: { info } }),
      });
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
      return {
        tokenId: record.id,
        name: record.name,
        role: record.role,
        ...(record.treaties ? { treaties: record.treaties } : {}),
      };
    },

    /** Whether a token id still stands: the check open sockets are swept with. */
    async isActive(tokenId: string): Promise<boolean> {
      if (tokenId === 'env:ADMIN_TOKEN') return adminHash !== undefined;
      const record = await store.getToken(tokenId);
      return record !== undefined && !record.revokedAt;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
