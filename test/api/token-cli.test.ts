import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postUpdate } from '../support/api-client';
import { startServer, type TestServer } from '../support/in-process-server';
import { repoRoot, tsxBin } from '../support/paths';

const run = promisify(execFile);
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** `npm run token -- …` as a newsroom admin types it, against the server's own database. */
function token(...args: string[]) {
  return run(tsxBin, ['server/src/cli/token.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: server.dataDir, ADMIN_TOKEN: '', DATABASE_URL: '' },
  });
}

describe('the token command', () => {
  it('creates an editor token that posts, lists it without its value, and revokes it at once, also on the sockets that used it', async () => {
    const created = await token('create', '--role', 'editor', '--name', 'desk');
    const value = /(tw_[\w-]+)/.exec(created.stdout)?.[1];
    expect(value).toBeDefined();
    expect((await postUpdate(server.url, 'npt', { headline: 'From the desk' }, value)).status).toBe(201);

    const listed = await token('list');
    expect(listed.stdout).toMatch(/editor\s+desk/);
    expect(listed.stdout).not.toContain(value);

    const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: value } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    try {
      await token('revoke', 'desk');
      expect((await postUpdate(server.url, 'npt', { headline: 'After revocation' }, value)).status).toBe(401);
      // The command runs in its own process: the server's sweep, once a second, drops the socket.
      expect(await dropped).toBe('io server disconnect');
    } finally {
      socket.disconnect();
    }
  });

  it('explains a missing role instead of creating a token', async () => {
    await expect(token('create', '--name', 'desk')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--role/) });
  });
});
