import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { root } from './processes';

/** The JS and CSS a first visit loads (what index.html links), gzipped; charts load later, apart. */
export function initialAssets(): { jsKb: number; cssKb: number } {
  const dist = path.join(root, 'client/dist');
  // Built here, for production: a dist left by another command may be a development build.
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(js|css))"/g)];
  const size = (ext: string) =>
    linked.filter((m) => m[2] === ext).reduce((sum, m) => sum + gzipSync(fs.readFileSync(path.join(dist, m[1] ?? ''))).length, 0) / 1024;
  return { jsKb: Math.round(size('js') * 10) / 10, cssKb: Math.round(size('css') * 10) / 10 };
}
