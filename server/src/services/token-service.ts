import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CreateTokenBody, TokenInfo } from '@treaty-watch/shared';
import type { Store, StoreTx, TokenRecord } from '../store/store';
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

/** The principal ADMIN_TOKEN stands for. */
const ENV_ADMIN: Principal = { tokenId: 'env:ADMIN_TOKEN', name: 'admin', role: 'admin' };

function principalOfRecord(record: TokenRecord): Principal {
  return {
    tokenId: record.id,
    name: record.name,
    role: record.role,
    ...(record.treaties ? { treaties: record.treaties } : {}),
  };
}

/** last-used is a hint for the admin, not an audit record; writing it once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function createTokenService(store: Store, adminToken: string | undefined, clock: () => Date = () => new Date()) {
  const adminHash = adminToken ? Buffer.from(hashToken(adminToken), 'hex') : undefined;
  const lastTouched = new Map<string, number>();

  /** `revoke` revokes the token it picks and gives it back, or undefined when it finds none. */
  function revoking(
    ctx: WriteContext,
    target: string,
    revoke: (tx: StoreTx, at: string) => Promise<TokenRecord | undefined>,
  ): Promise<Written<TokenInfo>> {
    const now = clock();
    return write(store, ctx, now, {
      async work(tx) {
        const record = await revoke(tx, now.toISOString());
        if (!record) throw new DomainError('not_found', `There is no token "${target}".`);
        return tokenInfo(record);
      },
      audit: (info) => ({ action: 'token.revoked', target: info.id }),
      answer: (info) => ({ outcome: 'done', body: { info } }),
    });
  }

  return {
    /** Makes a token; its value is in the result and nowhere else, ever. */
    create(body: CreateTokenBody, ctx: WriteContext): Promise<Written<{ token: string; info: TokenInfo }>> {
      const now = clock();
      return write(store, ctx, now, {
        async work(tx) {
          const holder = (await tx.tokensNamed(body.name)).find((t) => !t.revokedAt);
          // The name is how updates are signed and how the command line revokes: one token per name.
          if (holder) {
            throw new DomainError(
              'conflict',
              `A token named "${holder.name}" already exists (id ${holder.id}); revoke it first or pick another name.`,
            );
          }
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

    /** Revokes the token with this id: the API's way, which can never pick the wrong one. */
    revoke(id: string, ctx: WriteContext): Promise<Written<TokenInfo>> {
      return revoking(ctx, id, (tx, at) => tx.revokeToken(id, at));
    },

    /**
     * The command line's way: an id, or the name of exactly one token still standing. A name
     * two live tokens share (a database from before names were unique) is refused with their ids.
     */
    revokeNamed(idOrName: string, ctx: WriteContext): Promise<Written<TokenInfo>> {
      return revoking(ctx, idOrName, async (tx, at) => {
        const byId = await tx.revokeToken(idOrName, at);
        if (byId) return byId;
        const named = await tx.tokensNamed(idOrName);
        const live = named.filter((t) => !t.revokedAt);
        if (live.length > 1) {
          throw new DomainError(
            'conflict',
            `${live.length} tokens are named "${idOrName}": revoke one by its id (${live.map((t) => t.id).join(', ')}).`,
          );
        }
        // Revoking a name again, once its token is gone, is the same no-op as revoking an id again.
        const chosen = live[0] ?? named.at(-1);
        return chosen && tx.revokeToken(chosen.id, at);
      });
    },

    /** The principal a bearer token stands for, or undefined when it is unknown or revoked. */
    async authenticate(token: string): Promise<Principal | undefined> {
      const hash = hashToken(token);
      if (adminHash && timingSafeEqual(Buffer.from(hash, 'hex'), adminHash)) {
        return ENV_ADMIN;
      }
      const record = await store.findTokenByHash(hash);
      if (!record || record.revokedAt) return undefined;
      const now = clock().getTime();
      if (now - (lastTouched.get(record.id) ?? 0) > TOUCH_INTERVAL_MS) {
        lastTouched.set(record.id, now);
        await store.touchToken(record.id, new Date(now).toISOString());
      }
      return principalOfRecord(record);
    },

    /**
     * The principal a token id stands for while it stands, and the token's hash: how a browser
     * session finds its token again, and draws on the same write allowance as the token itself.
     */
    async standingOf(tokenId: string): Promise<{ principal: Principal; tokenHash: string } | undefined> {
      if (tokenId === ENV_ADMIN.tokenId) return adminHash ? { principal: ENV_ADMIN, tokenHash: adminHash.toString('hex') } : undefined;
      const record = await store.getToken(tokenId);
      if (!record || record.revokedAt) return undefined;
      return { principal: principalOfRecord(record), tokenHash: record.hash };
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
