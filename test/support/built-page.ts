import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { clientDist } from './paths';

// Rolldown's minified imports: `from"./x.js"`, `import"./x.js"` and `import("./x.js")`.
const IMPORT = /(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g;

/**
 * The scripts a built page can run: what its HTML loads and every chunk those import, at once
 * or later on demand. Names relative to the build's root (`assets/embed-….js`).
 */
export function scriptsOf(page: string, dist = clientDist): string[] {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const found = new Set([...html.matchAll(/<script[^>]*\ssrc="\/([^"]+\.js)"/g)].map((m) => m[1] ?? ''));
  for (const file of found) {
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) found.add(path.posix.join(path.posix.dirname(file), m[1] ?? ''));
  }
  return [...found];
}

/**
 * The npm packages a built chunk holds, from its source map (`socket.io-client`, `@scope/name`);
 * undefined for a chunk without one (the bundler's own runtime).
 */
export function packagesIn(file: string, dist = clientDist): string[] | undefined {
  const mapFile = path.join(dist, `${file}.map`);
  if (!fs.existsSync(mapFile)) return undefined;
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[] };
  const names = map.sources.flatMap((source) => {
    const rest = source.split('node_modules/').at(-1);
    if (rest === undefined || rest === source) return [];
    const parts = rest.split('/');
    return [parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '')];
  });
  return [...new Set(names)];
}

/** Bytes over the wire, gzipped, of built files. */
export const gzippedBytes = (files: string[], dist = clientDist): number =>
  files.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(dist, file))).length, 0);
