import fs from 'node:fs';
import readline from 'node:readline';
import { loadConfig } from '../config';
import { importLines, SubscriptionsNotImported, type ExportLine } from '../services/log-transfer';
import { openStore } from '../store/open-store';

const USAGE = 'Usage: npm run import -- FILE.ndjson   (into the empty store that DATA_DIR or DATABASE_URL names)';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  process.stderr.write(`${file ? `No such file: ${file}\n` : ''}${USAGE}\n`);
  process.exit(2);
}

async function* read(path: string): AsyncGenerator<ExportLine> {
  let number = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity })) {
    number += 1;
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text) as ExportLine;
    } catch {
      throw new Error(`line ${number} of ${path} is not JSON`);
    }
  }
}

const config = loadConfig();
const store = await openStore(config);
try {
  const counts = await importLines(store, read(file));
  process.stdout.write(
    `Imported ${counts.entry} log entries, ${counts.token} tokens, ${counts.audit} audit entries, ${counts.scheduled} embargoed updates, ${counts.webhook} webhook endpoints, ${counts.subscription} email subscriptions and ${counts.mail} messages of the mail outbox into the ${store.kind} store.\n`,
  );
} catch (error) {
  const message = (error as Error).message;
  process.stderr.write(
    error instanceof SubscriptionsNotImported ? `Import incomplete: ${message}\n` : `Import failed, nothing was written: ${message}\n`,
  );
  process.exitCode = 1;
} finally {
  await store.close();
}
