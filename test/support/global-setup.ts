import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CHROMIUM_MISSING, hasChromium } from './chromium';
import { repoRoot } from './paths';

/** Browser tests and the bundle test (test/build/) load the built client, so build it once before any test runs. */
export default function setup(): void {
  if (!hasChromium) {
    process.stdout.write(`\n${CHROMIUM_MISSING}\n\n`);
    if (process.env.CI) throw new Error('CI must run the browser tests: Chromium is missing');
  }
  // Vitest sets NODE_ENV=test, which would build React's development bundle: test what ships.
  execFileSync(path.join(repoRoot, 'node_modules/.bin/vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
