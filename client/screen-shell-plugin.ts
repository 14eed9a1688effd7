import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { transformWithOxc, type Plugin, type Rolldown } from 'vite';

/** The same id the server derives from the built page (server/src/http/client-app.ts). */
const buildIdOf = (html: string | Uint8Array) => createHash('sha256').update(html).digest('hex').slice(0, 12);

/** Every file the page loads, lazily or not, except source maps: all of it must work offline. */
function filesOf(bundle: Rolldown.OutputBundle, page: string): string[] {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
    files.add(fileName);
    for (const file of [...(chunk.viteMetadata?.importedCss ?? []), ...(chunk.viteMetadata?.importedAssets ?? [])]) files.add(file);
    [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
  };
  for (const chunk of Object.values(bundle))
    if (chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId === page) visit(chunk.fileName);
  return [...files].sort();
}

/**
 * Writes the wall screen's service worker, `screen-sw.js`, beside the page, with the build's id
 * and its file names written in: the asset names are hashed, and a worker whose bytes change
 * with every build is what makes the browser install the new one.
 */
export function screenShell(options: { page: string; worker: string }): Plugin {
  return {
    name: 'treaty-watch-screen-shell',
    apply: 'build',
    async writeBundle(output, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset' || !output.dir) throw new Error('the screen shell needs the built index.html');
      const shell = { buildId: buildIdOf(html.source), files: filesOf(bundle, options.page) };
      const { code } = await transformWithOxc(fs.readFileSync(options.worker, 'utf8'), options.worker, { lang: 'ts' });
      fs.writeFileSync(path.join(output.dir, 'screen-sw.js'), `const SCREEN_SHELL = ${JSON.stringify(shell)};\n${code}`);
    },
  };
}
