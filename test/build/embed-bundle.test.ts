import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzippedBytes, packagesIn, scriptsOf } from '../support/built-page';

const SOCKET_IO = ['socket.io-client', 'engine.io-client', 'socket.io-parser'];

/** Every package in the scripts a page can run; only the bundler's own small runtime has no source map to tell. */
function packagesOf(page: string): Set<string> {
  const scripts = scriptsOf(page);
  const unmapped = scripts.filter((file) => packagesIn(file) === undefined).map((file) => path.basename(file));
  expect(
    unmapped.every((name) => name.startsWith('rolldown-runtime-')),
    unmapped.join(', '),
  ).toBe(true);
  return new Set(scripts.flatMap((file) => packagesIn(file) ?? []));
}

// The build is the one this test run made (test/support/global-setup.ts), as it ships.
describe('the built embed widget', () => {
  it('carries no Socket.IO client in any script it loads, at once or later: it reads the event stream', () => {
    const embed = packagesOf('embed.html');
    expect(embed).toContain('react-dom');
    for (const name of SOCKET_IO) expect(embed, name).not.toContain(name);
    const scripts = scriptsOf('embed.html');
    process.stdout.write(`embed widget: ${scripts.length} scripts, ${(gzippedBytes(scripts) / 1024).toFixed(1)} KB gzipped\n`);
  });

  it('is read the same way as the dashboard, which does carry it', () => {
    expect(packagesOf('index.html')).toContain('socket.io-client');
  });
});
