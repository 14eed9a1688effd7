import type { LogEntry } from '../store/log-entry';
import type { Store, TokenRecord } from '../store/store';
import { commitEntry } from './log-writer';

/** One line of an export: a log entry, or a token (its hash only) so desks keep their access. */
export type ExportLine = ({ type: 'entry' } & LogEntry) | ({ type: 'token' } & TokenRecord);

const PAGE = 1000;

/** The whole log in seq order, then the tokens: everything a store is rebuilt from. */
export async function* exportLines(store: Store): AsyncGenerator<ExportLine> {
  for (let after = 0; ; ) {
    const entries = await store.logEntries(after, PAGE);
    if (entries.length === 0) break;
    for (const entry of entries) yield { type: 'entry', ...entry };
    after = entries.at(-1)?.seq ?? after;
  }
  for (const token of await store.listTokens()) yield { type: 'token', ...token };
}

/**
 * Rebuilds an empty store from an export, in one transaction: every entry goes through the same
 * write path as when it was first made, so the board comes out the same, seq for seq.
 */
export async function importLines(store: Store, lines: AsyncIterable<ExportLine>): Promise<{ entries: number; tokens: number }> {
  if (!(await store.isEmpty())) throw new Error('import needs an empty store: this one already has a log');
  return store.transaction(async (tx) => {
    let entries = 0;
    let tokens = 0;
    for await (const line of lines) {
      if (line.type === 'token') {
        const { type: _type, ...token } = line;
        await tx.createToken(token);
        tokens += 1;
        continue;
      }
      const { type: _type, seq, ...entry } = line;
      const change = await commitEntry(tx, entry);
      if (change.seq !== seq) throw new Error(`the export has a gap: entry ${seq} would become ${change.seq}`);
      entries += 1;
    }
    return { entries, tokens };
  });
}
