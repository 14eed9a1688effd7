import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { gzippedBytes, scriptsOf } from '../test/support/built-page';
import { root } from './processes';

/** The JS and CSS a first visit loads (what index.html links), gzipped; charts load later, apart. */
export function initialAssets(): { jsKb: number; cssKb: number; embedJsKb: number } {
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
  // The embed widget: every script it can run, since an article's reader pays for all of it.
  const embedJsKb = Math.round((gzippedBytes(scriptsOf('embed.html', dist), dist) / 1024) * 10) / 10;
  return { jsKb: Math.round(size('js') * 10) / 10, cssKb: Math.round(size('css') * 10) / 10, embedJsKb };
}
