import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/** Screenshots and figures a run leaves for people to look at (git-ignored). */
export function artifactPath(name: string): string {
  const dir = path.join(repoRoot, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
