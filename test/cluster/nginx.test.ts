import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, TreatiesResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { BoardClient } from '../support/board-client';
import { repoRoot } from '../support/paths';
import { REDIS_URL } from '../support/redis';
import { freePort } from '../support/spawned-server';
import { DATABASE_URL } from '../support/stores';
import { useTwoProcesses } from '../support/two-processes';

const NGINX = '/usr/sbin/nginx';
const ready = fs.existsSync(NGINX) && DATABASE_URL && REDIS_URL;
if (!ready)
  process.stdout.write('nginx test skipped: it needs nginx (apt-get install nginx), DATABASE_URL and REDIS_URL; CI has all three.\n');

describe.skipIf(!ready)('the README nginx configuration in front of two processes', () => {
  // TRUST_PROXY as the systemd unit of deploy/ sets it.
  const cluster = useTwoProcesses('nginx', { TRUST_PROXY: 'loopback' });
  const { dir } = cluster;
  let nginx: ChildProcess | undefined;
  let proxy: string;

  beforeAll(async () => {
    const port = await freePort();
    proxy = `http://127.0.0.1:${port}`;
    // The shipped file, with only its addresses changed to this test's.
    const site = fs
      .readFileSync(path.join(repoRoot, 'deploy/nginx.conf'), 'utf8')
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('127.0.0.1:3001', `127.0.0.1:${cluster.a.port}`)
      .replace('127.0.0.1:3002', `127.0.0.1:${cluster.b.port}`);
    fs.writeFileSync(path.join(dir, 'site.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join('\n  ');
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 512; }\nhttp {\n  access_log off;\n  ${temp}\n  include ${dir}/site.conf;\n}\n`,
    );
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if ((await fetch(`${proxy}/healthz`).catch(() => undefined))?.ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not answer: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
  });
  afterAll(async () => {
    const running = nginx;
    if (running?.exitCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGQUIT');
      await exited;
    }
  });

  it('serves the API through the proxy, with a request id', async () => {
    const { status, body, headers } = await request<TreatiesResponse>(`${proxy}/api/treaties`);
    expect(status).toBe(200);
    expect(body.treaties).toHaveLength(10);
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never lets a Host or X-Forwarded-Proto a client forges reach a feed link', async () => {
    const { port } = new URL(proxy);
    const atom = await new Promise<string>((resolve, reject) => {
      http
        .get(
          {
            hostname: '127.0.0.1',
            port,
            path: '/feeds/updates.atom',
            headers: { host: 'evil.example', 'x-forwarded-proto': 'javascript' },
          },
          (response) => {
            let body = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve(body));
          },
        )
        .on('error', reject);
    });
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom).not.toMatch(/evil|javascript/);
    expect(atom).toMatch(new RegExp(`href="(${cluster.a.url}|${cluster.b.url})/feeds/updates.atom"`));
  });

  it('upgrades Socket.IO to a WebSocket, and the dashboard behind it sees writes from either process', async () => {
    const dashboard = new BoardClient(proxy);
    try {
      await dashboard.until(() => dashboard.snapshots.length === 1, 5000, 'a snapshot through nginx');
      expect(dashboard.socket.io.engine.transport.name).toBe('websocket');
      const viaProxy = await postUpdate<PostUpdateResponse>(proxy, 'npt', { headline: 'Through nginx' });
      const onA = await postUpdate<PostUpdateResponse>(cluster.a.url, 'npt', { headline: 'Straight to A' });
      const onB = await postUpdate<PostUpdateResponse>(cluster.b.url, 'npt', { headline: 'Straight to B' });
      // Through nginx and Redis, beside the rest of the suite: live, not at a reload or a resync's fallback.
      await dashboard.until(() => dashboard.changes.length === 3, 10_000, 'three changes');
      expect(dashboard.changes.map((c) => c.seq)).toEqual([viaProxy, onA, onB].map((p) => p.body.update.seq));
    } finally {
      dashboard.close();
    }
  });
});

describe('deploy/nginx.conf', () => {
  it('tells the servers who asked and how, in every location it proxies', () => {
    const conf = fs.readFileSync(path.join(repoRoot, 'deploy/nginx.conf'), 'utf8');
    const locations = conf.split(/\blocation\b/).slice(1);
    expect(locations).toHaveLength(2);
    for (const location of locations) {
      expect(location).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
      expect(location).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
      expect(location).toContain('proxy_set_header X-Forwarded-Host $host;');
      expect(location).toContain('proxy_set_header X-Real-IP $remote_addr;');
    }
  });
});
