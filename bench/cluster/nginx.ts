import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../processes';

export const NGINX = '/usr/sbin/nginx';
/** The response header that names the process behind nginx, so the bench knows where each client landed. */
export const UPSTREAM_HEADER = 'x-bench-upstream';
/** Files an nginx worker holds besides its connections. */
const FILES_BESIDE_CONNECTIONS = 100;
/** Room for the kernel spreading connections unevenly over the workers. */
const UNEVEN_SPREAD = 1.25;

export interface Nginx {
  url: string;
  workers: number;
  workerConnections: number;
  /**
   * Waits until nginx sends a request to the process on `port` again. nginx counts a process
   * that refused connections as down for a while (`max_fails`, `fail_timeout`), restarted or
   * not: stopping the next one before then leaves nginx no process it believes in.
   */
  routesTo(port: number, timeoutMs: number): Promise<boolean>;
  /** The end of its error log, to say why a connection failed. */
  errorLogTail(): string;
  stop(): Promise<void>;
}

/**
 * deploy/nginx.conf with the bench's addresses, and two changes. The bench's clients open their
 * WebSocket straight away (no long-polling first), so they need no stickiness; and `ip_hash`
 * keys on the first three octets of an IPv4 address, so every loopback client would land on one
 * process. `least_conn` (in a zone the workers share) spreads them, and sends the clients of a
 * process that went away to the others. Each answer names the process behind it.
 */
export function siteConfig(port: number, upstreams: number[]): string {
  const shipped = fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
  const servers = /^([ \t]*)server 127\.0\.0\.1:\d+( [^;\n]*)?;\n(?:[ \t]*server 127\.0\.0\.1:\d+[^;\n]*;\n)*/m.exec(shipped);
  if (!servers || !shipped.includes('ip_hash;') || !shipped.includes('listen 80;') || !shipped.includes('location /socket.io/ {')) {
    throw new Error(
      'deploy/nginx.conf no longer has the shape the cluster bench rewrites (listen 80, ip_hash, server lines, location /socket.io/)',
    );
  }
  const [lines, indent = '', options = ''] = servers;
  return shipped
    .replace(lines, upstreams.map((p) => `${indent}server 127.0.0.1:${p}${options};\n`).join(''))
    .replace('ip_hash;', 'least_conn;\n    zone treaty_watch 64k;')
    .replace('listen 80;', `listen 127.0.0.1:${port} reuseport backlog=4096;`)
    .replaceAll(/location (\S+) \{/g, `location $1 {\n        add_header ${UPSTREAM_HEADER} $upstream_addr always;`);
}

/**
 * Each proxied WebSocket costs nginx two connections (the client's and the upstream's), each
 * a file. A worker holds at most its open-file limit, so as many workers as the clients need,
 * listening with SO_REUSEPORT so the kernel spreads connections over them.
 */
export function workerPlan(clients: number, openFiles: number | 'unlimited'): { workers: number; workerConnections: number } {
  const workerConnections = openFiles === 'unlimited' ? 2 * clients + FILES_BESIDE_CONNECTIONS : openFiles - FILES_BESIDE_CONNECTIONS;
  return { workers: Math.max(1, Math.ceil((2 * clients * UNEVEN_SPREAD) / workerConnections)), workerConnections };
}

/** nginx with its own prefix, pid file, logs and temp paths under `dir`: never the system's. */
export async function startNginx(
  dir: string,
  port: number,
  upstreams: number[],
  plan: { workers: number; workerConnections: number },
): Promise<Nginx> {
  fs.writeFileSync(path.join(dir, 'site.conf'), siteConfig(port, upstreams));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join('\n  ');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      `worker_processes ${plan.workers};`,
      `worker_rlimit_nofile ${plan.workerConnections + FILES_BESIDE_CONNECTIONS};`,
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      // As deploy/nginx.conf asks of the operator's events block: see there.
      `events { worker_connections ${plan.workerConnections}; multi_accept on; }`,
      `http {\n  access_log off;\n  ${temp}\n  include ${dir}/site.conf;\n}\n`,
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  const errorLog = path.join(dir, 'error.log');
  const tail = () => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8').split('\n').slice(-12).join('\n') : '');
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok) {
      return {
        url,
        ...plan,
        errorLogTail: tail,
        async routesTo(port, timeoutMs) {
          for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
            const response = await fetch(`${url}/healthz`).catch(() => undefined);
            if (response?.headers.get(UPSTREAM_HEADER)?.split(', ').at(-1) === `127.0.0.1:${port}`) return true;
            await new Promise((r) => setTimeout(r, 100));
          }
          return false;
        },
        async stop() {
          if (child.exitCode !== null) return;
          // Fast shutdown: a graceful one would wait for every WebSocket to end.
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`nginx did not answer on ${url}: ${errors}${tail()}`);
}
