import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@treaty-watch/shared';
import { ADMIN_TOKEN } from '../support/in-process-server';
import { clientDist } from '../support/paths';
import { rawRequest } from '../support/raw-http';
import { spawnServer, type SpawnedServer } from '../support/spawned-server';
import { tempDir } from '../support/temp-dir';

const data = tempDir('malformed');
let server: SpawnedServer;
beforeAll(async () => {
  server = await spawnServer(data.dir, undefined, { LOG_LEVEL: 'info' });
});
afterAll(async () => {
  await server.stop();
  data.remove();
});

const asset = fs.readdirSync(path.join(clientDist, 'assets')).find((f) => f.endsWith('.js')) ?? 'missing.js';
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function problemOf(method: string, target: string, headers: Record<string, string> = {}, body?: string | Buffer) {
  const answer = await rawRequest(server.url, method, target, headers, body);
  expect(answer, `${method} ${target} was sent`).toBeDefined();
  expect(answer?.contentType, `${method} ${target}: ${answer?.body.slice(0, 200)}`).toContain('application/problem+json');
  return { status: answer?.status ?? 0, problem: JSON.parse(answer?.body ?? '{}') as Problem };
}

/** The log lines this server wrote at `level` (pino numbers: 30 info, 50 error). */
const logLines = (level: number) =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string; req?: { url: string }; res?: { status: number } })
    .filter((line) => line.level === level);

describe('requests a library refuses', () => {
  it('a malformed escape in the embed, asset and feed paths: 400 problems', async () => {
    for (const target of [
      '/embed/treaty/%ZZ',
      '/embed/treaty/%',
      '/embed/treaty/%C0%AF',
      '/feeds/treaties/%ZZ.atom',
      '/assets/%ZZ',
      '/assets/%',
      `/assets/%C0%AF${asset}`,
      '/api/treaties/%ZZ/updates',
    ]) {
      const { status, problem } = await problemOf('GET', target, auth);
      expect([status, problem.type], target).toEqual([400, '/problems/invalid-path']);
      expect(problem.detail).not.toMatch(/at .*\.js|Error:/);
    }
  });

  it('a client page with a malformed escape is still the page (the client shows its own not-found)', async () => {
    const page = await rawRequest(server.url, 'GET', '/treaty/%ZZ');
    expect([page?.status, page?.contentType]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('path traversal out of /assets, plain or encoded: a 4xx problem, never the file', async () => {
    for (const target of [
      '/assets/../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%5c..%5cpackage.json',
      '/assets/%00',
      `/assets/${asset}%00.js`,
      '/assets/....//....//package.json',
    ]) {
      const { status, problem } = await problemOf('GET', target);
      expect(status, target).toBeGreaterThanOrEqual(400);
      expect(status, target).toBeLessThan(500);
      expect(problem.status).toBe(status);
      expect(JSON.stringify(problem)).not.toContain('"workspaces"');
    }
    expect((await rawRequest(server.url, 'GET', `/assets/${asset}`))?.status).toBe(200);
  });

  it('a body whose Content-Encoding is a lie, or unknown: 400 or 415, nothing stored', async () => {
    const json = { ...auth, 'content-type': 'application/json' };
    for (const [encoding, status] of [
      ['gzip', 400],
      ['deflate', 400],
      ['br', 400],
      ['x-unknown', 415],
      ['gzip, zz', 415],
    ] as const) {
      const answer = await problemOf(
        'POST',
        '/api/treaties/npt/updates',
        { ...json, 'content-encoding': encoding },
        'not compressed at all',
      );
      expect(answer.status, encoding).toBe(status);
    }
    const truncated = await problemOf(
      'POST',
      '/api/treaties/npt/updates',
      { ...json, 'content-encoding': 'gzip' },
      Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
    );
    expect(truncated.status).toBe(400);
    expect(truncated.problem.errors?.[0]?.message).toContain('gzip');
    const feed = await rawRequest(server.url, 'GET', '/api/updates?after=0&limit=500');
    expect(feed?.body).not.toContain('not compressed');
  });

  it('a GET with a body it cannot read, and bodies body-parser refuses: 4xx problems', async () => {
    expect((await problemOf('GET', '/api/treaties', { 'content-type': 'application/json' }, '{')).status).toBe(400);
    expect((await problemOf('GET', '/api/snapshot', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'x')).status).toBe(
      400,
    );
    expect(
      (await problemOf('POST', '/api/treaties/npt/updates', { ...auth, 'content-type': 'application/json; charset=latin1' }, '{}')).status,
    ).toBe(415);
    expect(
      (await problemOf('POST', '/api/treaties/npt/updates', { ...auth, 'content-type': 'application/json; charset=utf-99' }, '{}')).status,
    ).toBe(415);
    expect(
      (await problemOf('POST', '/api/treaties/npt/updates', { ...auth, 'content-type': 'application/json' }, Buffer.alloc(70_000, 0x20)))
        .status,
    ).toBe(413);
  });

  it('logs each refusal at info and nothing at error', async () => {
    await problemOf('GET', '/api/treaties/%ZZ');
    await expect.poll(() => logLines(30).some((line) => line.req?.url === '/api/treaties/%ZZ' && line.res?.status === 400)).toBe(true);
    expect(logLines(50)).toEqual([]);
    expect(server.output()).not.toMatch(/URIError|ZlibError|incorrect header check\n\s+at /);
  });
});
