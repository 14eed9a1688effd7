import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpenFileLimit } from '../../server/src/open-files';
import { clientDist, repoRoot } from '../support/paths';
import { freePort } from '../support/spawned-server';
import { tempDir } from '../support/temp-dir';

const linux = existsSync('/proc/self/limits');
if (!linux) process.stdout.write('Open-file limit test skipped: it reads /proc/self/limits (Linux).\n');

interface StartLine {
  msg: string;
  openFiles?: { soft: number | string; hard: number | string };
}

const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Runs what `npm run serve` runs, as npm does (`sh -c`, dash on Debian), from a shell whose soft limit is low. */
async function startLine(softLimit: number): Promise<StartLine> {
  const data = tempDir('open-files');
  const child = spawn('sh', ['-c', `ulimit -Sn ${softLimit} && ${scripts.serve ?? ''}`], {
    cwd: repoRoot,
    // Its own process group: the shell may wait on node rather than become it, and both must stop.
    detached: true,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: data.dir,
      CLIENT_DIST: clientDist,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  try {
    return await new Promise<StartLine>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no open-file line within 30 s:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        for (const line of output.split('\n')) {
          if (!line.includes('"openFiles"')) continue;
          clearTimeout(timer);
          resolve(JSON.parse(line) as StartLine);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
  } finally {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
    data.remove();
  }
}

describe.skipIf(!linux)('npm start and the open-file limit', () => {
  // Node raises the soft limit to the hard one as it starts (PlatformInit in its src/node.cc).
  it('runs with its soft limit raised to the hard limit, and says at start how many connections it can hold', async () => {
    const { hard } = parseOpenFileLimit(readFileSync('/proc/self/limits', 'utf8')) ?? {};
    const line = await startLine(256);
    expect(line.openFiles).toEqual({ soft: hard, hard });
    expect(line.msg).toContain(`about ${String(hard)} connections`);
  });

  it('is what npm start runs after the build', () => {
    expect(scripts.start).toMatch(/&& npm run serve$/);
  });
});
