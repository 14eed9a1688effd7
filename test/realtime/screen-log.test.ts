import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { tempDir } from '../support/temp-dir';

const data = tempDir('tw-screen-log-');
let server: SpawnedServer;

beforeAll(async () => {
  server = await spawnServer(data.dir, undefined, { LOG_LEVEL: 'info' });
});
afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset if beforeAll failed before assigning it
  await server?.stop();
  data.remove();
});

/** The server's JSON log lines so far. */
function logLines(): Record<string, unknown>[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function connect(auth: Record<string, unknown>) {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth });
  return new Promise<typeof socket>((resolve, reject) => {
    socket.once('snapshot', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('the server log', () => {
  it('says which screen connected and which went away, and why, but not every viewer', async () => {
    const viewer = await connect({ client: 'viewer' });
    const screen = await connect({ client: 'screen', name: 'desk-3' });
    screen.disconnect();
    await expect
      .poll(() => logLines().find((l) => l.msg === 'screen disconnected'))
      .toMatchObject({ screen: 'desk-3', reason: 'client namespace disconnect' });
    expect(logLines().filter((l) => l.msg === 'screen connected')).toEqual([expect.objectContaining({ screen: 'desk-3', level: 30 })]);
    viewer.disconnect();
  });
});
