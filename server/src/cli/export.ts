import { loadConfig } from '../config';
import { exportLines } from '../services/log-transfer';
import { openStore } from '../store/open-store';

/** `npm run -s export > board.ndjson`: the event log, tokens, audit trail, embargoes, webhooks, email subscriptions and mail outbox of the configured store as NDJSON. */
const store = await openStore(loadConfig());
try {
  for await (const line of exportLines(store)) {
    if (!process.stdout.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
} finally {
  await store.close();
}
