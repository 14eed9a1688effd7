import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const tsxBin = path.join(repoRoot, 'node_modules/.bin/tsx');
export const clientDist = path.join(repoRoot, 'client/dist');
