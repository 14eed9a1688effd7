import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const manifest = (folder: string) => JSON.parse(readFileSync(path.join(repoRoot, folder, 'package.json'), 'utf8')) as Manifest;
function declared(folder: string): string[] {
  const { dependencies, devDependencies } = manifest(folder);
  return Object.keys({ ...dependencies, ...devDependencies });
}

function sourcesIn(folder: string): string[] {
  return readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(repoRoot, folder, file));
}

/** The packages a file imports, statically or dynamically: `@scope/name` or `name`, never a path or a built-in. */
function packagesImportedBy(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => !name.startsWith('.') && !name.startsWith('node:') && !builtinModules.includes(name))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

/** A type-only package is declared through its `@types/` one. */
const typesOf = (name: string) => `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;

/** Each import in `folder` of a package that `own` does not name, as `file: package`. */
function undeclaredIn(folder: string, own: Set<string>): string[] {
  return sourcesIn(folder).flatMap((file) =>
    packagesImportedBy(file)
      .filter((name) => !own.has(name) && !own.has(typesOf(name)))
      .map((name) => `${path.relative(repoRoot, file)}: ${name}`),
  );
}

// A workspace is installed and run from its own manifest (with the root's tools): what it imports
// only because another workspace declared it breaks the day that one stops needing it.
describe('every package the code imports is declared', () => {
  const root = declared('.');
  it.each(['shared', 'server', 'client', 'test'])('by the %s workspace or the root', (workspace) => {
    expect(undeclaredIn(workspace, new Set([...declared(workspace), ...root]))).toEqual([]);
  });

  // The benchmarks run from the root, which links every workspace into node_modules.
  it('by the root, for the benchmarks', () => {
    expect(undeclaredIn('bench', new Set([...root, '@treaty-watch/shared']))).toEqual([]);
  });
});
