import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The layer rules read only the import's text; type information would only slow this down.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The layer rules `npm run lint` reports for `code` written at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('the layers are kept by npm run lint', () => {
  it('fails a service that imports http/ or realtime/', async () => {
    const errors = await layerErrors(
      'server/src/services/some-service.ts',
      [
        "import { HttpProblem } from '../http/problem';",
        "import type { Broadcaster } from '../realtime/broadcaster';",
        "export { outcomeStatus } from '../http/outcome-status';",
        'export const all = [HttpProblem, {} as Broadcaster];',
      ].join('\n'),
    );
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/A service never imports http\/ or realtime\//);
  });

  it('lets a service import the store, its own folder and shared', async () => {
    const code = [
      "import type { Store } from '../store/store';",
      "import { DomainError } from './errors';",
      "import { STATUS_LABELS } from '@treaty-watch/shared';",
      'export const all = [{} as Store, DomainError, STATUS_LABELS];',
    ].join('\n');
    expect(await layerErrors('server/src/services/some-service.ts', code)).toEqual([]);
  });

  it('fails the store when it imports a service, from any depth', async () => {
    expect(
      await layerErrors('server/src/store/some-store.ts', "import { write } from '../services/write';\nexport const w = write;"),
    ).toHaveLength(1);
    expect(
      await layerErrors('server/src/store/sqlite/some-store.ts', "import { write } from '../../services/write';\nexport const w = write;"),
    ).toHaveLength(1);
    expect(
      await layerErrors('server/src/store/sqlite/some-store.ts', "import type { Store } from '../store';\nexport type S = Store;"),
    ).toEqual([]);
  });

  it('fails a client feature that imports another feature, lazily or not', async () => {
    const file = 'client/src/features/treaty/some-part.tsx';
    expect(
      await layerErrors(file, "import { PartiesSection } from '../parties/parties-section';\nexport const p = PartiesSection;"),
    ).toHaveLength(1);
    expect(await layerErrors(file, "export const charts = () => import('../charts/charts-panel');")).toHaveLength(1);
    expect(await layerErrors(file, "import '../board/board.css';")).toHaveLength(1);
    expect(
      await layerErrors('client/src/features/screen/offline/some-part.ts', "import { x } from '../../board/x';\nexport const y = x;"),
    ).toHaveLength(1);
  });

  it('lets a feature import its own files, components/ and lib/', async () => {
    const code = [
      "import { NavLink } from '../../components/nav-link';",
      "import { useNow } from '../../lib/use-now';",
      "import { KeyDates } from './key-dates';",
      "import './treaty.css';",
      'export const all = [NavLink, useNow, KeyDates];',
    ].join('\n');
    expect(await layerErrors('client/src/features/treaty/some-part.tsx', code)).toEqual([]);
    expect(
      await layerErrors(
        'client/src/features/screen/offline/some-part.ts',
        "import { screenOptions } from '../screen-options';\nexport const o = screenOptions;",
      ),
    ).toEqual([]);
  });

  it('fails components/ and lib/ when they import a feature', async () => {
    expect(
      await layerErrors(
        'client/src/components/some-part.tsx',
        "import { BoardPage } from '../features/board/board-page';\nexport const b = BoardPage;",
      ),
    ).toHaveLength(1);
    expect(await layerErrors('client/src/lib/some-part.ts', "import { x } from '../features/editor/x';\nexport const y = x;")).toHaveLength(
      1,
    );
  });
});
