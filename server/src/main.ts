import { createApp } from './app';
import { loadConfig } from './config';
import { openFileLimit } from './open-files';

const config = loadConfig();
const app = await createApp(config);
const { url } = await app.listen(config.port, config.host);
app.log.info(
  { store: app.store.kind, ...(app.store.kind === 'sqlite' ? { dataDir: config.dataDir } : {}) },
  `Treaty Watch is serving the board on ${url}`,
);
// Every connection holds a file descriptor: the limit is the most connections this process can hold.
const files = openFileLimit();
if (!files) {
  app.log.info('The open-file limit is not readable here: `ulimit -n` says how many connections this process can hold');
} else if (files.soft === files.hard) {
  app.log.info({ openFiles: files }, `This process may hold about ${files.soft} connections at once (its open-file limit)`);
} else {
  app.log.warn(
    { openFiles: files },
    `This process may hold about ${files.soft} connections at once (its open-file limit), below the hard limit of ${files.hard}: \`ulimit -n\` before the start raises it`,
  );
}
if (!config.adminToken) {
  app.log.info('No ADMIN_TOKEN set: create an editor token with `npm run token -- create --role editor --name desk`');
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
