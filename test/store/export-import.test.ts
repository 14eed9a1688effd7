import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Snapshot } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/in-process-server';
import { repoRoot } from '../support/paths';
import { DATABASE_URL, pgTestStore, POSTGRES_MISSING, urlForSchema } from '../support/stores';
import { tempDir } from '../support/temp-dir';

const run = promisify(execFile);
const cli = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', `server/src/cli/${script}.ts`, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });

const source = tempDir('export');
const target = tempDir('import');
const dump = path.join(source.dir, 'board.ndjson');
let server: TestServer;
let before: Snapshot;

/** The board without the moment it was read. */
const board = ({ serverTime: _t, ...rest }: Snapshot) => rest;

beforeAll(async () => {
  server = await startServer({ dataDir: path.join(source.dir, 'data') });
  const { body } = await postUpdate<PostUpdateResponse>(server.url, 'open-skies', { headline: 'To be corrected', status: 'suspended' });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
  await request(`${server.url}/api/updates/${body.update.id}`, { method: 'PATCH', headers, body: JSON.stringify({ headline: 'Corrected' }) });
  await request(`${server.url}/api/updates/${body.update.id}/retract`, { method: 'POST', headers, body: JSON.stringify({ reason: 'Wrong' }) });
  await postUpdate(server.url, 'cfe', { headline: 'Backdated note', occurredAt: '2020-01-01T00:00:00Z' });
  await request(`${server.url}/api/tokens`, { method: 'POST', headers, body: JSON.stringify({ role: 'editor', name: 'kept desk' }) });
  before = (await request<Snapshot>(`${server.url}/api/snapshot`)).body;
  await server.close();
  await cli('export', [], { DATA_DIR: path.join(source.dir, 'data') }).then(({ stdout }) => fs.writeFileSync(dump, stdout));
});
afterAll(() => {
  source.remove();
  target.remove();
});

async function boardOf(options: Parameters<typeof startServer>[0]) {
  const restored = await startServer(options);
  try {
    return (await request<Snapshot>(`${restored.url}/api/snapshot`)).body;
  } finally {
    await restored.close();
  }
}

describe('npm run export and npm run import', () => {
  it('writes one JSON line per log entry, then the tokens', () => {
    const lines = fs.readFileSync(dump, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; seq?: number });
    const entries = lines.filter((l) => l.type === 'entry');
    expect(entries.map((l) => l.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.length).toBe(before.seq);
    expect(lines.filter((l) => l.type === 'token')).toHaveLength(1);
  });

  it('rebuilds the same board in a new SQLite store', async () => {
    const { stdout } = await cli('import', [dump], { DATA_DIR: target.dir });
    expect(stdout).toMatch(new RegExp(`Imported ${before.seq} log entries and 1 tokens into the sqlite store`));
    expect(board(await boardOf({ dataDir: target.dir }))).toEqual(board(before));
  });

  it('refuses to import into a store that already has a log, and changes nothing', async () => {
    await expect(cli('import', [dump], { DATA_DIR: target.dir })).rejects.toMatchObject({ stderr: expect.stringMatching(/empty store/) });
    expect(board(await boardOf({ dataDir: target.dir }))).toEqual(board(before));
  });

  if (!DATABASE_URL) process.stdout.write(`${POSTGRES_MISSING}\n`);
  it.skipIf(!DATABASE_URL)('moves the board from SQLite to PostgreSQL', async () => {
    const pg = await pgTestStore();
    await pg.store.close();
    try {
      const url = urlForSchema(pg.schema);
      await cli('import', [dump], { DATABASE_URL: url });
      expect(board(await boardOf({ store: () => pg.reopen() }))).toEqual(board(before));
    } finally {
      await pg.remove();
    }
  });
});
