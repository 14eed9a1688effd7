import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/services/token-service';
import { repoRoot, tsxBin } from '../support/paths';
import { useServer } from '../support/use-server';
import { stringMatching } from '../support/matchers';

const run = promisify(execFile);
const board = useServer();
const postAs = (token: string | undefined, headline: string) => board.api.postUpdate('npt', { headline }, { token: token ?? null });

/** `npm run token -- …` as a newsroom admin types it, against the server's own database. */
function token(...args: string[]) {
  return run(tsxBin, ['server/src/cli/token.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: board.server.dataDir, ADMIN_TOKEN: '', DATABASE_URL: '' },
  });
}

describe('the token command', () => {
  it('creates an editor token that posts, lists it without its value, and revokes it at once, also on the sockets that used it', async () => {
    const created = await token('create', '--role', 'editor', '--name', 'desk');
    const value = /(tw_[\w-]+)/.exec(created.stdout)?.[1];
    expect(value).toBeDefined();
    expect((await postAs(value, 'From the desk')).status).toBe(201);

    const listed = await token('list');
    expect(listed.stdout).toMatch(/editor\s+desk/);
    expect(listed.stdout).not.toContain(value);

    const socket = io(board.server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: value } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    try {
      await token('revoke', 'desk');
      expect((await postAs(value, 'After revocation')).status).toBe(401);
      // The command runs in its own process: the server's sweep, once a second, drops the socket.
      expect(await dropped).toBe('io server disconnect');
    } finally {
      socket.disconnect();
    }
  });

  it('explains a missing role instead of creating a token', async () => {
    await expect(token('create', '--name', 'desk')).rejects.toMatchObject({ code: 2, stderr: stringMatching(/--role/) });
  });

  it('refuses a treaty scope on an admin token', async () => {
    await expect(token('create', '--role', 'admin', '--name', 'scoped boss', '--treaties', 'inf')).rejects.toMatchObject({
      code: 2,
      stderr: stringMatching(/--treaties: only editor tokens/),
    });
    expect((await token('list')).stdout).not.toContain('scoped boss');
  });

  it('refuses a name a live token already has', async () => {
    await token('create', '--role', 'editor', '--name', 'night desk');
    await expect(token('create', '--role', 'admin', '--name', 'Night Desk')).rejects.toMatchObject({
      code: 2,
      stderr: stringMatching(/already exists/),
    });
    expect((await token('list')).stdout.match(/night desk/gi)).toHaveLength(1);
  });

  it('refuses to revoke a name two tokens share (a database from before), naming their ids; revokes by id', async () => {
    const values = [`tw_${randomUUID()}`, `tw_${randomUUID()}`];
    const ids = [randomUUID(), randomUUID()];
    await board.server.app.store.transaction(async (tx) => {
      for (const [i, value] of values.entries()) {
        await tx.createToken({
          id: ids[i] ?? '',
          name: 'twin desk',
          role: 'editor',
          hash: hashToken(value),
          createdAt: new Date().toISOString(),
        });
      }
    });
    const posts = () => Promise.all(values.map(async (v) => (await postAs(v, 'Twin')).status));

    const refused = await token('revoke', 'twin desk').then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(refused?.code).toBe(2);
    for (const id of ids) expect(refused?.stderr).toContain(id);
    expect(await posts()).toEqual([201, 201]);

    const byId = await token('revoke', ids[0] ?? '');
    expect(byId.stdout).toContain(ids[0]);
    expect(await posts()).toEqual([401, 201]);

    // One of the two left standing: the name is no longer ambiguous.
    await token('revoke', 'twin desk');
    expect(await posts()).toEqual([401, 401]);
  });
});
